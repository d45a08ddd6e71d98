package gov.county.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.PlatformApplication;

/** The embedded default keeps everything in files under the data folder across a restart. */
class RestartKeepsDataTests {

	@Test
	void aRestartKeepsLedgerCaseNumbersAndUsers(@TempDir Path dataDir) {
		String caseNo;
		String checkpoints = "--platform.ledger.checkpoint-dir=" + dataDir.resolve("checkpoints");
		try (ConfigurableApplicationContext first = start(dataDir, checkpoints)) {
			caseNo = first.getBean(CaseNumberService.class).next("RS");
			first.getBean(LedgerService.class)
				.append(new LedgerEvent(caseNo, "TestProcess", "FILED", "township-labao", "system", null, "kept"));
			IdentityService identity = first.getBean(IdentityService.class);
			identity.saveUser(identity.newUser("township-labao-newcomer"));
		}
		assertThat(Files.exists(dataDir.resolve("platform.mv.db"))).isTrue();

		try (ConfigurableApplicationContext second = start(dataDir, checkpoints)) {
			assertThat(second.getBean(LedgerService.class).caseHistory(caseNo)).extracting(LedgerEntry::detail)
				.containsExactly("kept");
			assertThat(second.getBean(LedgerService.class).verify().checkpointsChecked())
				.as("the stopping node wrote a checkpoint of what it sealed")
				.isEqualTo(1);
			assertThat(second.getBean(CaseNumberService.class).next("RS")).as("numbers go on, never reused")
				.isEqualTo(caseNo.substring(0, 8) + String.format("%06d", Integer.parseInt(caseNo.substring(8)) + 1));
			assertThat(second.getBean(IdentityService.class).createUserQuery().userId("township-labao-newcomer").count())
				.isEqualTo(1);
			assertThat(second.getBean(LedgerService.class).verify().ok()).isTrue();
		}
	}

