package gov.county.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

/**
 * "09:00 on the 1st" is 09:00 in the county, whatever zone the server runs in (UTC here, as on most
 * servers: the engine alone would fire at 17:00 county time).
 */
class CountyTimersTests {

	private static final CountyTimers.InCountyZone SHANGHAI = new CountyTimers.InCountyZone(ZoneId.of("Asia/Shanghai"));

	@Test
	void aMonthlyCronFiresAtNineInTheCountyOnTheFirst() {
		Date due = SHANGHAI.resolveDuedate("0 0 9 1 * ?", Date.from(Instant.parse("2026-12-04T10:00:00Z")), 0);
		assertThat(due.toInstant()).isEqualTo(Instant.parse("2027-01-01T01:00:00Z"));
	}

	@Test
	void justBeforeNineOnTheFirstInTheCountyItFiresThatMorning() {
		// 08:59 county time on 1 January is 00:59 UTC; a UTC reading would wait for 09:00 UTC (17:00 county)
		Date due = SHANGHAI.resolveDuedate("0 0 9 1 * ?", Date.from(Instant.parse("2027-01-01T00:59:00Z")), 0);
		assertThat(due.toInstant()).isEqualTo(Instant.parse("2027-01-01T01:00:00Z"));
	}

	@Test
	void isoRepetitionsAreTheEnginesOwn() {
		Date start = Date.from(Instant.parse("2026-12-04T10:00:00Z"));
		assertThat(SHANGHAI.resolveDuedate("R3/PT1H", start, 0).toInstant())
			.isEqualTo(Instant.parse("2026-12-04T11:00:00Z"));
	}

	@Test
	void aMalformedCycleIsRefusedNamingIt() {
		assertThatThrownBy(() -> SHANGHAI.resolveDuedate("every monday", new Date(), 0))
			.hasMessageContaining("'every monday'")
			.hasMessageContaining("0 0 9 1 * ?");
	}

}
