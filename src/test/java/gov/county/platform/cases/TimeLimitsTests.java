package gov.county.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The time limits a county sets in its configuration or environment, and the domain's defaults. */
class TimeLimitsTests {

	@Test
	void withoutConfigurationTheDomainsTimeLimitsApply() {
		TimeLimits limits = bind(Map.of());
		assertThat(limits.acceptanceReminderDays()).isEqualTo(1);
		assertThat(limits.coHandlingDays()).isEqualTo(3);
		assertThat(limits.returnDays()).isEqualTo(2);
		assertThat(limits.maxExtensionDays()).isEqualTo(10);
		assertThat(limits.evaluationDays()).isEqualTo(5);
		assertThat(limits.lateAfterDays()).isEqualTo(5);
		assertThat(limits.progressReportDays()).isEqualTo(5);
		assertThat(limits).isEqualTo(TimeLimits.defaults());
	}

	@Test
	void anOperatorSetsThemByEnvironmentVariable() {
		TimeLimits limits = bind(Map.of("PLATFORM_TIME_LIMITS_MAX_EXTENSION_DAYS", "15",
				"PLATFORM_TIME_LIMITS_LATE_AFTER_DAYS", "3"));
		assertThat(limits.maxExtensionDays()).isEqualTo(15);
		assertThat(limits.lateAfterDays()).isEqualTo(3);
		assertThat(limits.coHandlingDays()).isEqualTo(3);
	}

	@Test
	void aTimeLimitOfNoWorkingDaysIsRefusedNamingTheSetting() {
		assertThatThrownBy(() -> bind(Map.of("PLATFORM_TIME_LIMITS_CO_HANDLING_DAYS", "0")))
			.rootCause()
			.hasMessageContaining("platform.time-limits.co-handling-days")
			.hasMessageContaining("was 0");
	}

	private static TimeLimits bind(Map<String, Object> environment) {
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-env", environment));
		return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("platform.time-limits", TimeLimits.class);
	}

}
