package gov.county.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.cases.TimeLimits;
import gov.county.platform.card.CardIntake;
import gov.county.platform.card.CardProcess;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.support.CaseNumberAssertions;
import gov.county.platform.support.EmbeddedPostgres;
import gov.county.platform.support.TestCards;
import gov.county.platform.PlatformApplication;

/**
 * Two platform nodes, each with its own job executor, on one PostgreSQL: concurrent intake on both
 * gives unique, gap-free case numbers; a storm of cards whose deadlines fall due at once leaves
 * every WARNED, URGED and REPRIMANDED exactly once, with no failed job, and the ledger verifies.
 * The storm's size is {@code -Dcluster.cards} (default 1,000); the figures are printed.
 */
class ClusterTests {

	static final int STORM = Integer.getInteger("cluster.cards", 1000);

	static ConfigurableApplicationContext nodeA;

	static ConfigurableApplicationContext nodeB;

	@BeforeAll
	static void startTwoNodes() {
		String url = EmbeddedPostgres.server().getJdbcUrl("postgres", "postgres");
		try (var connection = EmbeddedPostgres.server().getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("DROP DATABASE IF EXISTS cluster");
			connection.createStatement().execute("CREATE DATABASE cluster");
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		nodeA = start(url.replace("/postgres?", "/cluster?"));
		nodeB = start(url.replace("/postgres?", "/cluster?"));
	}

	@AfterAll
	static void stopNodes() {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
				"--spring.profiles.active=postgres,demo", "--DB_URL=" + url, "--DB_USER=postgres", "--DB_PASSWORD=",
				"--camunda.bpm.job-execution.enabled=true", "--camunda.bpm.job-execution.max-jobs-per-acquisition=10",
				"--camunda.bpm.job-execution.core-pool-size=4", "--camunda.bpm.job-execution.wait-time-in-millis=500",
				"--spring.mail.host=");
	}

	@Test
	void concurrentIntakeOnBothNodesGivesUniqueGapFreeNumbers() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<String>> work = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			ConfigurableApplicationContext node = i % 2 == 0 ? nodeA : nodeB;
			work.add(() -> fileAs(node, "township-labao-clerk"));
		}
		List<String> numbers = new ArrayList<>();
		for (Future<String> number : pool.invokeAll(work)) {
			numbers.add(number.get());
		}
		pool.shutdown();
		CaseNumberAssertions.assertUniqueAndGapFree(numbers);
		assertThat(nodeB.getBean(LedgerService.class).verify().ok()).isTrue();
	}

	private static String fileAs(ConfigurableApplicationContext node, String user) {
		IdentityService identity = node.getBean(IdentityService.class);
		identity.setAuthentication(user, List.of("township-labao"));
		try {
			return node.getBean(CardIntake.class)
				.file(Map.of("talk", "PUBLIC_SERVICE", "kind", "REQUEST", "subject", "cluster intake", "content", "c",
						"submitterName", "n", "receivingUnit", "township-labao"))
				.caseNo();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	@Test
	void escalationStormIsRecordedExactlyOnceAcrossNodes() throws Exception {
		WorkingDayCalendar calendar = nodeA.getBean(WorkingDayCalendar.class);
		Deadlines deadlines = Deadlines.start(calendar, TimeLimits.defaults(), Instant.now(), 5);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<String>> work = new ArrayList<>();
		for (int i = 0; i < STORM; i++) {
			String caseNo = String.format("ST-2026-%06d", i + 1);
			RuntimeService runtime = (i % 2 == 0 ? nodeA : nodeB).getBean(RuntimeService.class);
			TestCards.clocked(nodeA, caseNo, "township-labao", deadlines);
			work.add(() -> runtime.createProcessInstanceByKey(CardProcess.KEY)
				.businessKey(caseNo)
				.startBeforeActivity(CardProcess.TASK_HANDLE)
				.setVariables(Map.of("leadUnit", "dept-housing", "receivingUnit", "township-labao", "subject",
						"storm " + caseNo, "dueAt", Deadlines.iso(deadlines.dueAt()), "warnAt",
						Deadlines.iso(deadlines.warnAt()), "reprimandAt", Deadlines.iso(deadlines.lateAt())))
				.execute()
				.getId());
		}
		List<String> instances = new ArrayList<>();
		for (Future<String> id : pool.invokeAll(work)) {
			instances.add(id.get());
		}
		pool.shutdown();

		ManagementService management = nodeA.getBean(ManagementService.class);
		Date now = new Date();
		List<Job> timers = management.createJobQuery().timers().processDefinitionKey(CardProcess.KEY).list();
		Instant stormStart = Instant.now();
		for (Job timer : timers) {
			if (timer.getDuedate().after(now)) {
				management.setJobDuedate(timer.getId(), now);
			}
		}

		JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
		String count = "SELECT COUNT(*) FROM ledger_entry WHERE case_no LIKE 'ST-%' AND event IN ('WARNED', 'URGED', 'REPRIMANDED')";
		Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
		while (jdbc.queryForObject(count, Integer.class) < 3 * STORM && Instant.now().isBefore(deadline)) {
			Thread.sleep(500);
		}
		double seconds = Duration.between(stormStart, Instant.now()).toMillis() / 1000.0;
		Thread.sleep(2000); // anything late would show as a duplicate now

		int escalations = jdbc.queryForObject(count, Integer.class);
		// a job that lost an optimistic-locking race is tried again after its retry cycle's first wait (10 s)
		Instant retried = Instant.now().plus(Duration.ofSeconds(60));
		while (management.createJobQuery().withException().count() > 0 && Instant.now().isBefore(retried)) {
			Thread.sleep(500);
		}
		long failedJobs = management.createJobQuery().withException().count();
		long incidents = management.createJobQuery().noRetriesLeft().count();
		Integer duplicates = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT case_no, event FROM ledger_entry "
				+ "WHERE case_no LIKE 'ST-%' GROUP BY case_no, event HAVING COUNT(*) > 1) d", Integer.class);
		List<Map<String, Object>> perNode = jdbc.queryForList(
				"SELECT COUNT(DISTINCT case_no) AS cases FROM ledger_entry WHERE case_no LIKE 'ST-%'");
		System.out.printf("%nEscalation storm on 2 nodes: %d cards, %d timers, %d ledger entries in %.1f s "
				+ "(%.0f timers/s); duplicates %d, failed jobs %d, cases %s%n%n", STORM, timers.size(), escalations,
				seconds, timers.size() / seconds, duplicates, failedJobs, perNode);

		assertThat(instances).hasSize(STORM);
		assertThat(escalations).isEqualTo(3 * STORM);
		assertThat(duplicates).isZero();
		assertThat(failedJobs).as("optimistic-locking conflicts are retried, never left failed").isZero();
		assertThat(incidents).isZero();
		Integer afterRetries = jdbc.queryForObject(count, Integer.class);
		assertThat(afterRetries).as("a retried job records nothing twice").isEqualTo(3 * STORM);
		assertThat(nodeB.getBean(LedgerService.class).verify().ok()).isTrue();
	}

}
