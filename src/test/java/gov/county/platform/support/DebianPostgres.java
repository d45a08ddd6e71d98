package gov.county.platform.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL 15 server from Debian's {@code postgresql-15} package, in a folder of its own, with
 * the {@code pg_dump} and {@code pg_restore} an operator uses (zonky's embedded binaries have none).
 * Without the package the tests are skipped with a message, unless {@code REQUIRE_POSTGRES_TOOLS=true}
 * (as in CI), where they fail. As root, the server runs in a user namespace ({@code unshare -U}),
 * as zonky runs its own: PostgreSQL refuses to run as root. The benchmarks use it too: it is a
 * county's packaged server, LLVM JIT included.
 */
public final class DebianPostgres implements AutoCloseable {

	static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

	private static final List<String> TOOLS = List.of("initdb", "pg_ctl", "postgres", "psql", "pg_dump", "pg_restore");

	private final Path dataDir;

	private final int port;

	private DebianPostgres(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	/** Creates a cluster in {@code dir} and starts it on a free port of localhost (no Unix socket, no fsync). */
	public static DebianPostgres start(Path dir) throws Exception {
		return start(dir, Map.of());
	}

	/** As {@link #start(Path)}, with server {@code settings} (name to value) on top. */
	public static DebianPostgres start(Path dir, Map<String, String> settings) throws Exception {
		requireTools();
		Files.createDirectories(dir);
		Path dataDir = dir.resolve("data");
		int port = PackagedPlatform.freePort();
		serverCommand(dir, "initdb", "-D", dataDir.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF-8",
				"--locale=C.UTF-8", "--no-sync");
		// a throw-away test server: no waiting for the disk
		StringBuilder options = new StringBuilder("-p " + port + " -c listen_addresses=localhost "
				+ "-c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
		// pg_ctl hands the options to a shell
		settings.forEach((name, value) -> options.append(" -c ")
			.append(name)
			.append("='")
			.append(value.replace("'", "'\\''"))
			.append('\''));
		try {
			serverCommand(dir, "pg_ctl", "-D", dataDir.toString(), "-l", dir.resolve("postgres.log").toString(), "-w",
					"-o", options.toString(), "start");
		}
		catch (Exception ex) {
			// pg_ctl may have given up waiting while the server still starts: stop it, or it outlives the JVM
			try {
				serverCommand(dir, "pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "stop");
			}
			catch (Exception notRunning) {
				ex.addSuppressed(notRunning);
			}
			throw ex;
		}
		return new DebianPostgres(dataDir, port);
	}

	public static void requireTools() {
		List<String> missing = TOOLS.stream().filter(tool -> !Files.isExecutable(BIN.resolve(tool))).toList();
		if (!missing.isEmpty()) {
			String message = "Debian's PostgreSQL 15 is needed here (" + missing + " missing in " + BIN
					+ "): apt-get install postgresql-15";
			if ("true".equalsIgnoreCase(System.getenv("REQUIRE_POSTGRES_TOOLS"))) {
				Assertions.fail(message);
			}
			Assumptions.abort(message);
		}
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + this.port + "/" + database;
	}

	public void createDatabase(String name) throws Exception {
		client("psql", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c", "CREATE DATABASE " + name);
	}

	/** {@code pg_dump -Fc}: the backup command of docs/operations.md. */
	public void dump(String database, Path file) throws Exception {
		client("pg_dump", "-Fc", "-f", file.toString(), database);
	}

	/** {@code pg_restore} into an existing, empty database: the restore command of docs/operations.md. */
	public void restore(Path file, String database) throws Exception {
		client("pg_restore", "--no-owner", "--single-transaction", "--exit-on-error", "-d", database,
				file.toString());
	}

	@Override
	public void close() throws Exception {
		serverCommand(this.dataDir.getParent(), "pg_ctl", "-D", this.dataDir.toString(), "-m", "fast", "-w", "stop");
	}

	private void client(String tool, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(BIN.resolve(tool).toString(), "-h", "localhost", "-p",
				String.valueOf(this.port), "-U", "postgres"));
		command.addAll(List.of(args));
		run(this.dataDir.getParent(), tool, command);
	}

	private static void serverCommand(Path dir, String tool, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		if (isRoot()) {
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(BIN.resolve(tool).toString());
		command.addAll(List.of(args));
		run(dir, tool, command);
	}

	private static boolean isRoot() throws Exception {
		Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
		String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		return id.waitFor() == 0 && uid.equals("0");
	}

	private static void run(Path dir, String tool, List<String> command) throws IOException, InterruptedException {
		Path output = Files.createTempFile(dir, tool, ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(tool + " did not finish within 2 minutes: " + command);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(command + " exited with " + process.exitValue() + ":\n"
					+ Files.readString(output, StandardCharsets.UTF_8));
		}
	}

}
