package gov.county.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.support.DebianPostgres;
import gov.county.platform.database.DsyncFilePath;

/**
 * Where a benchmark keeps its data: a file-based H2 as the platform ships it, the embedded PostgreSQL 17
 * the tests use, or Debian's packaged PostgreSQL 15 (as a county's server: with its LLVM JIT).
 */
sealed interface Database {

	String label();

	/** A fresh, empty database named {@code name}: its JDBC URL. */
	String fresh(String name);

	/** The Spring arguments that point the platform at the fresh database {@code name}. */
	List<String> platformArguments();

	String driver();

	String user();

	/** How this database adds {@code seconds} (an SQL expression) to a timestamp expression. */
	String plusSeconds(String timestamp, String seconds);

	/** A table of the numbers 1..n in the column {@code g}, for INSERT ... SELECT. */
	String series(long n);

	/**
	 * The plain indexes of {@code table} (not those of its primary key and constraints) that a bulk copy
	 * drops and builds again afterwards, where sorting once beats inserting into every index row by
	 * row: their names and the statements that create them.
	 */
	Map<String, String> plainIndexes(JdbcTemplate jdbc, String table);

	/** The statement that turns foreign-key checks of the current connection on or off, for a bulk copy. */
	String foreignKeyChecks(boolean on);

	/** From now on the database counts the statements run on the database {@code jdbc} points at, from zero. */
	void countStatements(JdbcTemplate jdbc);

	/** What the database ran since {@link #countStatements}, most time first; H2 stops counting here. */
	List<Statement> statements(JdbcTemplate jdbc);

	/** Where this database's statement counts come from, for the profile's heading. */
	String statementSource();

	/**
	 * A statement as the database counted it: how often it ran, the milliseconds it took in all (waiting
	 * for a CPU or a lock included) and the pages it read (-1 where the database does not count them).
	 */
	record Statement(long calls, double millis, long pages, String sql) {
	}

