package gov.county.platform.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import gov.county.platform.EmbeddedPostgres;

/** Where a benchmark keeps its data: a file-based H2 as the platform ships it, or the embedded PostgreSQL 17. */
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

	static Database of(String name, Path folder) {
		return switch (name) {
			case "h2" -> new H2(folder.resolve("h2"));
			case "postgres" -> new Postgres();
			default -> throw new IllegalArgumentException("unknown database '" + name + "': use h2 or postgres");
		};
	}

	record H2(Path folder) implements Database {

		@Override
		public String label() {
			return "H2 (file)";
		}

		@Override
		public String fresh(String name) {
			Path dir = this.folder.resolve(name);
			deleteTree(dir);
			return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
		}

		@Override
		public List<String> platformArguments() {
			Path dir = this.folder.resolve("platform");
			deleteTree(dir);
			return List.of("--spring.profiles.active=demo", "--platform.data-dir=" + dir.toAbsolutePath());
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

	}

	record Postgres() implements Database {

		@Override
		public String label() {
			return "PostgreSQL 17";
		}

		@Override
		public String fresh(String name) {
			try (Connection connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection()) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + name);
				connection.createStatement().execute("CREATE DATABASE " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot create database " + name, ex);
			}
			return EmbeddedPostgres.server().getJdbcUrl("postgres", name);
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

	}

}
