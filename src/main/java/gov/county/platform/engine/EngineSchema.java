package gov.county.platform.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the platform adds to the tables Camunda creates itself, once the engine has created them and
 * before the node reports ready and starts its job executor (a cluster's nodes pass here one at a
 * time: {@link StartupLock}). Every statement is idempotent. On PostgreSQL the first start after an
 * upgrade builds the indexes, holding off writes to the job and task tables for that long (seconds
 * for a hundred thousand jobs or tasks).
 * <ul>
 * <li>An index on the jobs' due date. The platform's job executor takes the jobs that are due
 * oldest first ({@code jobExecutorAcquireByDueDate}, {@code ensureJobDueDateNotNull} in
 * {@code application.yaml}); with this index that is a short walk along it. Without an order the
 * database scanned the job table from its start for every acquisition, over the rows of jobs already
 * done and of deadlines still to come: 15 ms and 2,300 pages a time on PostgreSQL while 10,000 cards
 * fell due, more of the server's time than the escalations themselves.</li>
 * <li>An index on the jobs' lock expiry. Acquisition passes over a job whose process instance has
 * another exclusive job running; PostgreSQL looks up the running jobs once per acquisition, and
 * without this index that look-up read the whole job table (2,000 pages) to find a few dozen.</li>
 * <li>An index on the tasks' due date. Every shared Tasklist filter lists tasks by due date, 15 to a
 * page: along this index the database reads the tasks in that order and stops at the page's end,
 * checking the grants of those alone, where without it it read, checked and sorted all of a unit's
 * open tasks (a township's first page: on H2 with 20,000 open cards 101 tasks read instead of
 * 20,002, on PostgreSQL with 100,000 about 15 ms of the server's time instead of 100;
 * docs/performance.md). H2 reads along it only without the tenant check ({@code application.yaml}).</li>
 * <li>Jobs from before {@code ensureJobDueDateNotNull} that have no due date get their creation
 * time: the job executor only takes jobs whose due date has come, and would pass over them. Their
 * revision goes up, so a node of the earlier release that holds such a job in memory cannot write
 * the old value back. A node of the earlier release that is still running goes on creating jobs
 * without a due date: upgrade all nodes together (docs/operations.md).</li>
 * <li>On PostgreSQL, planner statistics on the engine's permission bits. With
 * {@code camunda.bpm.authorization.authorization-check-revokes} at Camunda's default ({@code auto}),
 * Tasklist's task query joins the authorization table on an OR of resource ids and filters it with
 * {@code PERMS_ & n = n}; without statistics on those expressions the planner guesses that a
 * handful of grants match, materialises them all, and compares every task with every grant of the
 * clerk's unit (seconds once a unit has a few thousand open tasks). The platform ships
 * {@code always}, which checks grants row by row instead and needs no statistics; these keep the
 * join form usable for a county that changes the setting back.</li>
 * </ul>
 */
@Component
class EngineSchema {

	private static final String JOB_DUE_DATE_INDEX = "ACT_IDX_JOB_DUEDATE";

	private static final String JOB_LOCK_INDEX = "ACT_IDX_JOB_LOCK_EXP";

	private static final String TASK_DUE_DATE_INDEX = "ACT_IDX_TASK_DUE_DATE";

	private static final Logger log = LoggerFactory.getLogger(EngineSchema.class);

	private final DataSource dataSource;

	EngineSchema(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** After the engine has created its tables, before the node reports ready. */
	@Order(10)
	@EventListener(ApplicationStartedEvent.class)
	void complete() {
		createIndex(JOB_DUE_DATE_INDEX, "ACT_RU_JOB", "DUEDATE_", "the job executor takes due jobs by");
		createIndex(JOB_LOCK_INDEX, "ACT_RU_JOB", "LOCK_EXP_TIME_", "the job executor finds running jobs by");
		createIndex(TASK_DUE_DATE_INDEX, "ACT_RU_TASK", "DUE_DATE_", "Tasklist's filters list tasks by");
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			int dated = statement.executeUpdate("UPDATE ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, LOCALTIMESTAMP), "
					+ "REV_ = REV_ + 1 WHERE DUEDATE_ IS NULL");
			if (dated > 0) {
				log.info("{} jobs without a due date are due from their creation time, so the job executor takes them",
						dated);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot give the jobs without a due date one, and the job executor would "
					+ "pass over them: " + ex.getMessage(), ex);
		}
		createPermissionStatistics();
	}

	private void createIndex(String name, String table, String column, String usedFor) {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " (" + column + ")");
		}
		catch (SQLException ex) {
			// slower, not a broken platform: say so and carry on
			log.warn("Could not create the index {} on {}.{}, which {}: {}", name, table, column, usedFor, ex.getMessage());
		}
	}

	private void createPermissionStatistics() {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE STATISTICS IF NOT EXISTS act_ru_authorization_perms "
						+ "ON (perms_ & 2), (perms_ & 64), (perms_ & 16384) FROM act_ru_authorization");
				statement.execute("ANALYZE act_ru_authorization");
			}
		}
		catch (SQLException ex) {
			// slower task lists, not a broken platform: say so and carry on
			log.warn("Could not create the planner statistics for Tasklist's task query: {}", ex.getMessage());
		}
	}

}
