package gov.county.platform.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.engine.EngineClock;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;
import gov.county.platform.security.PlatformUser;

/**
 * Finds cases of every process, newest first, for Cockpit's Cases page and {@code GET /api/cases}:
 * by number, process, a unit that appears in the case, a ledger event it has, its status (open,
 * closed, overdue, escalated) and when it was filed. A unit's members find only the cases their unit
 * appears in (the rule of {@code GET /api/cases/{caseNo}}); the county offices, auditors and admins,
 * every case.
 */
@Service
public class CaseSearch {

	/** What a case's status may be asked for. */
	public enum Status {

		OPEN, CLOSED, OVERDUE, ESCALATED

	}

	/** The search; a null field does not narrow it. {@code from}/{@code to}: when the case was filed. */
	public record Query(String caseNo, String process, String unit, String event, Status status, Instant from,
			Instant to) {
	}

	/** One case as a list shows it; {@code status} OPEN or CLOSED, {@code overdue} while open past its due. */
	public record Row(String caseNo, String process, String subject, String unit, String unitName, String status,
			boolean overdue, boolean escalated, Instant openedAt, Instant closedAt, Instant dueAt) {
	}

	public record Page(List<Row> cases, int page, int size, long total) {
	}

	private static final String COLUMNS = "s.case_no, s.process_key, s.subject, s.unit, s.opened_at, s.closed_at, "
			+ "s.due_at, EXISTS (SELECT 1 FROM case_escalation e WHERE e.case_no = s.case_no) AS escalated";

	private final JdbcTemplate jdbc;

	private final Directory directory;

	public CaseSearch(JdbcTemplate jdbc, Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	@Transactional(readOnly = true)
	public Page search(Query query, PlatformUser caller, int page, int size) {
		List<Object> args = new ArrayList<>();
		String where = where(query, caller, args);
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM case_state s" + where, Long.class, args.toArray());
		List<Object> paged = new ArrayList<>(args);
		paged.add(size);
		paged.add((long) page * size);
		List<Row> rows = this.jdbc.query("SELECT " + COLUMNS + " FROM case_state s" + where
				+ " ORDER BY s.opened_at DESC, s.case_no DESC LIMIT ? OFFSET ?", rowMapper(), paged.toArray());
		return new Page(rows, page, size, total == null ? 0 : total);
	}

	/** Every matching case, newest first, one at a time (the CSV download). */
	@Transactional(readOnly = true)
	public void export(Query query, PlatformUser caller, Consumer<Row> sink) {
		List<Object> args = new ArrayList<>();
		String where = where(query, caller, args);
		RowMapper<Row> mapper = rowMapper();
		this.jdbc.query(con -> {
			var statement = con.prepareStatement("SELECT " + COLUMNS + " FROM case_state s" + where
					+ " ORDER BY s.opened_at DESC, s.case_no DESC");
			statement.setFetchSize(500);
			for (int i = 0; i < args.size(); i++) {
				statement.setObject(i + 1, args.get(i));
			}
			return statement;
		}, rs -> {
			sink.accept(mapper.mapRow(rs, 0));
		});
	}

	private static String where(Query q, PlatformUser caller, List<Object> args) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (q.caseNo() != null) {
			where.append(" AND s.case_no = ?");
			args.add(q.caseNo());
		}
		if (q.process() != null) {
			where.append(" AND s.process_key = ?");
			args.add(q.process());
		}
		if (q.unit() != null) {
			where.append(" AND s.case_no IN (SELECT l.case_no FROM ledger_entry l WHERE l.unit = ?)");
			args.add(q.unit());
		}
		if (q.event() != null) {
			where.append(" AND s.case_no IN (SELECT l.case_no FROM ledger_entry l WHERE l.event = ?)");
			args.add(q.event());
		}
		if (q.status() != null) {
			switch (q.status()) {
				case OPEN -> where.append(" AND s.closed_at IS NULL");
				case CLOSED -> where.append(" AND s.closed_at IS NOT NULL");
				case OVERDUE -> {
					where.append(" AND s.closed_at IS NULL AND s.due_at < ?");
					args.add(CaseStates.timestamp(EngineClock.now()));
				}
				case ESCALATED -> where.append(" AND EXISTS (SELECT 1 FROM case_escalation e WHERE e.case_no = s.case_no)");
			}
		}
		if (q.from() != null) {
			where.append(" AND s.opened_at >= ?");
			args.add(CaseStates.timestamp(q.from()));
		}
		if (q.to() != null) {
			where.append(" AND s.opened_at < ?");
			args.add(CaseStates.timestamp(q.to()));
		}
		if (!caller.isOversight()) {
			List<String> units = caller.groups().isEmpty() ? List.of("") : caller.groups();
			where.append(" AND s.case_no IN (SELECT l.case_no FROM ledger_entry l WHERE l.unit IN (")
				.append(String.join(", ", Collections.nCopies(units.size(), "?")))
				.append("))");
			args.addAll(units);
		}
		return where.toString();
	}

	private RowMapper<Row> rowMapper() {
		Instant now = EngineClock.now();
		return (rs, n) -> {
			Instant closed = instant(rs, "closed_at");
			Instant due = instant(rs, "due_at");
			String unit = rs.getString("unit");
			return new Row(rs.getString("case_no"), rs.getString("process_key"), rs.getString("subject"), unit,
					this.directory.unit(unit).map(Unit::name).orElse(unit), closed == null ? "OPEN" : "CLOSED",
					closed == null && due != null && due.isBefore(now), rs.getBoolean("escalated"),
					instant(rs, "opened_at"), closed, due);
		};
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
