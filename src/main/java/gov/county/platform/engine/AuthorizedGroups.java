package gov.county.platform.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Before it checks a signed-in user's grants, Camunda asks once per command which groups hold any
 * grant at all ({@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}), to leave the user's
 * other groups out of the check. Every open task adds a row to that table (its candidate unit's
 * grant), and PostgreSQL has to read them all for the distinct groups: with 100,000 open cards 18 ms
 * each time, five times for one page of Tasklist. On PostgreSQL the platform finds the same groups
 * along the table's index on the group, one step from each group to the next (a loose index scan),
 * in well under a millisecond. H2 already answers the distinct query from that index.
 */
@Component
class AuthorizedGroups extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomSessionFactories());
		factories.add(new SessionFactory() {
			@Override
			public Class<?> getSessionType() {
				return AuthorizationManager.class;
			}

			@Override
			public Session openSession() {
				return new AlongTheIndex();
			}
		});
		configuration.setCustomSessionFactories(factories);
	}

	/** Camunda's authorization manager with the groups that hold grants read along the index on PostgreSQL. */
	static final class AlongTheIndex extends AuthorizationManager {

		@Override
		protected Set<String> getAllGroups() {
			ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
			if (this.availableAuthorizedGroupIds != null
					|| !DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
				return super.getAllGroups();
			}
			this.availableAuthorizedGroupIds = distinctGroups(
					Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection(),
					configuration.getDatabaseTablePrefix());
			return this.availableAuthorizedGroupIds;
		}

	}

	/** The groups named by any grant or revocation, in the command's own transaction. */
	static Set<String> distinctGroups(Connection connection, String prefix) {
		String table = (prefix == null ? "" : prefix) + "ACT_RU_AUTHORIZATION";
		String sql = "WITH RECURSIVE g (id) AS ((SELECT GROUP_ID_ FROM " + table + " WHERE GROUP_ID_ IS NOT NULL "
				+ "ORDER BY GROUP_ID_ LIMIT 1) UNION ALL SELECT (SELECT a.GROUP_ID_ FROM " + table + " a WHERE "
				+ "a.GROUP_ID_ > g.id ORDER BY a.GROUP_ID_ LIMIT 1) FROM g WHERE g.id IS NOT NULL) "
				+ "SELECT id FROM g WHERE id IS NOT NULL";
		Set<String> groups = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				groups.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new ProcessEngineException("Cannot read which groups hold grants: " + ex.getMessage(), ex);
		}
		return groups;
	}

}
