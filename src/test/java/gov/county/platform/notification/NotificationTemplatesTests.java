package gov.county.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.county.platform.calendar.CalendarProperties;

/** Deadlines in a notice read as the county's clock shows them, whatever form the process keeps them in. */
class NotificationTemplatesTests {

	private final NotificationTemplates templates = new NotificationTemplates(
			new NotificationProperties(null, null, 3, null, null, null,
					Map.of("due", new NotificationProperties.Template("due", "{caseNo} 到期 due {dueAt}",
							"案件 {caseNo} 将于 {dueAt} 到期。 Case {caseNo} is due at {dueAt}."))),
			new CalendarProperties(ZoneId.of("Asia/Shanghai"), null));

	@Test
	void aDeadlineReadsInCountyTimeWithoutTheIsoClutter() {
		for (Object dueAt : new Object[] { "2026-11-27T23:59:59+08:00", "2026-11-27T15:59:59Z",
				"2026-11-27T23:59:59.000+0800", Date.from(Instant.parse("2026-11-27T15:59:59Z")),
				Instant.parse("2026-11-27T15:59:59Z") }) {
			NotificationTemplates.Rendered notice = this.templates.render("due",
					name -> Map.of("caseNo", "HD-2026-000004", "dueAt", dueAt).get(name));
			assertThat(notice.body()).as(String.valueOf(dueAt))
				.isEqualTo("案件 HD-2026-000004 将于 2026-11-27 23:59 到期。 Case HD-2026-000004 is due at 2026-11-27 23:59.");
			assertThat(notice.subject()).isEqualTo("HD-2026-000004 到期 due 2026-11-27 23:59");
		}
	}

	@Test
	void otherTextIsLeftAsItIs() {
		assertThat(this.templates.shown("2026-11-27")).isEqualTo("2026-11-27");
		assertThat(this.templates.shown("会议 2026-11-27T09:00+08:00 开")).isEqualTo("会议 2026-11-27T09:00+08:00 开");
		assertThat(this.templates.shown(42)).isEqualTo("42");
	}

}
