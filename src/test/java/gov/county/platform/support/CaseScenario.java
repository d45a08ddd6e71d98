package gov.county.platform.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;

/**
 * A case driven the way its users drive it, for any process's scenarios: its tasks completed by
 * named users, its jobs run as the job executor would, its variables and ledger read back.
 *
 * @param <S> the process's own scenario, which adds its steps
 */
public abstract class CaseScenario<S extends CaseScenario<S>> {

	protected final ProcessEngine engine;

	protected final LedgerService ledger;

	public final ProcessInstance instance;

	public final String caseNo;

	protected CaseScenario(ProcessEngine engine, LedgerService ledger, String processInstanceId) {
		this.engine = engine;
		this.ledger = ledger;
		this.instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		this.caseNo = this.instance.getBusinessKey();
	}

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

	/** The case's open tasks {@code key}, oldest first. */
	public List<Task> tasks(String key) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(this.instance.getId())
			.taskDefinitionKey(key)
			.orderByTaskCreateTime()
			.asc()
			.list();
	}

	public Task task(String key) {
		List<Task> tasks = tasks(key);
		if (tasks.isEmpty()) {
			throw new AssertionError("no open task " + key + " for " + this.caseNo);
		}
		return tasks.get(0);
	}

	/** Completes the task as {@code user}, as Tasklist would after the form is submitted. */
	public S complete(String key, String user, Object... variables) {
		return complete(task(key), user, variables);
	}

	public S complete(Task task, String user, Object... variables) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		TestProcesses.as(this.engine.getIdentityService(), user,
				() -> this.engine.getTaskService().complete(task.getId(), values));
		return afterCompletion();
	}

	/** What happens after a completion: nothing more by default. */
	protected S afterCompletion() {
		return self();
	}

	public S runJob(String activityId) {
		execute(job(activityId, this.instance));
		return self();
	}

	/** Runs the pending asynchronous continuations (not timers) of this case, as the job executor would. */
	public S runContinuations() {
		var management = this.engine.getManagementService();
		var timers = management.createJobQuery().processInstanceId(this.instance.getId()).timers().list();
		for (var job : management.createJobQuery().processInstanceId(this.instance.getId()).list()) {
			if (timers.stream().noneMatch(timer -> timer.getId().equals(job.getId()))) {
				management.executeJob(job.getId());
			}
		}
		return self();
	}

	public Object variable(String name) {
		return this.engine.getRuntimeService().getVariable(this.instance.getId(), name);
	}

	public List<String> events() {
		return this.ledger.caseHistory(this.caseNo).stream().map(LedgerEntry::event).toList();
	}

	public List<LedgerEntry> entries(String event) {
		return this.ledger.caseHistory(this.caseNo).stream().filter(e -> e.event().equals(event)).toList();
	}

}
