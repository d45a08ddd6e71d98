package gov.county.platform.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The input parameters a diagram gives a service task, e.g. an escalation's {@code level}. */
public final class DelegateInputs {

	private DelegateInputs() {
	}

	/** The input parameter {@code name} of the current activity; a diagram without it is named. */
	public static String input(DelegateExecution execution, String name) {
		Object value = execution.getVariableLocal(name);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalArgumentException("'" + execution.getCurrentActivityId() + "' needs the input parameter '"
					+ name + "'");
		}
		return value.toString();
	}

}
