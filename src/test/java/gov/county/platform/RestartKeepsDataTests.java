package gov.county.platform;

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

/** The embedded default keeps everything in files under the data folder across a restart. */
class RestartKeepsDataTests {

	@Test
	void aRestartKeepsLedgerCaseNumbersAndUsers(@TempDir Path dataDir) {
		String caseNo;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			caseNo = first.getBean(CaseNumberService.class).next("RS");
			first.getBean(LedgerService.class)
				.append(new LedgerEvent(caseNo, "TestProcess", "FILED", "township-labao", "system", null, "kept"));
			IdentityService identity = first.getBean(IdentityService.class);
			identity.saveUser(identity.newUser("township-labao-newcomer"));
		}
		assertThat(Files.exists(dataDir.resolve("platform.mv.db"))).isTrue();

		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(second.getBean(LedgerService.class).caseHistory(caseNo)).extracting(LedgerEntry::detail)
				.containsExactly("kept");
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
