package gov.county.platform.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets one node at a time through its start-up on a shared PostgreSQL database. Two nodes started
 * at the same moment on an empty database would otherwise both create Camunda's tables (Camunda
 * takes no lock for that: its own locks are rows of {@code ACT_GE_PROPERTY}, which do not exist yet;
 * the loser fails on a duplicate key in PostgreSQL's catalogue), and both create the units, users,
 * grants, Tasklist filters and demo cards of a first start (the loser fails on a duplicate key, and
 * filters and cases, which have none, would exist twice).
 * <p>
 * The node takes a PostgreSQL session advisory lock on a connection of its own as soon as its
 * {@link DataSource} exists, before Flyway or the engine use it, and lets it go once the node is
 * ready, or when its start fails. A node that dies loses its connection and with it the lock. A
 * node that waits longer than {@link #MAX_WAIT} gives up with the holder's address. The embedded
 * H2 database is opened by one process only (H2 locks its file), so there it takes nothing.
 */
@Component
class StartupLock implements BeanPostProcessor, DisposableBean {

	/** The advisory lock's keys: this platform ("COUN"), its start-up. */
	static final int PLATFORM_KEY = 0x434F554E;

	static final int STARTUP_KEY = 1;

	static final Duration MAX_WAIT = Duration.ofMinutes(10);

	private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

	private Connection held;

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource) {
			acquire(dataSource);
		}
		return bean;
	}

	private synchronized void acquire(DataSource dataSource) {
		if (this.held != null) {
			return;
		}
		Connection connection = null;
		try {
			connection = dataSource.getConnection();
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				connection.close();
				return;
			}
			connection.setAutoCommit(true);
			Instant start = Instant.now();
			Instant nextReport = start;
			while (!tryLock(connection)) {
				Instant now = Instant.now();
				if (now.isAfter(start.plus(MAX_WAIT))) {
					throw new IllegalStateException("Another node (" + holder(connection)
							+ ") has held the start-up lock of this database for more than " + MAX_WAIT.toMinutes()
							+ " minutes: is it stuck? Stop it, or end that session (SELECT pg_terminate_backend(pid)), "
							+ "and start again");
				}
				if (!now.isBefore(nextReport)) {
					log.info("Another node ({}) is starting on this database; waiting for it to finish",
							holder(connection));
					nextReport = now.plusSeconds(30);
				}
				Thread.sleep(500);
			}
			this.held = connection;
			log.info("Start-up lock taken after {} ms", Duration.between(start, Instant.now()).toMillis());
		}
		catch (SQLException ex) {
			abort(connection);
			throw new IllegalStateException("Cannot take the start-up lock of the database: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			abort(connection);
			throw new IllegalStateException("Interrupted while waiting for the start-up lock of the database", ex);
		}
		catch (RuntimeException ex) {
			abort(connection);
			throw ex;
		}
	}

	/** After every start step, the demo cards included: the next node may start. */
	@Order(Ordered.LOWEST_PRECEDENCE)
	@EventListener(ApplicationReadyEvent.class)
	public synchronized void release() {
		if (this.held == null) {
			return;
		}
		Connection connection = this.held;
		this.held = null;
		try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
			unlock.setInt(1, PLATFORM_KEY);
			unlock.setInt(2, STARTUP_KEY);
			unlock.execute();
			connection.close();
			log.info("Start-up lock released");
		}
		catch (SQLException ex) {
			// a pooled connection must not go back still holding the lock: end its session instead
			log.warn("Could not release the start-up lock cleanly; closing its database session", ex);
			abort(connection);
		}
	}

	/** A failed start closes the context: the lock goes with it. */
	@Override
	public void destroy() {
		release();
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
			lock.setInt(1, PLATFORM_KEY);
			lock.setInt(2, STARTUP_KEY);
			try (ResultSet taken = lock.executeQuery()) {
				return taken.next() && taken.getBoolean(1);
			}
		}
	}

	private static String holder(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT a.pid, a.client_addr, a.backend_start "
				+ "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
				+ "AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 2")) {
			query.setLong(1, PLATFORM_KEY);
			query.setLong(2, STARTUP_KEY);
			try (ResultSet holder = query.executeQuery()) {
				if (!holder.next()) {
					return "gone by now";
				}
				return "database session " + holder.getInt(1) + " from " + holder.getString(2) + ", connected at "
						+ holder.getObject(3);
			}
		}
	}

	private static void abort(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.abort(Runnable::run);
			connection.close();
		}
		catch (SQLException ex) {
			log.debug("Closing the start-up lock's connection failed", ex);
		}
	}

}
