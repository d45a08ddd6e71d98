package gov.county.platform.cases;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/**
 * Work on cases done by the platform for a named user, with that user's groups and so with exactly
 * their rights: the demo profile's sample cases are filed and taken through their steps this way.
 */
@Service
public class CaseWork {

	private final IdentityService identity;

	private final TaskService tasks;

	private final HistoryService history;

	public CaseWork(IdentityService identity, TaskService tasks, HistoryService history) {
		this.identity = identity;
		this.tasks = tasks;
		this.history = history;
	}

	/** Whether any case of the process was ever started (the demo data is made once). */
	public boolean anyOf(String processKey) {
		return this.history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count() > 0;
	}

	/** Runs {@code action} as {@code user}, with the groups the organisation gives them. */
	public <T> T as(String user, Supplier<T> action) {
		List<String> groups = this.identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
		this.identity.setAuthentication(user, groups);
		try {
			return action.get();
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/** Completes the case's open task {@code taskKey} as {@code user} (its assignee or a candidate). */
	public void complete(String caseNo, String taskKey, String user, Map<String, Object> variables) {
		as(user, () -> {
			String taskId = this.tasks.createTaskQuery()
				.processInstanceBusinessKey(caseNo)
				.taskDefinitionKey(taskKey)
				.or()
				.taskAssignee(user)
				.taskCandidateUser(user)
				.endOr()
				.list()
				.stream()
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"case " + caseNo + " has no open task " + taskKey + " for " + user))
				.getId();
			this.tasks.complete(taskId, variables);
			return null;
		});
	}

}
