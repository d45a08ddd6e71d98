package gov.county.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import gov.county.platform.support.PlatformIntegrationTest;

/**
 * The platform logs to a file as well as to standard output, rolled over daily, compressed, and
 * kept 180 days unless the operator says otherwise.
 */
@PlatformIntegrationTest
class LogFileTests {

	@Autowired
	Environment environment;

	@Test
	void theLogGoesToARollingFileKept180Days() throws Exception {
		Path file = Path.of(this.environment.getRequiredProperty("logging.file.name"));
		assertThat(file).exists();
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("Started");
		assertThat(this.environment.getProperty("logging.logback.rollingpolicy.max-history", Integer.class)).isEqualTo(180);
		assertThat(this.environment.getProperty("logging.logback.rollingpolicy.file-name-pattern"))
			.endsWith(".%d{yyyy-MM-dd}.%i.gz");
	}

}
