package gov.county.platform.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import gov.county.platform.organization.Unit;

/**
 * Copies the engine rows of one real process instance many times, server-side (INSERT ... SELECT
 * over a number series), so a benchmark can stand on 100,000 open or 1,000,000 finished cards
 * without running them all. Every id of the template's rows gets the copy's number appended, so
 * the copies are distinct instances with their own executions, tasks, identity links, task
 * authorizations, variables (the tasks' own included) and timers. Each copy has a case number of
 * its own wherever the template's appears (business key, task name, the {@code caseNo} variable),
 * and a unit of its own wherever the template's unit appears, by id or by name (candidate group,
 * the group its task grant names, assignee, unit variables): the copies go round {@code units},
 * a unit named twice getting twice the copies. Due dates are apart as the template says.
 */
final class InstanceCloner {

	private final JdbcTemplate jdbc;

	private final Database database;

	InstanceCloner(JdbcTemplate jdbc, Database database) {
		this.jdbc = jdbc;
		this.database = database;
	}

	/** A table to copy and the column that ties its rows to the instance's ids gathered so far. */
	record Source(String table, String column) {

	}

	/**
	 * The template's case number and unit, which each copy replaces by its own; its unit goes round
	 * {@code units} (in this order, repeats allowed). Copy n is due {@code n * dueEvery} seconds after
	 * the template.
	 */
	record Template(String instance, String caseNo, Unit unit, List<Unit> units, int dueEvery) {

	}

	/**
	 * Copies the rows of {@code sources} that belong to the template, {@code copies} times, in the
	 * order given (a source's column is matched against the ids of the rows found before it);
	 * returns the rows written.
	 */
	long copy(Template template, List<Source> sources, long copies, String tag) {
		String instance = template.instance();
		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		Set<String> ids = new HashSet<>();
		ids.add(instance);
		for (Source source : sources) {
			List<Object> keys = new ArrayList<>(ids);
			String in = String.join(", ", Collections.nCopies(keys.size(), "?"));
			List<Map<String, Object>> found = this.jdbc
				.queryForList("SELECT * FROM " + source.table() + " WHERE " + source.column() + " IN (" + in + ")",
						keys.toArray());
			rows.put(source.table(), found);
			for (Map<String, Object> row : found) {
				ids.add((String) value(row, "ID_"));
				row.forEach((column, value) -> {
					if (column.toUpperCase(Locale.ROOT).endsWith("BYTEARRAY_ID_") && value != null) {
						ids.add((String) value);
					}
				});
			}
		}
		// rows others point at go first: byte arrays (variables, jobs), then executions parent first
		rows.computeIfPresent("ACT_RU_EXECUTION", (table, executions) -> parentsFirst(executions));
		List<Map.Entry<String, List<Map<String, Object>>>> inOrder = new ArrayList<>(rows.entrySet());
		inOrder.sort(Comparator.comparing(table -> table.getKey().equals("ACT_GE_BYTEARRAY") ? 0 : 1));
		// history tables have no constraint that needs their plain indexes: built again once, after the copy
		Map<String, String> dropped = new LinkedHashMap<>();
		for (String table : rows.keySet()) {
			if (table.startsWith("ACT_HI_")) {
				dropped.putAll(this.database.plainIndexes(this.jdbc, table));
			}
		}
		dropped.keySet().forEach(index -> this.jdbc.execute("DROP INDEX " + index));
		try {
			// the copies point only at rows copied before them: no foreign key needs checking row by row
			return this.jdbc.execute((ConnectionCallback<Long>) connection -> {
				JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
				one.execute(this.database.foreignKeyChecks(false));
				try {
					long rowsWritten = 0;
					for (Map.Entry<String, List<Map<String, Object>>> table : inOrder) {
						for (Map<String, Object> row : table.getValue()) {
							rowsWritten += one.update(insertCopies(table.getKey(), row, ids, copies, tag, template),
									value(row, "ID_"));
						}
					}
					return rowsWritten;
				}
				finally {
					one.execute(this.database.foreignKeyChecks(true));
				}
			});
		}
		finally {
			dropped.values().forEach(this.jdbc::execute);
		}
	}

	private static List<Map<String, Object>> parentsFirst(List<Map<String, Object>> executions) {
		List<Map<String, Object>> ordered = new ArrayList<>();
		Set<Object> placed = new HashSet<>();
		while (ordered.size() < executions.size()) {
			for (Map<String, Object> execution : executions) {
				Object parent = value(execution, "PARENT_ID_");
				if (!placed.contains(value(execution, "ID_")) && (parent == null || placed.contains(parent))) {
					ordered.add(execution);
					placed.add(value(execution, "ID_"));
				}
			}
		}
		return ordered;
	}

	private String insertCopies(String table, Map<String, Object> row, Set<String> ids, long copies, String tag,
			Template template) {
		List<String> columns = new ArrayList<>();
		List<String> values = new ArrayList<>();
		for (Map.Entry<String, Object> column : row.entrySet()) {
			String name = column.getKey().toUpperCase(Locale.ROOT);
			Object value = column.getValue();
			String quoted = this.database instanceof Database.Postgres ? name.toLowerCase(Locale.ROOT) : name;
			columns.add(quoted);
			String copied = "t." + quoted;
			if (value instanceof String text && ids.contains(text)) {
				copied = copied + " || '-" + tag + "' || s.g";
			}
			else if (value instanceof String text) {
				if (text.contains(template.caseNo())) {
					copied = "REPLACE(" + copied + ", '" + template.caseNo() + "', '" + template.caseNo() + "-" + tag
							+ "' || s.g)";
				}
				// ids first: a unit's name never contains a unit's id
				if (text.contains(template.unit().id())) {
					copied = "REPLACE(" + copied + ", '" + template.unit().id() + "', " + spread(template.units(), Unit::id)
							+ ")";
				}
				if (text.contains(template.unit().name())) {
					copied = "REPLACE(" + copied + ", '" + template.unit().name() + "', "
							+ spread(template.units(), Unit::name) + ")";
				}
			}
			else if (name.equals("DUE_DATE_") && value != null) {
				copied = this.database.plusSeconds(copied, "s.g * " + template.dueEvery());
			}
			values.add(copied);
		}
		return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values)
				+ " FROM " + table + " t, " + this.database.series(copies) + " WHERE t.ID_ = ?";
	}

	private static String spread(List<Unit> units, Function<Unit, String> text) {
		StringBuilder out = new StringBuilder("CASE MOD(s.g, " + units.size() + ")");
		for (int i = 0; i < units.size(); i++) {
			out.append(" WHEN ").append(i).append(" THEN '").append(text.apply(units.get(i)).replace("'", "''")).append('\'');
		}
		return out.append(" END").toString();
	}

	private static Object value(Map<String, Object> row, String column) {
		for (Map.Entry<String, Object> entry : row.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(column)) {
				return entry.getValue();
			}
		}
		return null;
	}

}
