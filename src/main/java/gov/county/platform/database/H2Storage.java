package gov.county.platform.database;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Registers the {@code dsync:} file system with H2 before anything can open the embedded database
 * (an environment post-processor runs before any bean), for every start: the platform, its tests, and
 * any tool that starts the application.
 */
public class H2Storage implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		DsyncFilePath.register();
	}

}
