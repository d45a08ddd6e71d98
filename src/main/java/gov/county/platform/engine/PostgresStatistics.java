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
 * Teaches PostgreSQL how selective the engine's permission bits are. With
 * {@code camunda.bpm.authorization.authorization-check-revokes} at Camunda's default ({@code auto}),
 * Tasklist's task query joins the authorization table on an OR of resource ids and filters it with
 * {@code PERMS_ & n = n}; without statistics on those expressions the planner guesses that a handful
 * of grants match, materialises them all, and compares every task with every grant of the clerk's
 * unit (seconds once a unit has a few thousand open tasks). The platform ships {@code always}, which
 * checks grants row by row instead and needs no statistics; these keep the join form usable for a
 * county that changes the setting back. Idempotent, and nothing is done on H2.
 */
@Component
class PostgresStatistics {

	private static final Logger log = LoggerFactory.getLogger(PostgresStatistics.class);

	private final DataSource dataSource;

	PostgresStatistics(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** After the engine has created its tables, before the node serves requests. */
	@Order(10)
	@EventListener(ApplicationStartedEvent.class)
	void createPermissionStatistics() {
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
