package gov.county.platform.engine;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** A task's candidate units: those it has now, and those its diagram gives it. */
public final class TaskCandidates {

	private TaskCandidates() {
	}

	/** The candidate groups the task has now. */
	public static Set<String> current(DelegateTask task) {
		Set<String> groups = new LinkedHashSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups;
	}

	/** The candidate groups the task's diagram gives it, read against its case as it is now. */
	public static Set<String> declared(DelegateTask task) {
		Set<String> groups = new LinkedHashSet<>();
		TaskDefinition definition = ((TaskEntity) task).getTaskDefinition();
		if (definition == null || task.getExecution() == null) {
			return groups;
		}
		for (Expression expression : definition.getCandidateGroupIdExpressions()) {
			Object value = expression.getValue(task.getExecution());
			if (value != null) {
				for (String group : value.toString().split("\\s*,\\s*")) {
					if (!group.isBlank()) {
						groups.add(group.trim());
					}
				}
			}
		}
		return groups;
	}

}
