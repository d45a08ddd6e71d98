package gov.county.platform.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * An online backup of the embedded H2 database (engine, history, ledger, notifications) while the
 * platform runs: H2's {@code BACKUP TO} writes a consistent zip. Restoring is: stop the platform,
 * unzip into the data folder, start it. PostgreSQL is backed up with {@code pg_dump} (docs/operations.md).
 */
@Service
public class BackupService {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final JdbcTemplate jdbc;

	private final Path dataDir;

	private final String databaseUrl;

	public BackupService(JdbcTemplate jdbc, @Value("${platform.data-dir}") Path dataDir,
			@Value("${spring.datasource.url}") String databaseUrl) {
		this.jdbc = jdbc;
		this.dataDir = dataDir;
		this.databaseUrl = databaseUrl;
	}

	/** An embedded H2 database in files (as shipped, {@code jdbc:h2:dsync:}), not in memory nor a server. */
	public boolean supported() {
		return this.databaseUrl.startsWith("jdbc:h2:") && !this.databaseUrl.startsWith("jdbc:h2:mem:")
				&& !this.databaseUrl.startsWith("jdbc:h2:tcp:");
	}

	/** Writes {@code <data-dir>/backups/platform-<UTC time>.zip} and returns its path. */
	public Path backup() throws IOException {
		if (!supported()) {
			throw new IllegalStateException("online backup is for the embedded H2 database; back up PostgreSQL with pg_dump");
		}
		Path folder = this.dataDir.resolve("backups").toAbsolutePath();
		Files.createDirectories(folder);
		Path target = folder.resolve("platform-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + ".zip");
		this.jdbc.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
		return target;
	}

}