	private static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot clear " + dir, ex);
		}
	}

	static Database of(String name, Path folder) {
		return switch (name) {
			case "h2" -> new H2(folder.resolve("h2"), true);
			case "h2-delayed" -> new H2(folder.resolve("h2-delayed"), false);
			case "postgres" -> new Postgres(folder.resolve("postgres-log"), false);
			case "postgres-15" -> new Postgres(folder.resolve("postgres-15"), true);
			default -> throw new IllegalArgumentException(
					"unknown database '" + name + "': use h2, h2-delayed, postgres or postgres-15");
		};
	}

	/**
	 * A file-based H2: {@code durable} as the platform ships it (each commit on the disk before it
	 * returns, application.yaml), or as it shipped before, when H2 wrote commits up to 500 ms later
	 * and a killed process lost acknowledged cards: to measure what durability costs.
	 */
	record H2(Path folder, boolean durable) implements Database {

		/** The settings of the platform's URL before it was made durable. */
		private static final String DELAYED = ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=1024";

		public H2 {
			DsyncFilePath.register();
		}

		@Override
		public String label() {
			return this.durable ? "H2 (file)" : "H2 (file, writes delayed)";
		}

		@Override
		public String fresh(String name) {
			Path dir = this.folder.resolve(name);
			deleteTree(dir);
			String file = dir.toAbsolutePath().resolve("db").toString();
			return this.durable ? "jdbc:h2:dsync:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
					: "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
		}

		@Override
		public List<String> platformArguments() {
			Path dir = this.folder.resolve("platform");
			deleteTree(dir);
			List<String> arguments = new ArrayList<>(
					List.of("--spring.profiles.active=demo", "--platform.data-dir=" + dir.toAbsolutePath()));
			if (!this.durable) {
				arguments.add("--spring.datasource.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("platform") + DELAYED);
			}
			return arguments;
		}

		@Override
		public String driver() {
			return "org.h2.Driver";
		}

		@Override
		public String user() {
			return "sa";
		}

		@Override
		public String plusSeconds(String timestamp, String seconds) {
			return "DATEADD(SECOND, " + seconds + ", " + timestamp + ")";
		}

		@Override
		public String series(long n) {
			return "SYSTEM_RANGE(1, " + n + ") s(g)";
		}

		@Override
		public String foreignKeyChecks(boolean on) {
			// the whole database's: the harness copies while nothing else writes
			return "SET REFERENTIAL_INTEGRITY " + on;
		}

		@Override
		public void countStatements(JdbcTemplate jdbc) {
			jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
			// turning them off forgets what was counted
			jdbc.execute("SET QUERY_STATISTICS FALSE");
			jdbc.execute("SET QUERY_STATISTICS TRUE");
		}

		@Override
		public List<Statement> statements(JdbcTemplate jdbc) {
			List<Statement> statements = jdbc.query("SELECT EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, SQL_STATEMENT FROM "
					+ "INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC",
					(rs, i) -> new Statement(rs.getLong(1), rs.getDouble(2), -1, rs.getString(3)));
			// counting costs every statement a synchronised update: not in the phases measured after
			jdbc.execute("SET QUERY_STATISTICS FALSE");
			return statements;
		}

		@Override
		public String statementSource() {
			return "H2's QUERY_STATISTICS";
		}

		@Override
		public Map<String, String> plainIndexes(JdbcTemplate jdbc, String table) {
			// none: H2 builds an index row by row either way, and dropping and building them again made
			// copying 200,000 finished cards slower (145 s against 97 s)
			return Map.of();
		}

	}

	/**
	 * A PostgreSQL server: the embedded PostgreSQL 17, or with {@code debian} Debian's PostgreSQL 15 in
	 * {@code folder} (docs/performance.md). Either has {@code auto_explain} loaded and its log in
	 * {@code folder}: {@link #explainSlowerThan} makes the server write the measured plan of every
	 * slower statement, {@link #plans} reads them back.
	 */
	record Postgres(Path folder, boolean debian) implements Database {

		/** One embedded server per JVM, started by the first database asked for. */
		private static EmbeddedPostgres embedded;

		/** One Debian server per JVM, likewise; stopped when the JVM exits. */
		private static DebianPostgres packaged;

		private Connection admin() throws SQLException {
			synchronized (Postgres.class) {
				return startedAdmin();
			}
		}

		private Connection startedAdmin() throws SQLException {
			if (this.debian) {
				if (packaged == null) {
					emptyFolder();
					packaged = startPackaged(this.folder.resolve("server"), settings());
				}
				return DriverManager.getConnection(packaged.jdbcUrl("postgres"), "postgres", "");
			}
			if (embedded == null) {
				emptyFolder();
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
				settings().forEach(builder::setServerConfig);
				try {
					embedded = builder.start();
				}
				catch (IOException ex) {
					throw new IllegalStateException("Cannot start embedded PostgreSQL", ex);
				}
			}
			return embedded.getPostgresDatabase().getConnection();
		}

		private String url(String database) {
			return this.debian ? packaged.jdbcUrl(database) : embedded.getJdbcUrl("postgres", database);
		}

		/** The folder the server logs to, emptied of an earlier run's log. */
		private void emptyFolder() {
			deleteTree(this.folder);
			try {
				Files.createDirectories(this.folder);
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot create " + this.folder, ex);
			}
		}

		/** The harness's server settings, and those {@code -Dbench.postgres.settings=name=value,...} tries. */
		private Map<String, String> settings() {
			Map<String, String> settings = new LinkedHashMap<>();
			settings.put("shared_preload_libraries", "auto_explain,pg_stat_statements");
			settings.put("logging_collector", "on");
			settings.put("log_directory", this.folder.toAbsolutePath().toString());
			settings.put("log_filename", "postgresql.log");
			for (String setting : System.getProperty("bench.postgres.settings", "").split(",")) {
				if (setting.contains("=")) {
					settings.put(setting.substring(0, setting.indexOf('=')).trim(),
							setting.substring(setting.indexOf('=') + 1).trim());
				}
			}
			return settings;
		}

		private static DebianPostgres startPackaged(Path dir, Map<String, String> settings) {
			try {
				DebianPostgres server = DebianPostgres.start(dir, settings);
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						server.close();
					}
					catch (Exception ex) {
						System.err.println("could not stop Debian's PostgreSQL: " + ex);
					}
				}));
				return server;
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot start Debian's PostgreSQL 15 (apt-get install postgresql-15)", ex);
			}
		}

		/** From now on the server logs the plan, with actual times, of every statement slower than {@code millis} (-1: none). */
		void explainSlowerThan(int millis) {
			try (Connection connection = admin()) {
				connection.createStatement().execute("ALTER SYSTEM SET auto_explain.log_min_duration = " + millis);
				connection.createStatement().execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
				connection.createStatement().execute("SELECT pg_reload_conf()");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot configure auto_explain", ex);
			}
		}

		@Override
		public void countStatements(JdbcTemplate jdbc) {
			jdbc.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
			jdbc.execute("SELECT pg_stat_statements_reset()");
		}

		@Override
		public List<Statement> statements(JdbcTemplate jdbc) {
			return jdbc.query("SELECT calls, total_exec_time, shared_blks_hit + shared_blks_read, query FROM "
					+ "pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
					+ "ORDER BY total_exec_time DESC",
					(rs, i) -> new Statement(rs.getLong(1), rs.getDouble(2), rs.getLong(3), rs.getString(4)));
		}

		@Override
		public String statementSource() {
			return "pg_stat_statements";
		}

		/** The plans the server has logged so far, oldest first (each: duration, query text and plan). */
		List<String> plans() {
			Path log = this.folder.resolve("postgresql.log");
			if (!Files.exists(log)) {
				return List.of();
			}
			try {
				List<String> plans = new java.util.ArrayList<>();
				StringBuilder plan = null;
				for (String line : Files.readAllLines(log)) {
					if (line.contains("LOG:") && line.contains("duration:") && line.contains("plan:")) {
						if (plan != null) {
							plans.add(plan.toString());
						}
						plan = new StringBuilder(line.substring(line.indexOf("duration:"))).append('\n');
					}
					else if (plan != null && (line.startsWith("\t") || line.startsWith(" "))) {
						plan.append(line).append('\n');
					}
					else if (plan != null) {
						plans.add(plan.toString());
						plan = null;
					}
				}
				if (plan != null) {
					plans.add(plan.toString());
				}
				return plans;
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read " + log, ex);
			}
		}

		@Override
		public String label() {
			return this.debian ? "PostgreSQL 15 (Debian)" : "PostgreSQL 17";
		}

		@Override
		public String fresh(String name) {
			try (Connection connection = admin()) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + name);
				connection.createStatement().execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create database " + name, ex);
			}
			return url(name);
		}

		@Override
		public List<String> platformArguments() {
			return List.of("--spring.profiles.active=postgres,demo", "--DB_URL=" + fresh("bench_platform"),
					"--DB_USER=postgres", "--DB_PASSWORD=");
		}

		@Override
		public String driver() {
			return "org.postgresql.Driver";
		}

		@Override
		public String user() {
			return "postgres";
		}

		@Override
		public String plusSeconds(String timestamp, String seconds) {
			return "(" + timestamp + " + (" + seconds + ") * INTERVAL '1 second')";
		}

		@Override
		public String series(long n) {
			return "generate_series(1, " + n + ") s(g)";
		}

		@Override
		public String foreignKeyChecks(boolean on) {
			// the session's: a replica's session fires no foreign-key triggers
			return "SET session_replication_role = " + (on ? "origin" : "replica");
		}

		@Override
		public Map<String, String> plainIndexes(JdbcTemplate jdbc, String table) {
			Map<String, String> indexes = new LinkedHashMap<>();
			jdbc.query("SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = lower(?) AND NOT EXISTS "
					+ "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY i.indexname",
					rs -> {
						indexes.put(rs.getString(1), rs.getString(2));
					}, table);
			return indexes;
		}

	}

}
