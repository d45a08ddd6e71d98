package gov.county.platform.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The time limits the domain leaves to the county, in working days, from the configuration
 * ({@code platform.time-limits.*}, or the environment variables {@code PLATFORM_TIME_LIMITS_*}). The
 * time limits of cards and rectification plans themselves are decision tables an admin edits in
 * Camunda Modeler ({@code processes/*TimeLimitDecision.dmn}).
 *
 * @param acceptanceReminderDays a card not yet accepted is reminded after this many
 * @param coHandlingDays co-units give their opinion within this many after dispatch
 * @param returnDays a card returned later than this after dispatch is recorded as a late return
 * @param maxExtensionDays all extensions of one card together
 * @param evaluationDays the submitter's evaluation is awaited this long after collation
 * @param lateAfterDays the last step of an escalation ladder (notice of criticism) this many after the
 * due day
 * @param progressReportDays a rectification's monthly progress report is due this many after it is
 * asked for
 */
@ConfigurationProperties("platform.time-limits")
public record TimeLimits(Integer acceptanceReminderDays, Integer coHandlingDays, Integer returnDays,
		Integer maxExtensionDays, Integer evaluationDays, Integer lateAfterDays, Integer progressReportDays) {

	public TimeLimits {
		acceptanceReminderDays = atLeastOne("acceptance-reminder-days", acceptanceReminderDays, 1);
		coHandlingDays = atLeastOne("co-handling-days", coHandlingDays, 3);
		returnDays = atLeastOne("return-days", returnDays, 2);
		maxExtensionDays = atLeastOne("max-extension-days", maxExtensionDays, 10);
		evaluationDays = atLeastOne("evaluation-days", evaluationDays, 5);
		lateAfterDays = atLeastOne("late-after-days", lateAfterDays, 5);
		progressReportDays = atLeastOne("progress-report-days", progressReportDays, 5);
	}

	/** The domain's defaults (DOMAIN.md), as a county gets them without configuring anything. */
	public static TimeLimits defaults() {
		return new TimeLimits(null, null, null, null, null, null, null);
	}

	private static int atLeastOne(String name, Integer days, int fallback) {
		if (days == null) {
			return fallback;
		}
		if (days < 1 || days > 250) {
			throw new IllegalArgumentException("platform.time-limits." + name
					+ " must be a number of working days from 1 to 250, was " + days);
		}
		return days;
	}

}
