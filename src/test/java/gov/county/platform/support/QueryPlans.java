package gov.county.platform.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The plans of the platform's own statements, as the database the tests run on measures them. */
public final class QueryPlans {

	private static final Pattern H2_ROWS_READ = Pattern.compile("scanCount: (\\d+)");

	private QueryPlans() {
	}

	public static boolean onPostgres(JdbcTemplate jdbc) {
		return "PostgreSQL".equals(
				jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName()));
	}

	/** The statement's plan as it ran with these arguments ({@code EXPLAIN ANALYZE}), one text. */
	public static String explainAnalyze(JdbcTemplate jdbc, String sql, Object... args) {
		return String.join("\n", jdbc.queryForList("EXPLAIN ANALYZE " + sql, String.class, args));
	}

	/** The rows each table or derived table of an H2 plan read, in the plan's order. */
	public static List<Long> h2RowsRead(String plan) {
		List<Long> counts = new ArrayList<>();
		Matcher scanned = H2_ROWS_READ.matcher(plan);
		while (scanned.find()) {
			counts.add(Long.parseLong(scanned.group(1)));
		}
		return counts;
	}

}
