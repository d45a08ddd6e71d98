package gov.county.platform.tasklist;

import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.calendar.CalendarProperties;
import gov.county.platform.engine.OnEveryUserTask;
import gov.county.platform.engine.TaskCandidates;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.WellKnownGroups;

/**
 * What a unit's members may change on their unit's tasks (they may claim, unclaim, hand a task on
 * and set its dates in Tasklist), and what they may not, whichever client asks:
 * <ul>
 * <li>a task is handed only to a member of one of its units;</li>
 * <li>a deadline the process set (the task's due date when it was created) may be brought forward,
 * not moved later nor cleared: that takes an extension;</li>
 * <li>a task's units are the process's to decide: nobody but a system administrator adds or removes
 * a candidate unit.</li>
 * </ul>
 * Changes the process itself makes (no user signed in) pass. A refusal is a 400 naming the rule, in Chinese and English.
 */
@Component
@Order(0)
class TaskGuards implements OnEveryUserTask {

	/** The due date the process gave the task when it was created, kept on the task. */
	static final String SET_DUE = "caseDueSet";

	private final IdentityService identity;

	private final Directory directory;

	private final DateTimeFormatter format;

	TaskGuards(IdentityService identity, Directory directory, CalendarProperties calendar) {
		this.identity = identity;
		this.directory = directory;
		this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
	}

	@Override
	public Set<String> events() {
		return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_ASSIGNMENT);
	}

	@Override
	public void notify(DelegateTask task) {
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
			if (task.getDueDate() != null) {
				task.setVariableLocal(SET_DUE, task.getDueDate());
			}
			return;
		}
		Authentication user = this.identity.getCurrentAuthentication();
		if (user == null || user.getUserId() == null || isAdministrator(user)) {
			return;
		}
		if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			handedWithinItsUnits(task);
			return;
		}
		unitsUnchanged(task);
		deadlineKept(task);
	}

	private boolean isAdministrator(Authentication user) {
		List<String> groups = user.getGroupIds() != null ? user.getGroupIds() : this.directory.groupsOf(user.getUserId());
		return groups.contains(WellKnownGroups.ADMINS);
	}

	private void handedWithinItsUnits(DelegateTask task) {
		String assignee = task.getAssignee();
		Set<String> units = TaskCandidates.current(task);
		if (assignee == null || units.isEmpty()) {
			return;
		}
		List<String> theirs = this.directory.groupsOf(assignee);
		if (units.stream().noneMatch(theirs::contains)) {
			throw new BadUserRequestException("任务只能交给本单位人员：" + this.directory.displayName(assignee) + " 不属于 "
					+ names(units) + "。 A task can be handed only to a member of its unit: " + assignee
					+ " is not a member of " + String.join(", ", units) + ".");
		}
	}

	private void unitsUnchanged(DelegateTask task) {
		Set<String> declared = TaskCandidates.declared(task);
		Set<String> current = TaskCandidates.current(task);
		if (!declared.isEmpty() && !declared.equals(current)) {
			throw new BadUserRequestException("任务的承办单位由流程决定，不能增删：应为 " + names(declared) + "。 A task's units are "
					+ "decided by its process and cannot be added or removed: they are " + String.join(", ", declared) + ".");
		}
	}

	private void deadlineKept(DelegateTask task) {
		Object set = task.getVariableLocal(SET_DUE);
		if (!(set instanceof Date deadline)) {
			return;
		}
		Date due = task.getDueDate();
		if (due == null || due.after(deadline)) {
			String when = this.format.format(deadline.toInstant());
			throw new BadUserRequestException("办理期限 " + when + " 由流程按工作日计算，只能提前，不能推后或清除；如需更多时间，请在办理时申请延期。"
					+ " The deadline " + when + " (county time) was set by the process: it may be brought forward, not "
					+ "moved later or cleared; to get more time, ask for an extension when handling the task.");
		}
	}

	private String names(Set<String> units) {
		return String.join("、", units.stream().map(id -> this.directory.unit(id).map(u -> u.name()).orElse(id)).toList());
	}

}
