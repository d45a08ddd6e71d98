package gov.county.platform.cases;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import gov.county.platform.api.ApiProblem;
import gov.county.platform.engine.Callers;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.privacy.PersonalData;
import gov.county.platform.security.AuditEventType;
import gov.county.platform.security.AuditTrail;
import gov.county.platform.security.PlatformUser;

/**
 * Who may see a case, and its submitter's data: oversight (the county offices, auditors and
 * administrators) sees every case; a unit the cases it appears in (in the ledger, or with an open
 * task). The submitter's name and contact are in full for those units and the county offices,
 * masked for everyone else; an auditor may reveal them, and the audit trail records it.
 */
@Service
public class CaseAccess {

	private final LedgerService ledger;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final PersonalData personalData;

	private final AuditTrail audit;

	CaseAccess(LedgerService ledger, TaskService tasks, RuntimeService runtime, IdentityService identity,
			PersonalData personalData, AuditTrail audit) {
		this.ledger = ledger;
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.personalData = personalData;
		this.audit = audit;
	}

	/** Whether one of the caller's units appears in the case: in its ledger, or as a candidate of an open task. */
	public boolean involves(String caseNo, List<LedgerEntry> timeline, PlatformUser caller) {
		if (timeline.stream().anyMatch(e -> caller.groups().contains(e.unit()))) {
			return true;
		}
		String owner = this.ledger.owner(caseNo).orElse(null);
		return owner != null && !caller.groups().isEmpty() && asEngine(() -> this.tasks.createTaskQuery()
			.processInstanceId(owner)
			.taskCandidateGroupIn(caller.groups())
			.count() > 0);
	}

	/**
	 * The case's personal data as {@code caller} may see it, who may see the case ({@code involved}:
	 * one of their units appears in it). {@code reveal}: an auditor asks for it in full.
	 */
	public PersonalData.View submitter(String caseNo, PlatformUser caller, boolean involved, boolean reveal) {
		boolean full = involved || caller.isCountyOffice();
		if (reveal && !full) {
			if (!caller.groups().contains(WellKnownGroups.AUDITORS)) {
				throw ApiProblem.forbidden("只有审计员可以查看完整的个人信息。 Only auditors may reveal a submitter's data; "
						+ "the units handling the case and the county offices see it anyway.");
			}
			full = true;
			this.audit.record(AuditEventType.PERSONAL_DATA_REVEALED, caller.id(), caseNo,
					"the submitter's name and contact, shown in full to an auditor");
		}
		return this.personalData.view(caseNo, full);
	}

	/** A task's case: its number, and its submitter as the one who asked may see them. */
	public record TaskCase(String caseNo, PersonalData.View submitter) {
	}

	/**
	 * The case of a task the caller may see (Tasklist shows it to them), with the submitter's data as
	 * they may see it; empty when they may not see the task or it belongs to no case of the platform.
	 */
	public Optional<TaskCase> ofTask(String taskId, PlatformUser caller) {
		Task task = this.tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null || task.getProcessInstanceId() == null) {
			return Optional.empty();
		}
		String caseNo = asEngine(() -> {
			ProcessInstance instance = this.runtime.createProcessInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.singleResult();
			return instance == null ? null : instance.getBusinessKey();
		});
		if (caseNo == null || !this.ledger.owner(caseNo).map(task.getProcessInstanceId()::equals).orElse(false)) {
			return Optional.empty();
		}
		boolean involved = involves(caseNo, this.ledger.caseHistory(caseNo), caller);
		return Optional.of(new TaskCase(caseNo, submitter(caseNo, caller, involved, false)));
	}

	/** Reads the engine as the platform, not as the caller (whose task grants would hide parts of the case). */
	<T> T asEngine(Supplier<T> read) {
		return Callers.asPlatform(this.identity, read);
	}

}
