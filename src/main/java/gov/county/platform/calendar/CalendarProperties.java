package gov.county.platform.calendar;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the working-day calendar comes from and which zone deadlines are in.
 *
 * @param zone the county's time zone; deadlines fall at 23:59:59 of a working day in this zone
 * @param overrideDir a folder of {@code YYYY.json} schedules that add to or replace the shipped ones
 */
@ConfigurationProperties("platform")
public record CalendarProperties(ZoneId zone, Calendar calendar) {

	public CalendarProperties {
		if (zone == null) {
			zone = ZoneId.of("Asia/Shanghai");
		}
		if (calendar == null) {
			calendar = new Calendar(null);
		}
	}

	public record Calendar(Path overrideDir) {
	}

}
