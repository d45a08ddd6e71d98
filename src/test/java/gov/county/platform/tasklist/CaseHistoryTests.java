package gov.county.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import gov.county.platform.ledger.EventType;
import gov.county.platform.ledger.LedgerEntry;

/** What a task's "办理经过 Case history" says of a case's ledger, without an engine. */
class CaseHistoryTests {

	private static final Map<String, String> NAMES = Map.of("dept-housing", "县住房和城乡建设局", "dept-civil-affairs",
			"县民政局", "township-labao", "拉包乡", "county-platform", "县协调平台（县领导小组办公室）");

	private static final CaseHistory HISTORY = new CaseHistory(CaseHistory.shippedLines(),
			unit -> NAMES.getOrDefault(unit, unit), ZoneId.of("Asia/Shanghai"));

	/** Friday 4 December 2026, 23:59:59 in the county. */
	private static final Instant DUE = Instant.parse("2026-12-04T15:59:59Z");

	private static int seq;

	private static LedgerEntry entry(String event, String unit, String at, Instant dueAt, String detail) {
		return new LedgerEntry(++seq, "HD-2026-000042", seq, "InteractionCardProcess", event, unit, "system",
				Instant.parse(at), dueAt, detail, "hash", "previous");
	}

	@Test
	void escalationsAndOpinionsInPlainWordsNewestFirstInCountyTime() {
		List<LedgerEntry> ledger = List.of(
				entry("FILED", "township-labao", "2026-11-30T01:00:00Z", null, "REQUEST via HOTLINE: 路灯"),
				entry("DISPATCHED", "dept-housing", "2026-11-30T02:00:00Z", null, "lead dept-housing"),
				entry("CO_HANDLED", "dept-civil-affairs", "2026-12-02T07:10:00Z", null, "同意住建局牵头\n 我局配合。"),
				entry("WARNED", "dept-housing", "2026-12-03T16:00:00Z", DUE,
						"handling of dept-housing due 2026-12-04T23:59:59+08:00"),
				entry("URGED", "dept-housing", "2026-12-04T16:00:00Z", DUE, "handling of dept-housing due ..."),
				entry("REPRIMANDED", "dept-housing", "2026-12-11T16:00:00Z", DUE, "handling of dept-housing due ..."));

		assertThat(HISTORY.text(ledger).split("\n")).containsExactly(
				"2026-12-12 00:00 通报批评：逾期仍未办结，办理期限 2026-12-04（县住房和城乡建设局） Notice of criticism: still not done, due 2026-12-04",
				"2026-12-05 00:00 催办：已超过办理期限 2026-12-04（县住房和城乡建设局） Urged: overdue since 2026-12-04",
				"2026-12-04 00:00 预警：办理期限将于 2026-12-04 到期（县住房和城乡建设局） Warned: due 2026-12-04",
				"2026-12-02 15:10 县民政局 协办意见 Co-handling opinion: 同意住建局牵头 我局配合。");
	}

	@Test
	void extensionsReturnsAndReworkAreTold() {
		Instant extended = Instant.parse("2026-12-09T15:59:59Z");
		List<LedgerEntry> ledger = List.of(
				entry("EXTENSION_REQUESTED", "dept-housing", "2026-12-01T01:00:00Z", DUE, "3 working days: 需要现场勘查"),
				entry("EXTENDED", "county-platform", "2026-12-01T02:00:00Z", extended,
						"3 working days, from 2026-12-04T23:59:59+08:00"),
				entry("RETURNED", "dept-housing", "2026-12-02T02:00:00Z", extended, "属市场监管职责"),
				entry("REWORK", "dept-housing", "2026-12-03T02:00:00Z", extended, "答复过于简单"));

		assertThat(HISTORY.text(ledger)).isEqualTo(String.join("\n",
				"2026-12-03 10:00 督查退回重办（县住房和城乡建设局） Sent back for rework: 答复过于简单",
				"2026-12-02 10:00 县住房和城乡建设局 退回 Returned: 属市场监管职责",
				"2026-12-01 10:00 准予延期，办理期限延至 2026-12-09 Extension granted: now due 2026-12-09",
				"2026-12-01 09:00 县住房和城乡建设局 申请延期 Extension asked: 3 working days: 需要现场勘查"));
	}

	@Test
	void aCaseWithoutAnyOfThemSaysSo() {
		assertThat(HISTORY.text(List.of(entry("FILED", "township-labao", "2026-11-30T01:00:00Z", null, "x"),
				entry("ACCEPTED", "township-labao", "2026-11-30T02:00:00Z", null, "link EFFICIENCY"))))
			.isEqualTo(CaseHistory.NONE)
			.startsWith("暂无督办")
			.contains("No escalations");
		assertThat(HISTORY.text(List.of())).isEqualTo(CaseHistory.NONE);
	}

	@Test
	void aLongHistoryStaysWithinTheEnginesTextVariableAndSaysWhatItLeftOut() {
		List<LedgerEntry> ledger = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ledger.add(entry("CO_HANDLED", "dept-civil-affairs", "2026-12-02T07:10:00Z", null, "意见".repeat(400)));
		}
		String text = HISTORY.text(ledger);

		assertThat(text.length()).isLessThanOrEqualTo(CaseHistory.MAX_LENGTH);
		assertThat(text.split("\n")[0]).as("a person's text cut short")
			.hasSizeLessThan(CaseHistory.MAX_DETAIL + 60)
			.endsWith("…");
		assertThat(text).endsWith("earlier entries: see the case's ledger").contains("条记录见案件台账");
	}

	@Test
	void textTypedByAPersonIsNotReadAsAPlaceholder() {
		assertThat(HISTORY.line(entry("CO_HANDLED", "dept-civil-affairs", "2026-12-02T07:10:00Z", null, "{unit} {due}")))
			.endsWith("Co-handling opinion: {unit} {due}");
	}

	@Test
	void everyLineNamesALedgerEventAndSaysItInChineseThenEnglish() {
		Properties lines = CaseHistory.shippedLines();
		assertThat(lines.stringPropertyNames()).isNotEmpty()
			.allSatisfy(event -> assertThat(EventType.labelOf(event)).as("a named ledger event").isNotEqualTo(event))
			.contains("WARNED", "URGED", "REPRIMANDED", "CRITICIZED", "EXTENSION_REQUESTED", "EXTENDED",
					"EXTENSION_DENIED", "RETURNED", "REWORK", "CO_HANDLED", "PLAN_RETURNED", "VERIFICATION_FAILED");
		Pattern chineseThenEnglish = Pattern.compile("^[^A-Za-z]*\\p{IsHan}.*\\s[A-Z][a-z].*$");
		lines.forEach((event, says) -> {
			assertThat(((String) says).replaceAll("\\{[a-z]+\\}", "")).as(event + " in Chinese, then English")
				.matches(chineseThenEnglish);
			assertThat(Pattern.compile("\\{[a-z]+\\}").matcher((String) says).results().map(r -> r.group()))
				.as(event + " uses only the placeholders the history fills")
				.allSatisfy(placeholder -> assertThat(CaseHistory.PLACEHOLDERS).contains(placeholder));
		});
	}

}
