package gov.county.platform.cases;

import java.util.Map;

/**
 * A process's user tasks and the step rule that checks and decides each one's completion: routing
 * by task id, in one place, instead of a {@code switch} in every process.
 *
 * @param <C> what the process's rules know of the case (its state, the calendar, the chart...)
 */
public final class TaskSteps<C> {

	/** The rule of one task: what the task submitted, and the case, to a decision. */
	@FunctionalInterface
	public interface Step<C> {

		Decision decide(Map<String, Object> submitted, C context);

	}

	private final String process;

	private final Map<String, Step<C>> steps;

	public TaskSteps(String process, Map<String, Step<C>> steps) {
		this.process = process;
		this.steps = Map.copyOf(steps);
	}

	/** The decision of task {@code taskKey}'s rule; a task without one is a fault of the diagram. */
	public Decision decide(String taskKey, Map<String, Object> submitted, C context) {
		Step<C> step = this.steps.get(taskKey);
		if (step == null) {
			throw new IllegalArgumentException(
					"no " + this.process + " rules for task '" + taskKey + "'; tasks with rules: " + this.steps.keySet());
		}
		return step.decide(submitted, context);
	}

}
