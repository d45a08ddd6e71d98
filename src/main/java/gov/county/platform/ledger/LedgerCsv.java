package gov.county.platform.ledger;

import java.time.Instant;

/**
 * One ledger entry as a CSV line (RFC 4180). A cell that a spreadsheet would read as a formula is
 * prefixed with an apostrophe, so an exported ledger cannot run anything when opened.
 */
final class LedgerCsv {

	private LedgerCsv() {
	}

	static String row(LedgerEntry e) {
		return String.join(",", cell(e.caseNo()), cell(e.process()), cell(e.event()), cell(e.unit()), cell(e.actor()),
				cell(e.at()), cell(e.dueAt()), cell(e.detail()), cell(e.hash()), cell(e.previousHash())) + "\r\n";
	}

	private static String cell(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
