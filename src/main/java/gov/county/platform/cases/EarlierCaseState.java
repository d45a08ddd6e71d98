package gov.county.platform.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Schema migration 12, once per database: the case state of the cases an earlier release filed,
 * which kept it only in the ledger's words (its unit, subject, when it was filed and closed, its
 * time limit, extensions, clock and plan, and the escalations recorded on each clock). The one place that reads the earlier release's ledger
 * detail (its wording is fixed: it was written by that release), in one pass over the ledger in
 * each case's order, in the migration's transaction; the ledger itself is not touched.
 */
@Component
class EarlierCaseState implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(EarlierCaseState.class);

	private static final String CARD = "InteractionCardProcess";

	private static final String RECTIFICATION = "RectificationProcess";

	private static final String SURVEY = "SatisfactionSurveyProcess";

	/** How the earlier release began a card's CLASSIFIED detail. */
	private static final Pattern TIME_LIMIT = Pattern.compile("^time limit (\\d+) working days");

	/** How it began an EXTENDED detail. */
	private static final Pattern EXTENSION = Pattern.compile("^(\\d+) working days");

	/** How it began a measure's escalation detail. */
	private static final Pattern MEASURE = Pattern.compile("^measure (\\d+): ");

	private static final int BATCH = 500;

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("12");
	}

	@Override
	public String getDescription() {
		return "case state of earlier cases";
	}

	@Override
	public Integer getChecksum() {
		return 12;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		Writer writer = new Writer(connection);
		int cases = 0;
		try (PreparedStatement read = connection.prepareStatement("SELECT case_no, process_key, event, unit, "
				+ "occurred_at, due_at, detail FROM ledger_entry ORDER BY case_no, seq")) {
			read.setFetchSize(1000);
			try (ResultSet rs = read.executeQuery()) {
				Earlier current = null;
				while (rs.next()) {
					String caseNo = rs.getString("case_no");
					if (current == null || !current.caseNo.equals(caseNo)) {
						cases += writer.write(current);
						current = new Earlier(caseNo, rs.getString("process_key"));
					}
					current.read(rs.getString("event"), rs.getString("unit"), CaseStates.instant(rs, "occurred_at"),
							CaseStates.instant(rs, "due_at"), rs.getString("detail"));
				}
				cases += writer.write(current);
			}
		}
		writer.flush();
		if (cases > 0) {
			log.info("Case state of {} case(s) of an earlier release taken from their ledger", cases);
		}
	}

	/** One case of the earlier release, as its ledger entries tell it. */
	static final class Earlier {

		final String caseNo;

		final String process;

		String unit;

		String subject;

		Instant openedAt;

		Instant closedAt;

		Integer timeLimitDays;

		int extendedDays;

		int clockNo;

		Instant dueAt;

		Instant clockStartedAt;

		String plan;

		final List<Object[]> escalations = new ArrayList<>();

		Earlier(String caseNo, String process) {
			this.caseNo = caseNo;
			this.process = process;
		}

		void read(String event, String entryUnit, Instant at, Instant due, String detail) {
			String text = detail == null ? "" : detail;
			switch (event) {
				case "FILED" -> {
					if (this.unit == null) {
						this.unit = entryUnit;
						this.openedAt = at;
						// a survey's FILED is its title; a card's "KIND via CHANNEL: SUBJECT", a
						// rectification's "SOURCE[ from CASE]: TITLE"
						int colon = text.indexOf(": ");
						this.subject = SURVEY.equals(this.process) || colon < 0 ? text : text.substring(colon + 2);
					}
				}
				case "CLOSED" -> this.closedAt = at;
				case "CLASSIFIED" -> {
					Matcher limit = TIME_LIMIT.matcher(text);
					if (limit.find()) {
						this.timeLimitDays = Integer.parseInt(limit.group(1));
					}
					clock(due, at);
				}
				case "EXTENDED" -> {
					Matcher days = EXTENSION.matcher(text);
					if (days.find()) {
						this.extendedDays += Integer.parseInt(days.group(1));
					}
					clock(due, at);
				}
				case "REOPENED", "PLAN_REQUESTED" -> clock(due, at);
				case "PLAN_SUBMITTED" -> this.plan = text.indexOf('[') < 0 ? null : text.substring(text.indexOf('['));
				case "WARNED", "URGED", "REPRIMANDED", "CRITICIZED" -> escalation(event, due, at, text);
				default -> {
				}
			}
		}

		private void clock(Instant due, Instant at) {
			if (due != null) {
				this.clockNo++;
				this.dueAt = due;
				this.clockStartedAt = at;
			}
		}

		private void escalation(String step, Instant due, Instant at, String text) {
			String clock;
			Matcher measure = MEASURE.matcher(text);
			if (RECTIFICATION.equals(this.process) && measure.find()) {
				clock = "measure-" + measure.group(1) + "@" + due;
			}
			else if (RECTIFICATION.equals(this.process)) {
				clock = "plan-" + this.clockNo;
			}
			else if (CARD.equals(this.process)) {
				clock = "deadline-" + this.clockNo;
			}
			else {
				return;
			}
			this.escalations.add(new Object[] { clock, step, at });
		}

	}

	/** Batched inserts of the state and the escalations recorded. */
	private static final class Writer {

		private final PreparedStatement state;

		private final PreparedStatement escalation;

		private int pending;

		Writer(Connection connection) throws SQLException {
			this.state = connection.prepareStatement("INSERT INTO case_state (case_no, process_key, unit, "
					+ "time_limit_days, extended_days, clock_no, due_at, clock_started_at, plan, subject, opened_at, "
					+ "closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			this.escalation = connection.prepareStatement(
					"INSERT INTO case_escalation (case_no, clock, step, recorded_at) VALUES (?, ?, ?, ?)");
		}

		int write(Earlier c) throws SQLException {
			if (c == null || c.unit == null) {
				return 0;
			}
			this.state.setString(1, c.caseNo);
			this.state.setString(2, c.process);
			this.state.setString(3, c.unit);
			this.state.setObject(4, c.timeLimitDays);
			this.state.setInt(5, c.extendedDays);
			this.state.setInt(6, c.clockNo);
			this.state.setObject(7, CaseStates.timestamp(c.dueAt));
			this.state.setObject(8, CaseStates.timestamp(c.clockStartedAt));
			this.state.setString(9, c.plan);
			this.state.setString(10, c.subject == null || c.subject.length() <= 500 ? c.subject : c.subject.substring(0, 500));
			this.state.setObject(11, CaseStates.timestamp(c.openedAt));
			this.state.setObject(12, CaseStates.timestamp(c.closedAt));
			this.state.addBatch();
			Set<String> seen = new HashSet<>();
			for (Object[] e : c.escalations) {
				if (seen.add(e[0] + "/" + e[1])) {
					this.escalation.setString(1, c.caseNo);
					this.escalation.setString(2, (String) e[0]);
					this.escalation.setString(3, (String) e[1]);
					this.escalation.setObject(4, CaseStates.timestamp((Instant) e[2]));
					this.escalation.addBatch();
				}
			}
			if (++this.pending >= BATCH) {
				flush();
			}
			return 1;
		}

		void flush() throws SQLException {
			this.state.executeBatch();
			this.escalation.executeBatch();
			this.pending = 0;
		}

	}

}
