package gov.county.platform.engine;

import java.util.Optional;

import org.camunda.bpm.engine.context.DelegateExecutionContext;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The process instance whose step is running on this thread: the engine sets it around every
 * delegate, listener and expression it calls. Empty outside the engine's steps (an API call, a
 * start-up task).
 */
public final class RunningInstance {

	private RunningInstance() {
	}

	public static Optional<String> id() {
		DelegateExecution execution = DelegateExecutionContext.getCurrentDelegationExecution();
		return Optional.ofNullable(execution).map(DelegateExecution::getProcessInstanceId);
	}

}
