package gov.county.platform.cases;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.api.Csv;
import gov.county.platform.api.DateParameters;
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

	/** One unit's open cases (those it owns: it received or was given them), overdue and escalated among them. */
	public record UnitCount(String unit, String unitName, long open, long overdue, long escalated) {
	}

	private static final Pattern CASE_NO = Pattern.compile("[A-Z]{2,8}-\\d{4}-[0-9A-Z]{1,8}");

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

	private static final String COLUMNS = "s.case_no, s.process_key, s.subject, s.unit, s.opened_at, s.closed_at, "
			+ "s.due_at, EXISTS (SELECT 1 FROM case_escalation e WHERE e.case_no = s.case_no) AS escalated";

	private final JdbcTemplate jdbc;

	private final Directory directory;

	private final DateParameters dates;

	public CaseSearch(JdbcTemplate jdbc, Directory directory, DateParameters dates) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.dates = dates;
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

	/**
	 * The county dashboard: per unit that owns open cases, how many are open, overdue and escalated;
	 * a unit's members see their own units' rows only.
	 */
	@Transactional(readOnly = true)
	public List<UnitCount> perUnit(PlatformUser caller) {
		List<Object> args = new ArrayList<>();
		args.add(CaseStates.timestamp(EngineClock.now()));
		StringBuilder where = new StringBuilder(" WHERE s.closed_at IS NULL");
		if (!caller.isOversight()) {
			List<String> units = caller.groups().isEmpty() ? List.of("") : caller.groups();
			where.append(" AND s.unit IN (").append(String.join(", ", Collections.nCopies(units.size(), "?"))).append(")");
			args.addAll(units);
		}
		return this.jdbc.query("SELECT s.unit, COUNT(*) AS open_cases, "
				+ "SUM(CASE WHEN s.due_at < ? THEN 1 ELSE 0 END) AS overdue, "
				+ "SUM(CASE WHEN EXISTS (SELECT 1 FROM case_escalation e WHERE e.case_no = s.case_no) THEN 1 ELSE 0 END) "
				+ "AS escalated FROM case_state s" + where + " GROUP BY s.unit ORDER BY s.unit",
				(rs, n) -> new UnitCount(rs.getString("unit"),
						this.directory.unit(rs.getString("unit")).map(Unit::name).orElse(rs.getString("unit")),
						rs.getLong("open_cases"), rs.getLong("overdue"), rs.getLong("escalated")),
				args.toArray());
	}

	/**
	 * Every matching case as CSV, newest first: a byte-order mark (so that a spreadsheet opens the
	 * Chinese text as UTF-8), a header in Chinese and English, a line per case.
	 */
	public void csv(Query query, PlatformUser caller, PrintWriter out) {
		out.print('\ufeff');
		out.print("案件编号 case,流程 process,事项 subject,单位 unit,状态 status,超期 overdue,督办 escalated,"
				+ "登记 filed,办结 closed,期限 due\r\n");
		export(query, caller, row -> out.print(String.join(",", Csv.cell(row.caseNo()), Csv.cell(row.process()),
				Csv.cell(row.subject()), Csv.cell(row.unitName()), Csv.cell(row.status()), row.overdue() ? "yes" : "no",
				row.escalated() ? "yes" : "no", Csv.cell(row.openedAt()), Csv.cell(row.closedAt()),
				Csv.cell(row.dueAt())) + "\r\n"));
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

	/** The search from the API's parameters, each checked; a refusal names the parameter. */
	public Query query(String caseNo, String process, String unit, String event, String status,
			String from, String to) {
		check("caseNo", caseNo, CASE_NO, "a case number such as HD-2026-000001");
		check("process", process, NAME, "a process id such as InteractionCardProcess");
		check("unit", unit, NAME, "a unit id such as township-labao");
		check("event", event, NAME, "a ledger event such as FILED");
		Status wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = Status.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.badRequest("status",
						"'status' must be one of " + Arrays.toString(Status.values()));
			}
		}
		Instant[] range = this.dates.range(from, to);
		return new Query(blank(caseNo), blank(process), blank(unit), blank(event), wanted, range[0],
				range[1]);
	}

	private static void check(String field, String value, Pattern pattern, String expected) {
		if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
			throw ApiProblem.badRequest(field, "'" + field + "' must be " + expected);
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
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
			Instant closed = CaseStates.instant(rs, "closed_at");
			Instant due = CaseStates.instant(rs, "due_at");
			String unit = rs.getString("unit");
			return new Row(rs.getString("case_no"), rs.getString("process_key"), rs.getString("subject"), unit,
					this.directory.unit(unit).map(Unit::name).orElse(unit), closed == null ? "OPEN" : "CLOSED",
					closed == null && due != null && due.isBefore(now), rs.getBoolean("escalated"),
					CaseStates.instant(rs, "opened_at"), closed, due);
		};
	}

}
