package gov.county.platform.rectification;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import gov.county.platform.cases.Outcome;
import gov.county.platform.engine.Actor;

/**
 * On every rectification task ({@code camunda:taskListener delegateExpression="${rectificationTaskListener}"}
 * for {@code create} and {@code complete}). On creation: the plan form's list of the unit's people,
 * a progress report's due date, the talk's head and reason. On completion: checks what was entered
 * and records it (a refusal names the field, and the completion rolls back), then puts back what
 * the ledger says of the unit, the deadlines and the measures, whatever the completion submitted.
 */
@Component("rectificationTaskListener")
public class RectificationTaskListener implements TaskListener {

	private final RectificationService rectification;

	public RectificationTaskListener(RectificationService rectification) {
		this.rectification = rectification;
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNo = task.getExecution().getProcessBusinessKey();
		String key = task.getTaskDefinitionKey();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			switch (key) {
				case RectificationProcess.TASK_DRAFT_PLAN -> {
					task.getExecution()
						.setVariables(this.rectification.draftOpened(RectificationProcess.UNIT.require(task)).variables());
					// a returned plan comes back in the form's numbered fields, ready to revise
					Object plan = task.getExecution().getVariable(RectificationProcess.MEASURES.name());
					if (plan != null) {
						task.setVariablesLocal(MeasurePlan.slots(MeasurePlan.recorded(plan.toString())));
					}
				}
				case RectificationProcess.TASK_REPORT_PROGRESS ->
					task.setDueDate(Date.from(this.rectification.progressReportDue()));
				case RectificationProcess.TASK_ADMONISHMENT_TALK ->
					task.setVariablesLocal(this.rectification.talkCalled(caseNo, task.getVariables()).variables());
				default -> {
				}
			}
			return;
		}
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			Outcome outcome = this.rectification.completeTask(key, caseNo, task.getVariables(),
					task.getVariablesLocal(), Actor.of(task));
			// the task's own answers are local to it (input mappings); what the process routes on is the case's
			task.getExecution().getProcessInstance().setVariables(this.rectification.recorded(caseNo));
			task.getExecution().getProcessInstance().setVariables(outcome.variables());
			if (RectificationProcess.TASK_DRAFT_PLAN.equals(key)) {
				// the form's numbered fields live on as the plan in `measures`, not as 32 loose variables
				task.getExecution().getProcessInstance().removeVariables(MeasurePlan.slotNames());
			}
		}
	}

}
