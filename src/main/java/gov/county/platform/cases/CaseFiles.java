package gov.county.platform.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.privacy.PersonalData;
import gov.county.platform.security.AuditEventType;
import gov.county.platform.security.AuditTrail;
import gov.county.platform.security.PlatformUser;

/**
 * Assembles a case from the ledger and the engine's history of the process instance that owns it
 * (the one that filed it), for those {@link CaseAccess} lets see it; the engine is then read
 * without the caller's task authorizations, so a unit sees the whole of its own case.
 */
@Service
public class CaseFiles {

	static final String OUTCOME = "outcome";

	static final String[] CASE_VARIABLES = { "dueAt", "warnAt", "reprimandAt", "evaluateDueAt", OUTCOME };

	private final LedgerService ledger;

	private final HistoryService history;

	private final TaskService tasks;

	private final CaseAccess access;

	private final AuditTrail audit;

	CaseFiles(LedgerService ledger, HistoryService history, TaskService tasks, CaseAccess access, AuditTrail audit) {
		this.ledger = ledger;
		this.history = history;
		this.tasks = tasks;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * The case, when it exists and the caller may see it, with the submitter's data as the caller
	 * may see it ({@link CaseAccess}); {@code reveal}: an auditor asks for it in full. Every look-up
	 * that shows a case is recorded in the audit trail (who, which case, when, through what), not in
	 * the case's own ledger.
	 *
	 * @param through where it was looked up, e.g. {@code GET /api/cases} or {@code Cockpit}
	 */
	public Optional<CaseView> find(String caseNo, PlatformUser caller, boolean reveal, String through) {
		List<LedgerEntry> timeline = this.ledger.caseHistory(caseNo);
		if (timeline.isEmpty()) {
			return Optional.empty();
		}
		boolean involved = this.access.involves(caseNo, timeline, caller);
		if (!caller.isOversight() && !involved) {
			return Optional.empty();
		}
		PersonalData.View personal = this.access.submitter(caseNo, caller, involved, reveal);
		this.audit.record(AuditEventType.CASE_VIEWED, caller.id(), caseNo, through);
		String owner = this.ledger.owner(caseNo).orElse(null);
		return Optional.of(this.access.asEngine(() -> view(caseNo, owner, timeline, personal)));
	}

	/** The case as its owning instance has it: another instance under the same number is not the case. */
	private CaseView view(String caseNo, String owner, List<LedgerEntry> timeline, PersonalData.View personal) {
		HistoricProcessInstance instance = owner == null ? null
				: this.history.createHistoricProcessInstanceQuery().processInstanceId(owner).singleResult();
		if (instance == null) {
			return new CaseView(caseNo, timeline.get(0).process(), null, "UNKNOWN", timeline.get(0).at(), null, null,
					Map.of(), List.of(), List.of(), personal.shown().name(), personal.values(), timeline);
		}
		Map<String, Object> deadlines = new LinkedHashMap<>();
		String outcome = null;
		for (HistoricVariableInstance variable : this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableNameIn(CASE_VARIABLES)
			.list()) {
			if (variable.getName().equals(OUTCOME)) {
				outcome = String.valueOf(variable.getValue());
			}
			else if (variable.getValue() != null) {
				deadlines.put(variable.getName(), variable.getValue());
			}
		}
		List<CaseView.OpenTask> open = new ArrayList<>();
		for (Task task : this.tasks.createTaskQuery().processInstanceId(instance.getId()).orderByTaskCreateTime().asc().list()) {
			List<String> groups = this.tasks.getIdentityLinksForTask(task.getId())
				.stream()
				.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
				.map(link -> link.getGroupId())
				.toList();
			open.add(new CaseView.OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), groups,
					task.getAssignee(), instant(task.getCreateTime()), instant(task.getDueDate()),
					instant(task.getFollowUpDate())));
		}
		List<CaseView.DoneTask> done = new ArrayList<>();
		for (HistoricTaskInstance task : this.history.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.finished()
			.orderByHistoricTaskInstanceEndTime()
			.asc()
			.list()) {
			boolean completed = "completed".equals(task.getDeleteReason());
			done.add(new CaseView.DoneTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
					completed ? completedBy(task) : null, instant(task.getStartTime()), instant(task.getEndTime()),
					completed ? null : task.getDeleteReason()));
		}
		String state = switch (instance.getState()) {
			case HistoricProcessInstance.STATE_COMPLETED -> "COMPLETED";
			case HistoricProcessInstance.STATE_ACTIVE, HistoricProcessInstance.STATE_SUSPENDED -> "ACTIVE";
			default -> "TERMINATED";
		};
		return new CaseView(caseNo, instance.getProcessDefinitionKey(), instance.getId(), state,
				instant(instance.getStartTime()), instant(instance.getEndTime()), outcome, deadlines, open, done,
				personal.shown().name(), personal.values(), timeline);
	}

	/** Who completed a task: the engine's record of the completion, else its assignee. */
	private String completedBy(HistoricTaskInstance task) {
		return this.history.createUserOperationLogQuery()
			.taskId(task.getId())
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.list()
			.stream()
			.map(UserOperationLogEntry::getUserId)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(task.getAssignee());
	}

	private static java.time.Instant instant(java.util.Date date) {
		return date == null ? null : date.toInstant();
	}

}
