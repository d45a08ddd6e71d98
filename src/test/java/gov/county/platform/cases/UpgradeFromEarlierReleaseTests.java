package gov.county.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import gov.county.platform.PlatformApplication;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.security.PlatformUser;

/**
 * A database made by the release before the case kernel (commit 77b9493: its demo data, then as its
 * clerks left it: card HD-2026-000002 extended by 3 working days and back at handling; rectification
 * ZG-2026-000004's plan submitted and awaiting approval; ZG-2026-000005's plan warned and urged;
 * measure 2 of ZG-2026-000001 warned; overdue card HD-2026-000004 warned, urged, reprimanded) is
 * started by this release: the case state is taken from it once, and its cases go on as they would
 * have — nothing escalated twice, the extension cap counting what was granted, the plan approved as
 * submitted — with the ledger untouched and verifying.
 */
class UpgradeFromEarlierReleaseTests {

	private static final String FIXTURE = "/upgrade/release-77b9493.zip";

	@Test
	void casesOfTheEarlierReleaseGoOnFromTheStateItsLedgerRecorded(@TempDir Path dataDir) throws IOException {
		unzip(FIXTURE, dataDir);
		try (ConfigurableApplicationContext platform = start(dataDir)) {
			LedgerService ledger = platform.getBean(LedgerService.class);
			CaseStates states = platform.getBean(CaseStates.class);
			Escalations escalations = platform.getBean(Escalations.class);
			ProcessEngine engine = platform.getBean(ProcessEngine.class);
			assertThat(ledger.verify().ok()).as("the earlier ledger verifies after the upgrade").isTrue();

			// the extended card: time limit, extension and its current clock
			List<LedgerEntry> extendedCard = ledger.caseHistory("HD-2026-000002");
			LedgerEntry extended = last(extendedCard, "EXTENDED");
			CaseState card = states.get("HD-2026-000002");
			assertThat(card.unit()).isEqualTo("township-baipeng");
			assertThat(card.extendedDays()).isEqualTo(3);
			assertThat(card.timeLimitDays()).isNotNull().isPositive();
			assertThat(card.clock().no()).as("classified, then extended").isEqualTo(2);
			assertThat(card.clock().dueAt()).isEqualTo(extended.dueAt());
			assertThat(card.clock().startedAt()).isEqualTo(extended.at());

			// what a case is about and when it was filed and closed, for the Cases search
			CaseSearch.Page closedCards = platform.getBean(CaseSearch.class)
				.search(new CaseSearch.Query(null, "InteractionCardProcess", null, "REJECTED", CaseSearch.Status.CLOSED,
						null, null), new PlatformUser("auditor", List.of("auditors")), 0, 10);
			assertThat(closedCards.cases()).singleElement().satisfies(row -> {
				assertThat(row.subject()).isEqualTo("邻里纠纷 A quarrel between neighbours");
				assertThat(row.openedAt()).isEqualTo(ledger.caseHistory(row.caseNo()).get(0).at());
				assertThat(row.closedAt()).isNotNull();
			});
			assertThat(states.get("ZG-2026-000005").unit()).isEqualTo("township-labao");

			// open tasks of the earlier release name their case and carry what Tasklist's filters show
			List<org.camunda.bpm.engine.task.Task> open = engine.getTaskService().createTaskQuery().list();
			assertThat(open).isNotEmpty().allSatisfy(task -> {
				String caseNo = engine.getRuntimeService()
					.createProcessInstanceQuery()
					.processInstanceId(task.getProcessInstanceId())
					.singleResult()
					.getBusinessKey();
				assertThat(task.getName()).endsWith(" · " + caseNo);
				assertThat(engine.getTaskService().getVariablesLocal(task.getId())).containsEntry("caseNo", caseNo)
					.containsKeys("caseSubject", "caseUnit", "caseDeadline");
			});
			// ... and what their forms show: the case's history, deadlines and units readable
			assertThat(open).allSatisfy(task -> assertThat(engine.getTaskService().getVariablesLocal(task.getId()))
				.containsKey("caseHistory"));
			org.camunda.bpm.engine.task.Task overdueHandling = engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey("HD-2026-000004")
				.taskDefinitionKey("Task_HandleCard")
				.singleResult();
			assertThat(engine.getTaskService().getVariablesLocal(overdueHandling.getId()))
				.hasEntrySatisfying("caseHistory", history -> assertThat(((String) history).split("\n"))
					.as("the earlier release's ladder, newest first")
					.satisfiesExactly(line -> assertThat(line).contains("通报批评"), line -> assertThat(line).contains("催办"),
							line -> assertThat(line).contains("预警")))
				.hasEntrySatisfying("dueAtText", due -> assertThat((String) due).matches("\\d{4}-\\d{2}-\\d{2} 23:59"))
				.containsKey("leadUnitName");

			// the overdue card: its ladder was climbed on its first deadline
			assertThat(escalations.recorded("HD-2026-000004", "deadline-1")).containsExactlyInAnyOrder("WARNED", "URGED",
					"REPRIMANDED");
			assertThat(states.get("ZG-2026-000004").submittedPlan()).get().asString().contains("Online booking");
			assertThat(escalations.recorded("ZG-2026-000005", "plan-1")).containsExactlyInAnyOrder("WARNED", "URGED");

			// the plan's last step fires: only it is recorded, not the warning and urging again
			int before = ledger.caseHistory("ZG-2026-000005").size();
			runTimer(engine, "ZG-2026-000005", "BoundaryEvent_PlanReprimand");
			assertThat(ledger.caseHistory("ZG-2026-000005")).extracting(LedgerEntry::event)
				.hasSize(before + 1)
				.endsWith("REPRIMANDED")
				.containsOnlyOnce("WARNED", "URGED");

			// measure 2 passes its deadline: URGED, and its warning is not repeated
			before = ledger.caseHistory("ZG-2026-000001").size();
			runTimer(engine, "ZG-2026-000001", "BoundaryEvent_MeasureOverdue", "measureNo", 2);
			assertThat(ledger.caseHistory("ZG-2026-000001")).extracting(LedgerEntry::event)
				.hasSize(before + 1)
				.endsWith("URGED")
				.containsOnlyOnce("WARNED");

			// 3 working days were granted before the upgrade: 8 more exceed the cap of 10
			String handle = TestProcesses.as(engine.getIdentityService(), "dept-housing-clerk",
					() -> engine.getTaskService()
						.createTaskQuery()
						.processInstanceBusinessKey("HD-2026-000002")
						.taskDefinitionKey("Task_HandleCard")
						.singleResult()
						.getId());
			assertThatThrownBy(() -> TestProcesses.as(engine.getIdentityService(), "dept-housing-clerk", () -> {
				engine.getTaskService().claim(handle, "dept-housing-clerk");
				engine.getTaskService()
					.complete(handle, Map.of("handling", "EXTEND", "extensionDays", 8, "extensionReason", "更多勘查 More surveys"));
				return null;
			})).hasMessageContaining("3 already granted");

			// the plan submitted before the upgrade is the one approved and published
			String approve = engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey("ZG-2026-000004")
				.taskDefinitionKey("Task_ApprovePlan")
				.singleResult()
				.getId();
			TestProcesses.as(engine.getIdentityService(), "county-platform-clerk", () -> {
				engine.getTaskService().claim(approve, "county-platform-clerk");
				engine.getTaskService().complete(approve, Map.of("planApproved", true));
				return null;
			});
			assertThat(last(ledger.caseHistory("ZG-2026-000004"), "COMMITTED").detail())
				.contains("1. 增设两个综合窗口 Two more windows by 2026-12-31", "2. 推行网上预约 Online booking by 2027-01-29");

			assertThat(ledger.verify().ok()).isTrue();
		}
	}

