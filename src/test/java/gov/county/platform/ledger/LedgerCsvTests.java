package gov.county.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import gov.county.platform.api.Csv;

class LedgerCsvTests {

	@Test
	void quotesSeparatorsAndDefusesFormulas() {
		assertThat(Csv.cell("plain")).isEqualTo("plain");
		assertThat(Csv.cell("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
		assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(Csv.cell("-1+2")).isEqualTo("'-1+2");
		assertThat(Csv.cell("line1\nline2")).isEqualTo("\"line1\nline2\"");
		assertThat(Csv.cell((String) null)).isEmpty();
		assertThat(Csv.cell((Instant) null)).isEmpty();
	}

	@Test
	void rowHasEveryContractField() {
		LedgerEntry entry = new LedgerEntry(1, "HD-2026-000001", 1, "InteractionCardProcess", "FILED", "township-labao",
				"clerk", Instant.parse("2026-03-01T00:00:00Z"), null, "拉包乡, 道路", "h1", null);
		assertThat(LedgerCsv.row(entry)).isEqualTo(
				"HD-2026-000001,InteractionCardProcess,FILED,township-labao,clerk,2026-03-01T00:00:00Z,,\"拉包乡, 道路\",h1,\r\n");
	}

	@Test
	void hashChangesWithAnyField() {
		Instant at = Instant.parse("2026-03-01T00:00:00Z");
		String base = LedgerHash.of("C", 1, "P", "E", "u", "a", at, null, "d", null);
		assertThat(LedgerHash.of("C", 1, "P", "E", "u", "a", at, null, "d", null)).isEqualTo(base);
		assertThat(LedgerHash.of("C", 1, "P", "E", "u", "a", at, null, "e", null)).isNotEqualTo(base);
		assertThat(LedgerHash.of("C", 1, "P", "E", "u", "a", at, null, null, null)).isNotEqualTo(base);
		assertThat(LedgerHash.of("C", 1, "P", "E", "ua", "a", at, null, "d", null)).as("field boundaries count")
			.isNotEqualTo(LedgerHash.of("C", 1, "P", "E", "u", "aa", at, null, "d", null));
		assertThat(LedgerHash.of("C", 1, "P", "E", "u", "a", at, null, "d", "prev")).isNotEqualTo(base);
	}

}
