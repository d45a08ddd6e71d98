package gov.county.platform.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.engine.EngineClock;

/**
 * The case state table ({@code case_state}): one row per case, written by the step rules in the
 * transaction of the ledger entry that says the same in words. Reading it back is how a rule knows
 * a case's clock, time limit, extensions and plan; the ledger's text is never parsed for them.
 */
@Repository
public class CaseStates {

	private static final String COLUMNS = "case_no, process_key, unit, time_limit_days, extended_days, clock_no, "
			+ "due_at, clock_started_at, plan";

	private final JdbcTemplate jdbc;

	public CaseStates(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A case that was just filed: its process, the unit that owns it and what it is about. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void open(String caseNo, String process, String unit, String subject) {
		this.jdbc.update("INSERT INTO case_state (case_no, process_key, unit, subject, opened_at, extended_days, "
				+ "clock_no) VALUES (?, ?, ?, ?, ?, 0, 0)", caseNo, process, unit,
				subject == null || subject.length() <= 500 ? subject : subject.substring(0, 500),
				timestamp(EngineClock.now()));
	}

	/** The case ended (closed, rejected, merged, verified); closing it again changes nothing. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void close(String caseNo) {
		int rows = this.jdbc.update("UPDATE case_state SET closed_at = ? WHERE case_no = ? AND closed_at IS NULL",
				timestamp(EngineClock.now()), caseNo);
		if (rows == 0 && find(caseNo).isEmpty()) {
			throw new IllegalStateException("case " + caseNo + " has no state: it was never filed");
		}
	}

	@Transactional(readOnly = true)
	public Optional<CaseState> find(String caseNo) {
		List<CaseState> found = this.jdbc.query("SELECT " + COLUMNS + " FROM case_state WHERE case_no = ?",
				CaseStates::row, caseNo);
		return found.stream().findFirst();
	}

	/** What the case is about, as filed (a card's subject, a rectification's title...). */
	@Transactional(readOnly = true)
	public Optional<String> subject(String caseNo) {
		return this.jdbc.queryForList("SELECT subject FROM case_state WHERE case_no = ?", String.class, caseNo)
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	/** The state of a case that must have one: a case this platform filed. */
	@Transactional(readOnly = true)
	public CaseState get(String caseNo) {
		return find(caseNo)
			.orElseThrow(() -> new IllegalStateException("case " + caseNo + " has no state: it was never filed"));
	}

	/**
	 * Holds the case's row until the transaction ends, so that "is this escalation recorded?" and
	 * the recording that follows are one step across nodes; returns the state as it is now.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CaseState lock(String caseNo) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM case_state WHERE case_no = ? FOR UPDATE", CaseStates::row,
				caseNo)
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("case " + caseNo + " has no state: it was never filed"));
	}

	/** A new clock (the next number) due at {@code dueAt}, started at {@code startedAt}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public CaseClock startClock(String caseNo, Instant dueAt, Instant startedAt) {
		update(this.jdbc.update("UPDATE case_state SET clock_no = clock_no + 1, due_at = ?, clock_started_at = ? "
				+ "WHERE case_no = ?", timestamp(dueAt), timestamp(startedAt), caseNo), caseNo);
		return get(caseNo).clock();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void setTimeLimit(String caseNo, int workingDays) {
		update(this.jdbc.update("UPDATE case_state SET time_limit_days = ? WHERE case_no = ?", workingDays, caseNo),
				caseNo);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void addExtension(String caseNo, int workingDays) {
		update(this.jdbc.update("UPDATE case_state SET extended_days = extended_days + ? WHERE case_no = ?",
				workingDays, caseNo), caseNo);
	}

	/** The plan last submitted, as JSON. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void setPlan(String caseNo, String planJson) {
		update(this.jdbc.update("UPDATE case_state SET plan = ? WHERE case_no = ?", planJson, caseNo), caseNo);
	}

	private static void update(int rows, String caseNo) {
		if (rows != 1) {
			throw new IllegalStateException("case " + caseNo + " has no state: it was never filed");
		}
	}

	private static CaseState row(ResultSet rs, int rowNum) throws SQLException {
		int clockNo = rs.getInt("clock_no");
		Instant dueAt = instant(rs, "due_at");
		CaseClock clock = clockNo == 0 || dueAt == null ? null
				: new CaseClock(clockNo, dueAt, instant(rs, "clock_started_at"));
		int limit = rs.getInt("time_limit_days");
		return new CaseState(rs.getString("case_no"), rs.getString("process_key"), rs.getString("unit"),
				rs.wasNull() ? null : limit, rs.getInt("extended_days"), clock, rs.getString("plan"));
	}

	static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
