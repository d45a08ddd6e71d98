package gov.county.platform.organization;

import java.util.LinkedHashMap;
import java.util.Map;

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
 * The shared Tasklist filters every clerk starts with. Created once: an admin may change or delete
 * them afterwards and a restart does not bring them back as they were.
 */
@Component
public class TasklistFilters {

	public static final String MY_UNIT = "My unit's tasks (本单位待办)";

	public static final String ASSIGNED_TO_ME = "Assigned to me (我的待办)";

	public static final String DUE_SOON = "Due soon (即将到期)";

	public static final String OVERDUE = "Overdue (已超期)";

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
				this.tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc());
	}

	private void create(String name, int priority, String color, String description, TaskQuery query) {
		if (this.filters.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("priority", priority);
		properties.put("color", color);
		properties.put("description", description);
		properties.put("refresh", true);
		properties.put("showUndefinedVariable", false);
		Filter filter = this.filters.newTaskFilter(name);
		filter.setQuery(query);
		filter.setProperties(properties);
		filter = this.filters.saveFilter(filter);

		Authorization everyone = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
		everyone.setUserId(Authorization.ANY);
		everyone.setResource(Resources.FILTER);
		everyone.setResourceId(filter.getId());
		everyone.addPermission(Permissions.READ);
		this.authorizations.saveAuthorization(everyone);
	}

}
