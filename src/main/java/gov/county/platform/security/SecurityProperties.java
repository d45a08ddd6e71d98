package gov.county.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param clerkStartableProcesses process ids a unit clerk may start (Tasklist "Start process") */
@ConfigurationProperties("platform.security")
record SecurityProperties(List<String> clerkStartableProcesses) {

	SecurityProperties {
		clerkStartableProcesses = clerkStartableProcesses == null ? List.of() : List.copyOf(clerkStartableProcesses);
	}

}
