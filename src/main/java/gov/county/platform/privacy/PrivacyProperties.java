package gov.county.platform.privacy;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a submitter's data is kept after the case has closed (ISO-8601 period)
 * @param eraseCron when the erasure runs, in the county's zone (Spring cron: second minute hour day month weekday)
 */
@ConfigurationProperties("platform.privacy")
record PrivacyProperties(@DefaultValue("P3Y") Period retention, @DefaultValue("0 30 2 * * *") String eraseCron) {
}
