package gov.county.platform.tasklist;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import gov.county.platform.calendar.CalendarProperties;
import gov.county.platform.engine.Callers;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.Notification;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;
import gov.county.platform.security.PlatformUser;

/**
 * The Notices (通知) view's pages: the inbox of the signed-in user and their units, read with the
 * notification package's own query (the same as {@code GET /api/notifications}), each notice with its
 * time in county time, whom it was addressed to by name, and the case's open task that the user may
 * see in Tasklist.
 */
@Service
class TasklistNotices {

	static final DateTimeFormatter COUNTY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final NotificationService notifications;

	private final LedgerService ledger;

	private final TaskService tasks;

	private final IdentityService identity;

	private final Directory directory;

	private final ZoneId zone;

	TasklistNotices(NotificationService notifications, LedgerService ledger, TaskService tasks,
			IdentityService identity, Directory directory, CalendarProperties calendar) {
		this.notifications = notifications;
		this.ledger = ledger;
		this.tasks = tasks;
		this.identity = identity;
		this.directory = directory;
		this.zone = calendar.zone();
	}

	/** One page of the notices, newest first; {@code more} when a later page has any. */
	record Page(String userId, String zone, int page, int size, boolean more, List<Shown> notices) {
	}

	/**
	 * A notice as the view shows it.
	 *
	 * @param time when it was sent, in county time ({@code yyyy-MM-dd HH:mm})
	 * @param addressedTo the user themself or the unit it went to
	 * @param task the case's open task the user may see, or null when there is none
	 */
	record Shown(long id, String createdAt, String time, String subject, String body, String caseNo,
			Addressee addressedTo, OpenTask task) {
	}

	/** @param kind {@code USER} (the signed-in user themself) or {@code UNIT} */
	record Addressee(String kind, String id, String name) {
	}

	record OpenTask(String id, String name) {
	}

	/** Page {@code page} (from 0) of {@code size} notices to {@code user} and their units. */
	Page page(PlatformUser user, int page, int size) {
		List<Notification> found = this.notifications.inbox(user.id(), user.groups(), page, size);
		long next = ((long) page + 1) * size;
		boolean more = found.size() == size && next <= Integer.MAX_VALUE
				&& !this.notifications.inbox(user.id(), user.groups(), (int) next, 1).isEmpty();
		Map<String, OpenTask> openTasks = openTasks(found, user);
		List<Shown> shown = found.stream()
			.map(n -> new Shown(n.id(), n.createdAt().toString(), COUNTY_TIME.format(n.createdAt().atZone(this.zone)),
					n.subject(), n.body(), n.caseNo(), addressee(n.recipient(), user),
					n.caseNo() == null ? null : openTasks.get(n.caseNo())))
			.toList();
		return new Page(user.id(), this.zone.getId(), page, size, more, shown);
	}

	private Addressee addressee(String recipient, PlatformUser user) {
		if (recipient.equals(user.id()) && !user.groups().contains(recipient)) {
			return new Addressee("USER", recipient, this.directory.displayName(recipient));
		}
		return new Addressee("UNIT", recipient, this.directory.unit(recipient).map(Unit::name).orElse(recipient));
	}

	/**
	 * The open task of each case that the user may see: one query of the tasks of the cases' own
	 * process instances (the instance that filed each case, as the ledger records it; an instance
	 * started later under the same number is not the case), run as the user, so the engine's grants
	 * decide as they do for Tasklist. Their own task first, then one nobody has claimed, then the oldest.
	 */
	private Map<String, OpenTask> openTasks(List<Notification> notices, PlatformUser user) {
		Map<String, String> caseOfInstance = new LinkedHashMap<>();
		Set<String> caseNos = new LinkedHashSet<>();
		notices.stream().map(Notification::caseNo).filter(Objects::nonNull).forEach(caseNos::add);
		caseNos.forEach(caseNo -> this.ledger.owner(caseNo).ifPresent(instance -> caseOfInstance.put(instance, caseNo)));
		if (caseOfInstance.isEmpty()) {
			return Map.of();
		}
		List<Task> visible = Callers.as(this.identity, user.id(), user.groups(), () -> this.tasks.createTaskQuery()
			.processInstanceIdIn(caseOfInstance.keySet().toArray(String[]::new))
			.orderByTaskCreateTime()
			.asc()
			.list());
		Map<String, OpenTask> byCase = new LinkedHashMap<>();
		visible.stream()
			.sorted(Comparator.comparingInt((Task task) -> preference(task, user.id())))
			.forEach(task -> byCase.putIfAbsent(caseOfInstance.get(task.getProcessInstanceId()),
					new OpenTask(task.getId(), task.getName())));
		return byCase;
	}

	private static int preference(Task task, String userId) {
		if (task.getAssignee() == null) {
			return 1;
		}
		return task.getAssignee().equals(userId) ? 0 : 2;
	}

}
