package gov.county.platform.security;

import java.util.List;

import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import gov.county.platform.engine.EngineCommands;

/**
 * Records which cases' history a user deletes, by case number and instance, in the deletion's own
 * transaction: the engine's log of the operation says only how many instances went. Deletions
 * the engine runs by itself (history cleanup after each process's time to live) have no user.
 */
class HistoryDeletions extends CommandInterceptor {

	private final AuditTrail audit;

	HistoryDeletions(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public <T> T execute(Command<T> command) {
		List<String> instances = EngineCommands.historyDeletedOf(command);
		if (!instances.isEmpty()) {
			CommandContext context = Context.getCommandContext();
			Authentication caller = context.getAuthentication();
			if (caller != null && caller.getUserId() != null) {
				for (String id : instances) {
					HistoricProcessInstance instance = context.getHistoricProcessInstanceManager()
						.findHistoricProcessInstance(id);
					this.audit.record(AuditEventType.HISTORY_DELETED, caller.getUserId(), id, instance == null
							? "no such instance"
							: "case " + instance.getBusinessKey() + " (" + instance.getProcessDefinitionKey() + ", started "
									+ instance.getStartTime().toInstant() + ", ended " + instance.getEndTime().toInstant()
									+ ")");
				}
			}
		}
		return this.next.execute(command);
	}

}
