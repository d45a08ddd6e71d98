package gov.county.platform.ledger;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.Notification;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;

/**
 * The ledger and notify delegates inside a running process: entries in the engine's transaction
 * with the acting user, timers as {@code system}, notifications to a unit and its head.
 */
@PlatformIntegrationTest
class PlatformDelegatesTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	LedgerService ledger;

	@Autowired
	NotificationService notifications;

	@Autowired
	CaseNumberService caseNumbers;

	@BeforeEach
	void deploy() {
		BpmnAwareTests.init(this.engine);
		TestProcesses.deploy(this.engine.getRepositoryService());
	}

	private ProcessInstance start(boolean failAfterHandling) {
		String caseNo = this.caseNumbers.next("TD");
		// a diagram an admin drew with the ledger delegate, numbered by its caller: only a system
		// administrator may choose a business key
		return TestProcesses.as(this.identity, "admin",
				() -> this.runtime.startProcessInstanceByKey(TestProcesses.DELEGATE_PROBE, caseNo,
						withVariables("unit", "township-labao", "subject", "道路破损 Road damage", "dueAt",
								"2026-12-01T23:59:59+08:00", "fail", failAfterHandling)));
	}

	@Test
	void ledgerRecordsEachStepWithItsActor() {
		ProcessInstance pi = start(false);
		assertThat(pi).isWaitingAt("Task_Handle");

		TestProcesses.as(this.identity, "township-labao-clerk", () -> this.tasks.complete(task(pi).getId()));

		assertThat(pi).isEnded().hasPassed("Task_LedgerFiled", "Task_LedgerHandled");
		List<LedgerEntry> history = this.ledger.caseHistory(pi.getBusinessKey());
		Assertions.assertThat(history).extracting(LedgerEntry::event).containsExactly("FILED", "HANDLED");
		LedgerEntry filed = history.get(0);
		Assertions.assertThat(filed.process()).isEqualTo(TestProcesses.DELEGATE_PROBE);
		Assertions.assertThat(filed.unit()).isEqualTo("township-labao");
		Assertions.assertThat(filed.actor()).isEqualTo("admin");
		Assertions.assertThat(history.get(1).actor()).isEqualTo("township-labao-clerk");
		Assertions.assertThat(filed.detail()).isEqualTo("道路破损 Road damage");
		Assertions.assertThat(filed.dueAt()).isEqualTo(Instant.parse("2026-12-01T15:59:59Z"));
		Assertions.assertThat(history.get(1).previousHash()).isEqualTo(filed.hash());
	}

	/** A diagram that writes an event no process declares (a typo in Modeler) is refused, naming it. */
	@Test
	void aLedgerTaskWithAnEventNoProcessDeclaresIsRefusedNamingIt() {
		this.engine.getRepositoryService()
			.createDeployment()
			.addModelInstance("misspelt-ledger-event.bpmn", org.camunda.bpm.model.bpmn.Bpmn
				.createExecutableProcess("MisspeltLedgerEventProcess")
				.startEvent()
				.serviceTask("Task_Ledger")
				.camundaDelegateExpression("${ledgerDelegate}")
				.camundaInputParameter("event", "FILLED")
				.endEvent()
				.done())
			.deploy();
		String caseNo = this.caseNumbers.next("TD");

		Assertions.assertThatThrownBy(() -> TestProcesses.as(this.identity, "admin",
				() -> this.runtime.startProcessInstanceByKey("MisspeltLedgerEventProcess", caseNo)))
			.hasMessageContaining("'Task_Ledger' writes the ledger event 'FILLED', which MisspeltLedgerEventProcess")
			.hasMessageContaining("FILED");
		Assertions.assertThat(this.ledger.caseHistory(caseNo)).isEmpty();
	}

	@Test
	void engineRollbackTakesTheLedgerEntryWithIt() {
		ProcessInstance pi = start(true);
		String taskId = task(pi).getId();

		Assertions.assertThatThrownBy(() -> TestProcesses.as(this.identity, "township-labao-clerk",
				() -> this.tasks.complete(taskId))).isInstanceOf(ProcessEngineException.class);

		assertThat(pi).isWaitingAt("Task_Handle");
		Assertions.assertThat(this.ledger.caseHistory(pi.getBusinessKey())).extracting(LedgerEntry::event)
			.containsExactly("FILED");
		Assertions.assertThat(this.ledger.verify().ok()).isTrue();
	}

	@Test
	void timerWarnsAsSystemAndNotifiesTheUnitAndItsHead() {
		ProcessInstance pi = start(false);

		execute(job("BoundaryEvent_Warn", pi));
		assertThat(pi).isWaitingAt("Task_NotifyWarned", "Task_Handle");
		execute(job("Task_NotifyWarned", pi));

		LedgerEntry warned = this.ledger.caseHistory(pi.getBusinessKey()).get(1);
		Assertions.assertThat(warned.event()).isEqualTo("WARNED");
		Assertions.assertThat(warned.actor()).isEqualTo("system");
		List<Notification> sent = this.notifications.ofCase(pi.getBusinessKey());
		Assertions.assertThat(sent).filteredOn(n -> n.channel().equals("INBOX"))
			.extracting(Notification::recipient)
			.containsExactlyInAnyOrder("township-labao", "township-labao-head");
		Assertions.assertThat(sent.get(0).subject()).contains(pi.getBusinessKey()).contains("道路破损");
		Assertions.assertThat(sent.get(0).body()).as("the deadline in county time").contains("2026-12-01 23:59").doesNotContain("T23:59:59");
	}

}
