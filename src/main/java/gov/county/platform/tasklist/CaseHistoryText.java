package gov.county.platform.tasklist;

import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.calendar.CalendarProperties;
import gov.county.platform.cases.CaseEscalated;
import gov.county.platform.engine.OnEveryUserTask;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;

/**
 * The case's history where a clerk works: every task of every process carries the task variable
 * {@code caseHistory} ({@link CaseHistory}: escalations, extensions, returns and rework, co-units'
 * opinions, newest first, in county time), which every task form shows read-only as "办理经过 Case
 * history". Written when the task is created and, since a handling task stays open through its
 * escalation ladder, again on the case's open tasks whenever an escalation is recorded. A task-local
 * variable: the value Tasklist submits back with the form stays on the task and ends with it.
 */
@Component
@Order(20)
class CaseHistoryText implements OnEveryUserTask {

	static final String VARIABLE = "caseHistory";

	private final LedgerService ledger;

	private final TaskService tasks;

	private final ProcessEngineConfigurationImpl engine;

	private final CaseHistory history;

	CaseHistoryText(LedgerService ledger, Directory directory, CalendarProperties calendar, TaskService tasks,
			ProcessEngineConfigurationImpl engine) {
		this.ledger = ledger;
		this.tasks = tasks;
		this.engine = engine;
		this.history = new CaseHistory(CaseHistory.shippedLines(),
				unit -> directory.unit(unit).map(Unit::name).orElse(unit), calendar.zone());
	}

	@Override
	public Set<String> events() {
		return Set.of(TaskListener.EVENTNAME_CREATE);
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNo = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
		task.setVariableLocal(VARIABLE, text(caseNo));
	}

	/**
	 * The case's open tasks get the history with the steps just recorded; whoever's action recorded
	 * them (usually a timer), every one of the case's tasks is brought up to date.
	 */
	@EventListener
	void escalated(CaseEscalated escalated) {
		String text = text(escalated.caseNo());
		this.engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
			boolean checking = context.isAuthorizationCheckEnabled();
			context.disableAuthorizationCheck();
			try {
				this.tasks.createTaskQuery()
					.processInstanceBusinessKey(escalated.caseNo())
					.list()
					.forEach(task -> this.tasks.setVariableLocal(task.getId(), VARIABLE, text));
			}
			finally {
				if (checking) {
					context.enableAuthorizationCheck();
				}
			}
			return null;
		});
	}

	/** The history of case {@code caseNo} as a task shows it; that of no case for a task without one. */
	String text(String caseNo) {
		if (caseNo == null) {
			return CaseHistory.NONE;
		}
		return this.history.text(this.ledger.caseHistory(caseNo));
	}

}
