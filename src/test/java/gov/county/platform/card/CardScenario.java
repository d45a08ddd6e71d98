package gov.county.platform.card;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.TestProcesses;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;

/** A card driven the way its users drive it: each task completed by a member of its unit. */
final class CardScenario {

	private final ProcessEngine engine;

	private final IdentityService identity;

	private final LedgerService ledger;

	final ProcessInstance instance;

	final String caseNo;

	private CardScenario(ProcessEngine engine, LedgerService ledger, ProcessInstance instance) {
		this.engine = engine;
		this.identity = engine.getIdentityService();
		this.ledger = ledger;
		this.instance = instance;
		this.caseNo = instance.getBusinessKey();
	}

	static Map<String, Object> card(Object... overrides) {
		Map<String, Object> card = new HashMap<>(Map.of("talk", "PUBLIC_SERVICE", "kind", "REQUEST", "subject",
				"村道路灯不亮 Street lights out", "content", "The lights on the village road have been out for a month.",
				"submitterName", "王某", "submitterContact", "wang@example.org", "receivingUnit", "township-labao",
				"channel", "HOTLINE", "urgent", false));
		for (int i = 0; i < overrides.length; i += 2) {
			card.put((String) overrides[i], overrides[i + 1]);
		}
		return card;
	}

	static CardScenario file(ProcessEngine engine, CardIntake intake, LedgerService ledger, Map<String, Object> card) {
		CaseIntake.Filed filed = TestProcesses.as(engine.getIdentityService(), "township-labao-clerk",
				() -> intake.file(card));
		ProcessInstance instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(filed.processInstanceId())
			.singleResult();
		return new CardScenario(engine, ledger, instance);
	}

	Task task(String key) {
		List<Task> tasks = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(this.instance.getId())
			.taskDefinitionKey(key)
			.list();
		if (tasks.isEmpty()) {
			throw new AssertionError("no open task " + key + " for " + this.caseNo);
		}
		return tasks.get(0);
	}

	/** Completes the task as {@code user}, as Tasklist would after the form is submitted. */
	CardScenario complete(String key, String user, Object... variables) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		String taskId = task(key).getId();
		TestProcesses.as(this.identity, user, () -> this.engine.getTaskService().complete(taskId, values));
		return this;
	}

	CardScenario runJob(String activityId) {
		execute(job(activityId, this.instance));
		return this;
	}

	/** Runs the pending asynchronous continuations (not timers) of this card, as the job executor would. */
	CardScenario runContinuations() {
		var management = this.engine.getManagementService();
		var timers = management.createJobQuery().processInstanceId(this.instance.getId()).timers().list();
		for (var job : management.createJobQuery().processInstanceId(this.instance.getId()).list()) {
			if (timers.stream().noneMatch(timer -> timer.getId().equals(job.getId()))) {
				management.executeJob(job.getId());
			}
		}
		return this;
	}

	Object variable(String name) {
		return this.engine.getRuntimeService().getVariable(this.instance.getId(), name);
	}

	List<String> events() {
		return this.ledger.caseHistory(this.caseNo).stream().map(LedgerEntry::event).toList();
	}

	List<LedgerEntry> entries(String event) {
		return this.ledger.caseHistory(this.caseNo).stream().filter(e -> e.event().equals(event)).toList();
	}

	/** Accepts, classifies and dispatches to {@code lead} without co-units. */
	CardScenario acceptAndDispatchTo(String lead) {
		return complete(CardProcess.TASK_ACCEPT, "township-labao-clerk", "acceptance", "ACCEPT", "link", "EFFICIENCY")
			.complete(CardProcess.TASK_DISPATCH, "township-labao-clerk", "leadUnit", lead, "handUp", false);
	}

}
