package gov.county.platform.api;

import java.time.Instant;

/**
 * Cells of the API's CSV exports (RFC 4180). A cell that a spreadsheet would read as a formula is
 * prefixed with an apostrophe, so an export cannot run anything when opened.
 */
public final class Csv {

	private Csv() {
	}

	public static String cell(Instant instant) {
		return instant == null ? "" : instant.toString();
	}

	public static String cell(String value) {
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
