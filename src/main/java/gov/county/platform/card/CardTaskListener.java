package gov.county.platform.card;

import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import gov.county.platform.cases.Outcome;
import gov.county.platform.engine.Actor;

/**
 * On every card task ({@code camunda:taskListener delegateExpression="${cardTaskListener}"} for
 * {@code create} and {@code complete}): on completion, checks what the clerk entered and records it
 * (a refusal names the field, and the completion rolls back); on creation of the handling task,
 * gathers the co-units' opinions for the lead unit's form.
 */
@Component("cardTaskListener")
public class CardTaskListener implements TaskListener {

	static final String CO_OPINIONS_TEXT = "coOpinionsText";

	private final CardService cards;

	public CardTaskListener(CardService cards) {
		this.cards = cards;
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNo = task.getExecution().getProcessBusinessKey();
		if (EVENTNAME_CREATE.equals(task.getEventName())) {
			if (CardProcess.TASK_HANDLE.equals(task.getTaskDefinitionKey())) {
				task.getExecution().setVariable(CO_OPINIONS_TEXT, this.cards.coOpinions(caseNo));
			}
			if (CardProcess.TASK_CO_HANDLE.equals(task.getTaskDefinitionKey())) {
				task.setVariableLocal(CardProcess.CO_UNIT.name(), CardProcess.CO_UNIT_NODE.from(task));
			}
			return;
		}
		if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
			Outcome outcome = this.cards.completeTask(task.getTaskDefinitionKey(), caseNo,
					task.getVariables(), Actor.of(task));
			setChanged(task.getExecution(), outcome.variables());
			// whatever the completion submitted, the clock stays the one the case's state holds
			setChanged(task.getExecution(), this.cards.recorded(caseNo));
		}
	}

	/**
	 * Writes only the values that differ from what the case holds: an unchanged deadline written
	 * again would cost a variable update and a history row at every task for nothing.
	 */
	private static void setChanged(DelegateExecution execution, Map<String, Object> values) {
		values.forEach((name, value) -> {
			if (!Objects.equals(execution.getVariable(name), value)) {
				execution.setVariable(name, value);
			}
		});
	}

}
