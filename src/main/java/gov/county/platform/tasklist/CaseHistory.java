package gov.county.platform.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

import gov.county.platform.ledger.LedgerEntry;

/**
 * A case's history as a clerk reads it in a task's form: its escalations, extensions, returns and
 * rework and the co-units' opinions, one line each, newest first, each with its county-time date, the
 * unit by name and deadlines as dates. What each event says is in {@code case-history.properties};
 * the events it does not name are left out. Short enough for the engine's text variable: the oldest
 * lines give way to a line saying how many more the ledger has.
 */
final class CaseHistory {

	/** The history of a case with none of these events yet. */
	static final String NONE = "暂无督办、延期、退回或协办记录 No escalations, extensions, returns or co-unit opinions so far";

	/** Within the 4,000 characters the engine keeps of a text variable and of its history. */
	static final int MAX_LENGTH = 3_500;

	/** Where a person's text (an opinion, a reason) is cut short in its line. */
	static final int MAX_DETAIL = 300;

	static final Set<String> PLACEHOLDERS = Set.of("{unit}", "{due}", "{detail}");

	private final Properties lines;

	private final UnaryOperator<String> unitName;

	private final DateTimeFormatter minute;

	private final DateTimeFormatter day;

	/**
	 * @param lines what each event says ({@code case-history.properties})
	 * @param unitName a unit's name by its id
	 * @param zone the county's time zone
	 */
	CaseHistory(Properties lines, UnaryOperator<String> unitName, ZoneId zone) {
		this.lines = lines;
		this.unitName = unitName;
		this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
		this.day = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
	}

	/** {@code case-history.properties} from the classpath. */
	static Properties shippedLines() {
		Properties lines = new Properties();
		try (InputStream in = CaseHistory.class.getResourceAsStream("/case-history.properties")) {
			if (in == null) {
				throw new IllegalStateException("case-history.properties is missing from the classpath");
			}
			lines.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return lines;
	}

	/** The events the history tells of. */
	Set<String> events() {
		return this.lines.stringPropertyNames();
	}

	/** The case's ledger, oldest first, as the history's text. */
	String text(List<LedgerEntry> ledger) {
		List<String> told = new ArrayList<>();
		for (int i = ledger.size() - 1; i >= 0; i--) {
			String line = line(ledger.get(i));
			if (line != null) {
				told.add(line);
			}
		}
		if (told.isEmpty()) {
			return NONE;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < told.size(); i++) {
			String more = "…… 更早的 " + (told.size() - i) + " 条记录见案件台账 " + (told.size() - i)
					+ " earlier entries: see the case's ledger";
			String line = told.get(i);
			boolean last = i == told.size() - 1;
			if (text.length() + line.length() + 1 + (last ? 0 : more.length() + 1) > MAX_LENGTH) {
				text.append(more);
				break;
			}
			text.append(line);
			if (!last) {
				text.append('\n');
			}
		}
		return text.toString();
	}

	/** One entry's line, or null when the history does not tell of its event. */
	String line(LedgerEntry entry) {
		String says = this.lines.getProperty(entry.event());
		if (says == null) {
			return null;
		}
		String unit = entry.unit() == null ? "—" : this.unitName.apply(entry.unit());
		String due = entry.dueAt() == null ? "—" : this.day.format(entry.dueAt());
		return this.minute.format(entry.at()) + " " + says.replace("{unit}", unit)
			.replace("{due}", due)
			.replace("{detail}", detail(entry.detail()));
	}

	private static String detail(String detail) {
		if (detail == null || detail.isBlank()) {
			return "—";
		}
		String oneLine = detail.strip().replaceAll("\\s*\\R\\s*", " ");
		return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
	}

}
