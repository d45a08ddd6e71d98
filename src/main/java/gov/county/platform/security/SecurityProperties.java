package gov.county.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param clerkStartableProcesses process ids a unit clerk may start (Tasklist "Start process")
 * @param countyPlatformProcesses process ids only the county platform may start besides those
 * @param signIn how sign-ins are checked and throttled
 */
@ConfigurationProperties("platform.security")
record SecurityProperties(List<String> clerkStartableProcesses, List<String> countyPlatformProcesses,
		@DefaultValue SignIn signIn) {

	SecurityProperties {
		clerkStartableProcesses = clerkStartableProcesses == null ? List.of() : List.copyOf(clerkStartableProcesses);
		countyPlatformProcesses = countyPlatformProcesses == null ? List.of() : List.copyOf(countyPlatformProcesses);
	}

	/**
	 * @param maxAttempts wrong passwords in a row that lock an account
	 * @param lockout how long a locked account stays locked
	 * @param addressMaxFailures failed sign-ins from one address within {@code addressWindow} after
	 * which that address is refused until the window has passed
	 * @param addressWindow the window of {@code addressMaxFailures}
	 * @param passwordIterations PBKDF2 iterations of new password hashes
	 */
	record SignIn(@DefaultValue("5") int maxAttempts, @DefaultValue("PT30M") Duration lockout,
			@DefaultValue("20") int addressMaxFailures, @DefaultValue("PT15M") Duration addressWindow,
			@DefaultValue("600000") int passwordIterations) {
	}

}