	private static void runTimer(ProcessEngine engine, String caseNo, String activityId, Object... localVariable) {
		ManagementService management = engine.getManagementService();
		ProcessInstance instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult();
		String job = management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.list()
			.stream()
			.filter(j -> localVariable.length == 0 || localVariable[1].equals(
					engine.getRuntimeService().getVariable(j.getExecutionId(), (String) localVariable[0])))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no timer " + activityId + " in " + caseNo))
			.getId();
		management.executeJob(job);
	}

	private static LedgerEntry last(List<LedgerEntry> history, String event) {
		return history.stream()
			.filter(e -> e.event().equals(event))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no " + event + " in " + history));
	}

	private static void unzip(String resource, Path into) throws IOException {
		try (InputStream in = UpgradeFromEarlierReleaseTests.class.getResourceAsStream(resource);
				ZipInputStream zip = new ZipInputStream(in)) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				Path target = into.resolve(entry.getName()).normalize();
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(zip, target);
				}
			}
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
				"--spring.profiles.active=demo", "--platform.data-dir=" + dataDir,
				"--platform.ledger.key-file=" + dataDir.resolve("keys/ledger.keys"),
				"--platform.ledger.checkpoint-dir=" + dataDir.resolve("ledger-checkpoints"),
				"--camunda.bpm.job-execution.enabled=false", "--spring.mail.host=");
	}

}
