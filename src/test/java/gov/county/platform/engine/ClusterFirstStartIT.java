package gov.county.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.card.CardProcess;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.organization.OrganizationProperties;
import gov.county.platform.organization.TasklistFilters;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.support.CaseNumberAssertions;
import gov.county.platform.support.EmbeddedPostgres;
import gov.county.platform.PlatformApplication;

/**
 * Two nodes started at the same moment on an empty PostgreSQL database: both come up, and the
 * first-start work — Camunda's schema, the platform's migrations, units, demo users, grants,
 * Tasklist filters, the deployment and the demo cards — is done exactly once.
 */
class ClusterFirstStartIT {

	@Test
	void twoNodesStartedTogetherOnAnEmptyDatabaseBothComeUpAndCreateEverythingOnce() throws Exception {
		String url = emptyDatabase("first_start");
		CyclicBarrier together = new CyclicBarrier(2);
		ExecutorService starters = Executors.newFixedThreadPool(2);
		List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			starting.add(starters.submit(() -> {
				together.await();
				return start(url);
			}));
		}
		starters.shutdown();
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		Instant began = Instant.now();
		try {
			List<Throwable> failures = new ArrayList<>();
			for (Future<ConfigurableApplicationContext> node : starting) {
				try {
					nodes.add(node.get(150, TimeUnit.SECONDS));
				}
				catch (java.util.concurrent.ExecutionException ex) {
					failures.add(ex.getCause());
				}
			}
			System.out.printf("%nTwo nodes started together on an empty database in %.1f s%n%n",
					Duration.between(began, Instant.now()).toMillis() / 1000.0);
			assertThat(failures).as("both nodes start").isEmpty();

			for (ConfigurableApplicationContext node : nodes) {
				assertThat(status(node)).contains("UP");
				assertThat(node.getBean(LedgerService.class).verify().ok()).isTrue();
			}
			ConfigurableApplicationContext node = nodes.get(0);
			JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
			OrganizationProperties chart = node.getBean(OrganizationProperties.class);

			List<String> groups = new ArrayList<>(chart.units().stream().map(Unit::id).toList());
			groups.add(WellKnownGroups.AUDITORS);
			groups.add(WellKnownGroups.ADMINS);
			List<String> roles = List.of(WellKnownGroups.SECURITY_ADMINS, WellKnownGroups.AUDIT_ADMINS);
			assertThat(jdbc.queryForList("SELECT ID_ FROM ACT_ID_GROUP", String.class))
				.containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(groups.stream(), roles.stream()).toList());

			Set<String> users = new LinkedHashSet<>();
			groups.forEach(group -> users.add(group + "-clerk"));
			chart.units().stream().map(Unit::head).filter(head -> head != null && !head.isBlank()).forEach(users::add);
			users.addAll(List.of("admin", "security-admin", "audit-admin", "auditor", "leader", "supervisor"));
			assertThat(jdbc.queryForList("SELECT ID_ FROM ACT_ID_USER", String.class))
				.containsExactlyInAnyOrderElementsOf(users);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ? AND GROUP_ID_ = ?",
					Integer.class, "admin", WellKnownGroups.ADMINS)).isEqualTo(1);

			assertThat(jdbc.queryForList("SELECT TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ "
					+ "FROM ACT_RU_AUTHORIZATION GROUP BY TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_ "
					+ "HAVING COUNT(*) > 1")).as("duplicate authorizations").isEmpty();
			assertThat(jdbc.queryForList("SELECT NAME_ FROM ACT_RU_FILTER", String.class)).containsExactlyInAnyOrder(
					TasklistFilters.MY_UNIT, TasklistFilters.ASSIGNED_TO_ME, TasklistFilters.DUE_SOON,
					TasklistFilters.OVERDUE, TasklistFilters.COUNTY_OVERDUE, TasklistFilters.COUNTY_DUE_TODAY,
					TasklistFilters.COUNTY_HANDED_UP);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ IN "
					+ "(SELECT ID_ FROM ACT_RU_FILTER)", Integer.class))
				.as("one read grant per shared filter, one per county office for the county-wide ones")
				.isEqualTo(4 + 3 * WellKnownGroups.COUNTY_OFFICES.size());

			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class)).isEqualTo(1);
			assertThat(jdbc.queryForList("SELECT DISTINCT VERSION_ FROM ACT_RE_PROCDEF", Integer.class))
				.containsExactly(1);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM platform_schema_history WHERE success AND version = '1'",
					Integer.class)).isEqualTo(1);

			List<String> demoCards = node.getBean(HistoryService.class)
				.createHistoricProcessInstanceQuery()
				.processDefinitionKey(CardProcess.KEY)
				.list()
				.stream()
				.map(HistoricProcessInstance::getBusinessKey)
				.toList();
			assertThat(demoCards).as("the demo cards are filed once").hasSize(6);
			CaseNumberAssertions.assertUniqueAndGapFree(demoCards);
		}
		finally {
			nodes.forEach(ConfigurableApplicationContext::close);
		}
	}

	private static String emptyDatabase(String name) throws SQLException {
		try (Connection connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("DROP DATABASE IF EXISTS " + name);
			connection.createStatement().execute("CREATE DATABASE " + name);
		}
		return EmbeddedPostgres.server().getJdbcUrl("postgres", name);
	}

	/**
	 * Real nodes are separate JVMs; these two share one, and Spring Boot sets up logging JVM-wide
	 * (logback's one context), which two threads must not do at once (a
	 * ConcurrentModificationException in LoggingApplicationListener). Only that step is taken in
	 * turn; everything after it, the database's first-start work included, runs together.
	 */
	private static final ReentrantLock LOGGING_SETUP = new ReentrantLock();

	private static ConfigurableApplicationContext start(String url) {
		ApplicationListener<ApplicationEnvironmentPreparedEvent> before = new BeforeLoggingSetup();
		ApplicationListener<ApplicationEnvironmentPreparedEvent> after = new AfterLoggingSetup();
		try {
			return new SpringApplicationBuilder(PlatformApplication.class).listeners(before, after).run("--server.port=0",
				"--spring.profiles.active=postgres,demo", "--DB_URL=" + url, "--DB_USER=postgres", "--DB_PASSWORD=",
					"--camunda.bpm.job-execution.enabled=false", "--spring.mail.host=");
		}
		finally {
			if (LOGGING_SETUP.isHeldByCurrentThread()) {
				LOGGING_SETUP.unlock();
			}
		}
	}

	private static final class BeforeLoggingSetup
			implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			LOGGING_SETUP.lock();
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	private static final class AfterLoggingSetup
			implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			LOGGING_SETUP.unlock();
		}

		@Override
		public int getOrder() {
			return LoggingApplicationListener.DEFAULT_ORDER + 1;
		}

	}

	private static String status(ConfigurableApplicationContext node) throws Exception {
		int port = ((WebServerApplicationContext) node).getWebServer().getPort();
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/status")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
