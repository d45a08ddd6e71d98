package gov.county.platform.rectification;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.TestProcesses;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;

/** A rectification driven the way its users drive it: each task completed by whoever it is for. */
final class RectificationScenario {

	private final ProcessEngine engine;

	private final LedgerService ledger;

	final ProcessInstance instance;

	final String caseNo;

	private RectificationScenario(ProcessEngine engine, LedgerService ledger, ProcessInstance instance) {
		this.engine = engine;
		this.ledger = ledger;
		this.instance = instance;
		this.caseNo = instance.getBusinessKey();
	}

	static Map<String, Object> rectification(Object... overrides) {
		Map<String, Object> start = new HashMap<>(Map.of("unit", "dept-housing", "title", "审批材料反复要求补充 Permit paperwork asked again and again",
				"source", "INSPECTION", "problems", "督查发现建设审批窗口多次要求重复提交材料。Applicants are asked for the same papers several times."));
		for (int i = 0; i < overrides.length; i += 2) {
			start.put((String) overrides[i], overrides[i + 1]);
		}
		return start;
	}

	static RectificationScenario open(ProcessEngine engine, RectificationIntake intake, LedgerService ledger, String user,
			Map<String, Object> start) {
		List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
			.map(g -> g.getId()).toList();
		CaseIntake.Filed filed = TestProcesses.as(engine.getIdentityService(), user,
				() -> intake.file(start, groups));
		ProcessInstance instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(filed.processInstanceId())
			.singleResult();
		return new RectificationScenario(engine, ledger, instance);
	}

	/** A measure as Tasklist's dynamic list submits it. */
	static Map<String, Object> measure(String what, String responsible, LocalDate deadline, String target) {
		return Map.of("measure", what, "responsible", responsible, "deadline", deadline.toString(), "target", target);
	}

	/** The {@code n}th working day after today. */
	static LocalDate workingDay(WorkingDayCalendar calendar, int n) {
		return calendar.plusWorkingDays(calendar.dayOf(java.time.Instant.now()), n);
	}

	List<Task> tasks(String key) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(this.instance.getId())
			.taskDefinitionKey(key)
			.orderByTaskCreateTime()
			.asc()
			.list();
	}

	Task task(String key) {
		List<Task> tasks = tasks(key);
		if (tasks.isEmpty()) {
			throw new AssertionError("no open task " + key + " for " + this.caseNo);
		}
		return tasks.get(0);
	}

	RectificationScenario complete(String key, String user, Object... variables) {
		return complete(task(key), user, variables);
	}

	RectificationScenario complete(Task task, String user, Object... variables) {
		Map<String, Object> values = new HashMap<>();
		for (int i = 0; i < variables.length; i += 2) {
			values.put((String) variables[i], variables[i + 1]);
		}
		TestProcesses.as(this.engine.getIdentityService(), user,
				() -> this.engine.getTaskService().complete(task.getId(), values));
		return runContinuations();
	}

	/** Submits the plan as the unit's clerk, with the measures as a JSON list like Tasklist sends. */
	RectificationScenario submitPlan(String clerk, List<Map<String, Object>> measures) {
		return complete(RectificationProcess.TASK_DRAFT_PLAN, clerk, "measures", org.camunda.spin.Spin.JSON(measures));
	}

	RectificationScenario runJob(String activityId) {
		execute(job(activityId, this.instance));
		return this;
	}

	/** Runs the pending asynchronous continuations (not timers), as the job executor would. */
	RectificationScenario runContinuations() {
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

}
