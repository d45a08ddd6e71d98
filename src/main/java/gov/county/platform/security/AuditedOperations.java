package gov.county.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;

/**
 * The engine's log of what users did, read for the audit trail as the engine writes it: changes of
 * users, groups, memberships and grants, deployments and their deletion, and every deletion of
 * history, whichever way they were made (Admin, Cockpit, the engine REST API). The engine logs what
 * signed-in users do, not what the platform's own steps do; sign-ins are recorded by the identity
 * provider.
 */
class AuditedOperations implements HistoryEventHandler {

	private final AuditTrail audit;

	AuditedOperations(AuditTrail audit) {
		this.audit = audit;
	}

	/**
	 * The engine hands over the entries of one operation (one per property it changed) one at a
	 * time: they are collected for the command and recorded as one audit event per operation when
	 * the command closes, in its transaction; a command that fails records nothing.
	 */
	@Override
	public void handleEvent(HistoryEvent event) {
		if (event instanceof UserOperationLogEntryEventEntity entry
				&& type(entry.getEntityType(), entry.getOperationType()).isPresent()) {
			collector().operations.computeIfAbsent(entry.getOperationId(), id -> new ArrayList<>()).add(entry);
		}
	}

	@Override
	public void handleEvents(List<HistoryEvent> events) {
		events.forEach(this::handleEvent);
	}

	private final ThreadLocal<Collector> collectors = new ThreadLocal<>();

	/** The operations of the command running on this thread, recorded when it closes. */
	private Collector collector() {
		CommandContext context = Context.getCommandContext();
		Collector collector = this.collectors.get();
		if (collector == null || collector.context != context) {
			collector = new Collector(context);
			this.collectors.set(collector);
			context.registerCommandContextListener(collector);
		}
		return collector;
	}

	private final class Collector implements CommandContextListener {

		final CommandContext context;

		final Map<String, List<UserOperationLogEntryEventEntity>> operations = new LinkedHashMap<>();

		Collector(CommandContext context) {
			this.context = context;
		}

		@Override
		public void onCommandContextClose(CommandContext commandContext) {
			AuditedOperations.this.collectors.remove();
			this.operations.values().forEach(AuditedOperations.this::record);
		}

		@Override
		public void onCommandFailed(CommandContext commandContext, Throwable t) {
			AuditedOperations.this.collectors.remove();
		}

	}

	private void record(List<UserOperationLogEntryEventEntity> entries) {
		UserOperationLogEntryEventEntity first = entries.get(0);
		if (isRecordedCaseByCase(entries)) {
			return;
		}
		type(first.getEntityType(), first.getOperationType()).ifPresent(type -> {
			Map<String, String> values = new LinkedHashMap<>();
			List<String> changes = new ArrayList<>();
			for (UserOperationLogEntryEventEntity entry : entries) {
				if (entry.getProperty() == null) {
					continue;
				}
				values.put(entry.getProperty(), entry.getNewValue() != null ? entry.getNewValue() : entry.getOrgValue());
				changes.add(entry.getProperty() + ": " + (entry.getOrgValue() == null ? "" : entry.getOrgValue() + " → ")
						+ entry.getNewValue());
			}
			this.audit.record(type, first.getUserId(), subject(first, values),
					first.getEntityType() + " " + first.getOperationType() + (changes.isEmpty() ? "" : " " + changes));
		});
	}

	static Optional<AuditEventType> type(String entityType, String operation) {
		if (UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY.equals(operation)) {
			// a process instance's history deleted at once is recorded, case by case, by HistoryDeletions
			return Optional.of(AuditEventType.HISTORY_DELETED);
		}
		boolean create = UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(operation);
		boolean update = UserOperationLogEntry.OPERATION_TYPE_UPDATE.equals(operation);
		boolean delete = UserOperationLogEntry.OPERATION_TYPE_DELETE.equals(operation);
		AuditEventType type = switch (entityType == null ? "" : entityType) {
			case EntityTypes.USER -> create ? AuditEventType.USER_CREATED : update ? AuditEventType.USER_UPDATED
					: delete ? AuditEventType.USER_DELETED
							: UserOperationLogEntry.OPERATION_TYPE_UNLOCK.equals(operation) ? AuditEventType.USER_UNLOCKED
									: null;
			case EntityTypes.GROUP -> create ? AuditEventType.GROUP_CREATED : update ? AuditEventType.GROUP_UPDATED
					: delete ? AuditEventType.GROUP_DELETED : null;
			case EntityTypes.GROUP_MEMBERSHIP, EntityTypes.TENANT_MEMBERSHIP -> create ? AuditEventType.MEMBERSHIP_ADDED
					: delete ? AuditEventType.MEMBERSHIP_REMOVED : null;
			case EntityTypes.AUTHORIZATION -> create ? AuditEventType.GRANT_CREATED
					: update ? AuditEventType.GRANT_UPDATED : delete ? AuditEventType.GRANT_DELETED : null;
			case EntityTypes.DEPLOYMENT -> create ? AuditEventType.DEPLOYED
					: delete ? AuditEventType.DEPLOYMENT_DELETED : null;
			default -> null;
		};
		return Optional.ofNullable(type);
	}

	/** A synchronous deletion of process instances' history: {@link HistoryDeletions} names each. */
	private static boolean isRecordedCaseByCase(List<UserOperationLogEntryEventEntity> entries) {
		UserOperationLogEntryEventEntity first = entries.get(0);
		return UserOperationLogEntry.OPERATION_TYPE_DELETE_HISTORY.equals(first.getOperationType())
				&& EntityTypes.PROCESS_INSTANCE.equals(first.getEntityType())
				&& entries.stream().anyMatch(e -> "async".equals(e.getProperty()) && "false".equals(e.getNewValue()));
	}

	/** Whom or what the operation concerns: the user, the group, the grant's holder, the instance. */
	private static String subject(UserOperationLogEntryEventEntity entry, Map<String, String> values) {
		if (EntityTypes.GROUP_MEMBERSHIP.equals(entry.getEntityType())) {
			return values.get("userId") + " → " + values.get("groupId");
		}
		for (String key : List.of("userId", "groupId")) {
			if (values.get(key) != null) {
				return values.get(key);
			}
		}
		if (entry.getProcessInstanceId() != null) {
			return entry.getProcessInstanceId();
		}
		return entry.getDeploymentId() != null ? entry.getDeploymentId() : entry.getEntityType();
	}

}
