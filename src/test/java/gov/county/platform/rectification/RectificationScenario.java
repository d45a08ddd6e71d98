package gov.county.platform.rectification;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.cases.CaseIntake;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.support.CaseScenario;
import gov.county.platform.support.TestProcesses;

/** A rectification driven the way its users drive it: each task completed by whoever it is for. */
final class RectificationScenario extends CaseScenario<RectificationScenario> {

	private RectificationScenario(ProcessEngine engine, LedgerService ledger, String processInstanceId) {
		super(engine, ledger, processInstanceId);
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
		return new RectificationScenario(engine, ledger, filed.processInstanceId());
	}

	/** A measure as Tasklist's dynamic list submits it. */
	static Map<String, Object> measure(String what, String responsible, LocalDate deadline, String target) {
		return Map.of("measure", what, "responsible", responsible, "deadline", deadline.toString(), "target", target);
	}

	/** The {@code n}th working day after today. */
	static LocalDate workingDay(WorkingDayCalendar calendar, int n) {
		return calendar.plusWorkingDays(calendar.dayOf(java.time.Instant.now()), n);
	}

	/** Submits the plan as the unit's clerk, with the measures as a JSON list like Tasklist sends. */
	RectificationScenario submitPlan(String clerk, List<Map<String, Object>> measures) {
		return complete(RectificationProcess.TASK_DRAFT_PLAN, clerk, "measures", org.camunda.spin.Spin.JSON(measures));
	}

	/** A measure's task and the monthly report start as asynchronous continuations: run them. */
	@Override
	protected RectificationScenario afterCompletion() {
		return runContinuations();
	}

}
