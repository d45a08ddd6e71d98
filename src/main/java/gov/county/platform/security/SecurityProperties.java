package gov.county.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param clerkStartableProcesses process ids a unit clerk may start (Tasklist "Start process")
 * @param countyPlatformProcesses process ids only the county platform may start besides those
 */
@ConfigurationProperties("platform.security")
record SecurityProperties(List<String> clerkStartableProcesses, List<String> countyPlatformProcesses) {

	SecurityProperties {
		clerkStartableProcesses = clerkStartableProcesses == null ? List.of() : List.copyOf(clerkStartableProcesses);
		countyPlatformProcesses = countyPlatformProcesses == null ? List.of() : List.copyOf(countyPlatformProcesses);
	}

}
