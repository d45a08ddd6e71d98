package gov.county.platform.organization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every clerk starts with, and the county-wide ones of the county offices
 * (county platform, supervision office, county leaders). Each shows, beside every task of every
 * process, its case number, subject, unit and deadline (the task variables of
 * {@code tasklist/TaskLabels}), sorted by due date. Created once: an admin may change or delete them
 * afterwards and a restart does not bring them back as they were; a filter of an earlier release,
 * which showed no variables, is given them once.
 */
@Component
public class TasklistFilters {

	public static final String MY_UNIT = "My unit's tasks (本单位待办)";

	public static final String ASSIGNED_TO_ME = "Assigned to me (我的待办)";

	public static final String DUE_SOON = "Due soon (即将到期)";

	public static final String OVERDUE = "Overdue (已超期)";

	public static final String COUNTY_OVERDUE = "County: overdue (全县已超期)";

	public static final String COUNTY_DUE_TODAY = "County: due within 1 working day (全县一个工作日内到期)";

	public static final String COUNTY_HANDED_UP = "County: handed up (全县上交事项)";

	/** The task variables every shared filter shows, with their labels. */
	static final List<Map<String, String>> VARIABLES = List.of(variable("caseNo", "案件编号 Case No."),
			variable("caseSubject", "事项 Subject"), variable("caseUnit", "单位 Unit"),
			variable("caseDeadline", "期限 Deadline"));

	private static Map<String, String> variable(String name, String label) {
		Map<String, String> v = new LinkedHashMap<>();
		v.put("name", name);
		v.put("label", label);
		return v;
	}

	private final FilterService filters;

	private final TaskService tasks;

	private final AuthorizationService authorizations;

	public TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
		this.filters = filters;
		this.tasks = tasks;
		this.authorizations = authorizations;
	}

	@Order(60)
	@EventListener(ApplicationStartedEvent.class)
	public void createOnce() {
		create(MY_UNIT, -10, "#3b7dd8", "Tasks of the units I belong to, claimed or not",
				this.tasks.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.orderByDueDate()
					.asc());
		create(ASSIGNED_TO_ME, -5, "#2e9e5b", "Tasks I have claimed",
				this.tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
		create(DUE_SOON, 0, "#e6a23c", "Follow-up date reached: the deadline is near (提醒)",
				this.tasks.createTaskQuery().followUpBeforeExpression("${now()}").orderByDueDate().asc());
		create(OVERDUE, 5, "#d9534f", "Past the due date (超期)",
				this.tasks.createTaskQuery()
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.includeAssignedTasks()
					.dueBeforeExpression("${now()}")
					.orderByDueDate()
					.asc());
		create(COUNTY_OVERDUE, 10, "#b52b27", "全县所有单位已超期的任务 Every unit's tasks past their due date",
				this.tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(),
				WellKnownGroups.COUNTY_OFFICES);
		create(COUNTY_DUE_TODAY, 11, "#e67e22",
				"全县所有单位在下一个工作日结束前到期的任务 Every unit's tasks due by the end of the next working day",
				this.tasks.createTaskQuery()
					.dueAfterExpression("${now()}")
					.dueBeforeExpression("${workingDayCalendar.dueWithin(1)}")
					.orderByDueDate()
					.asc(),
				WellKnownGroups.COUNTY_OFFICES);
		create(COUNTY_HANDED_UP, 12, "#8e44ad", "上交县级统筹的互动卡的待办 Open tasks of cards handed up to the county",
				this.tasks.createTaskQuery().processVariableValueEquals("handUp", true).orderByDueDate().asc(),
				WellKnownGroups.COUNTY_OFFICES);
	}

	private void create(String name, int priority, String color, String description, TaskQuery query) {
		create(name, priority, color, description, query, null);
	}

	/** Creates the filter for everyone, or for {@code groups} only. */
	private void create(String name, int priority, String color, String description, TaskQuery query,
			Set<String> groups) {
		Filter existing = this.filters.createFilterQuery().filterName(name).singleResult();
		if (existing != null) {
			if (existing.getProperties() == null || !existing.getProperties().containsKey("variables")) {
				Map<String, Object> upgraded = new LinkedHashMap<>(existing.getProperties() == null ? Map.of()
						: existing.getProperties());
				upgraded.put("variables", VARIABLES);
				existing.setProperties(upgraded);
				this.filters.saveFilter(existing);
			}
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("priority", priority);
		properties.put("color", color);
		properties.put("description", description);
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		properties.put("variables", VARIABLES);
		Filter filter = this.filters.newTaskFilter(name);
		filter.setQuery(query);
		filter.setProperties(properties);
		filter = this.filters.saveFilter(filter);

		if (groups == null) {
			Authorization everyone = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
			everyone.setUserId(Authorization.ANY);
			everyone.setResource(Resources.FILTER);
			everyone.setResourceId(filter.getId());
			everyone.addPermission(Permissions.READ);
			this.authorizations.saveAuthorization(everyone);
			return;
		}
		for (String group : groups) {
			Authorization theirs = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			theirs.setGroupId(group);
			theirs.setResource(Resources.FILTER);
			theirs.setResourceId(filter.getId());
			theirs.addPermission(Permissions.READ);
			this.authorizations.saveAuthorization(theirs);
		}
	}

}