	/**
	 * As shipped, H2 writes a commit before it returns (WRITE_DELAY 0) and opens its file for
	 * synchronous writes (O_DSYNC, as the operating system shows the open file), so an acknowledged
	 * commit survives a killed process and a power loss; {@code CrashRecoveryIT} kills it under load.
	 */
	@Test
	void theEmbeddedDatabaseWritesEveryCommitThroughToTheDisk(@TempDir Path dataDir) throws Exception {
		try (ConfigurableApplicationContext platform = start(dataDir)) {
			JdbcTemplate jdbc = platform.getBean(JdbcTemplate.class);
			List<String> writeDelay = jdbc.queryForList(
					"SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", String.class);
			assertThat(writeDelay).as("the effective WRITE_DELAY is the last").isNotEmpty().endsWith("0");

			Path file = dataDir.resolve("platform.mv.db").toRealPath();
			String flags = null;
			try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
				for (Path descriptor : descriptors.toList()) {
					try {
						if (Files.readSymbolicLink(descriptor).equals(file)) {
							flags = Files.readAllLines(Path.of("/proc/self/fdinfo", descriptor.getFileName().toString()))
								.stream()
								.filter(line -> line.startsWith("flags:"))
								.findFirst()
								.orElseThrow();
						}
					}
					catch (java.io.IOException gone) {
						// a descriptor closed while the folder was listed
					}
				}
			}
			assertThat(flags).as("the database file is open").isNotNull();
			long octal = Long.parseLong(flags.substring("flags:".length()).trim(), 8);
			assertThat(octal & 010000).as("O_DSYNC in " + flags).isNotZero();
		}
	}

	/**
	 * A ledger written by the release before the seals (its database as that release left it: no
	 * global sequence, no seals, no V10 in Flyway's history) is sealed at the first start of this one,
	 * oldest entry first, and verifies; a case's chain goes on from where it was.
	 */
	@Test
	void aLedgerOfTheReleaseBeforeTheSealsIsSealedAtTheUpgradeAndVerifies(@TempDir Path dataDir) {
		List<String> cases = new ArrayList<>();
		try (ConfigurableApplicationContext earlier = start(dataDir)) {
			LedgerService ledger = earlier.getBean(LedgerService.class);
			for (int i = 0; i < 3; i++) {
				String caseNo = earlier.getBean(CaseNumberService.class).next("UP");
				cases.add(caseNo);
				for (String event : List.of("FILED", "ACCEPTED")) {
					ledger.append(new LedgerEvent(caseNo, "TestProcess", event, "township-labao", "system", null, event));
				}
			}
			JdbcTemplate jdbc = earlier.getBean(JdbcTemplate.class);
			jdbc.execute("DROP INDEX uq_ledger_global_seq");
			jdbc.execute("ALTER TABLE ledger_entry DROP COLUMN global_seq");
			jdbc.execute("ALTER TABLE ledger_entry DROP COLUMN seal");
			jdbc.execute("ALTER TABLE ledger_entry DROP COLUMN seal_key");
			jdbc.execute("DROP TABLE ledger_global");
			jdbc.execute("DROP TABLE case_state");
			jdbc.execute("DROP TABLE case_escalation");
			jdbc.update("DELETE FROM \"platform_schema_history\" WHERE \"version\" IN ('10', '11', '12')");
		}

		try (ConfigurableApplicationContext upgraded = start(dataDir)) {
			JdbcTemplate jdbc = upgraded.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE seal IS NULL", Integer.class))
				.as("entries left unsealed")
				.isZero();
			assertThat(jdbc.queryForList("SELECT case_no FROM ledger_entry WHERE case_no LIKE 'UP-%' ORDER BY global_seq",
					String.class))
				.as("sealed in the order they were written")
				.containsExactly(cases.get(0), cases.get(0), cases.get(1), cases.get(1), cases.get(2), cases.get(2));
			LedgerService ledger = upgraded.getBean(LedgerService.class);
			assertThat(ledger.verify().ok()).as(ledger.verify().problem()).isTrue();
			ledger.append(new LedgerEvent(cases.get(0), "TestProcess", "HANDLED", "township-labao", "system", null,
					"after the upgrade"));
			assertThat(ledger.caseHistory(cases.get(0))).extracting(LedgerEntry::seq).containsExactly(1, 2, 3);
			assertThat(ledger.verify().ok()).as(ledger.verify().problem()).isTrue();
		}
	}

	/**
	 * The job executor takes only jobs whose due date has come. A release before this one left
	 * asynchronous steps' jobs without a due date; after the upgrade they still run.
	 */
	@Test
	void jobsLeftWithoutADueDateByAnEarlierReleaseStillRunAfterTheUpgrade(@TempDir Path dataDir) throws Exception {
		String instance;
		try (ConfigurableApplicationContext earlier = start(dataDir,
				"--camunda.bpm.generic-properties.properties[ensureJobDueDateNotNull]=false",
				"--camunda.bpm.generic-properties.properties[jobExecutorAcquireByDueDate]=false")) {
			ProcessEngine engine = earlier.getBean(ProcessEngine.class);
			engine.getRepositoryService()
				.createDeployment()
				.addModelInstance("LeftBehind.bpmn", Bpmn.createExecutableProcess("LeftBehind")
					.camundaHistoryTimeToLive(30)
					.startEvent()
					.serviceTask("Later")
					.camundaAsyncBefore()
					.camundaExpression("${execution.setVariable('ran', true)}")
					.userTask("Afterwards")
					.endEvent()
					.done())
				.deploy();
			instance = engine.getRuntimeService().startProcessInstanceByKey("LeftBehind").getId();
			Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
			assertThat(job.getDuedate()).as("the earlier release's job has no due date").isNull();
		}

		try (ConfigurableApplicationContext upgraded = start(dataDir, "--camunda.bpm.job-execution.enabled=true")) {
			ProcessEngine engine = upgraded.getBean(ProcessEngine.class);
			Instant give = Instant.now().plus(Duration.ofSeconds(30));
			while (engine.getTaskService().createTaskQuery().processInstanceId(instance).count() == 0
					&& Instant.now().isBefore(give)) {
				Thread.sleep(200);
			}
			assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult())
				.as("the job ran and the case went on to its next task")
				.isNotNull();
			assertThat(engine.getRuntimeService().getVariable(instance, "ran")).isEqualTo(true);
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--platform.data-dir=" + dataDir,
				"--platform.admin.password=Restart-2026", "--spring.mail.host="));
		args.addAll(List.of(more));
		if (args.stream().noneMatch(arg -> arg.startsWith("--camunda.bpm.job-execution.enabled="))) {
			args.add("--camunda.bpm.job-execution.enabled=false");
		}
		return new SpringApplicationBuilder(PlatformApplication.class).run(args.toArray(String[]::new));
	}

}
