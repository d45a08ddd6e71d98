package gov.county.platform.cases;

import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.delegate.JavaDelegate;

import gov.county.platform.engine.Actor;

/**
 * A process's service tasks over its step rules, each one line in the process's {@code …Delegates}:
 * the case number and the case's variables in, the rule, its outcome's variables back on the
 * process, the actor the user whose action runs it (or {@code system} for timers).
 */
public final class Steps {

	/** One step rule of a process. */
	@FunctionalInterface
	public interface Rule {

		Outcome apply(String caseNo, Map<String, Object> variables, String actor);

	}

	private Steps() {
	}

	/** A step whose outcome is set on the process. */
	public static JavaDelegate step(Rule rule) {
		return execution -> execution.setVariables(
				rule.apply(execution.getProcessBusinessKey(), execution.getVariables(), Actor.of(execution)).variables());
	}

	/**
	 * The register step: the case number, always the platform's (a business key a caller typed into
	 * Tasklist or sent to the REST API is replaced), then the rule.
	 */
	public static JavaDelegate register(Supplier<String> newCaseNumber, Rule rule) {
		return execution -> {
			String caseNo = newCaseNumber.get();
			execution.setProcessBusinessKey(caseNo);
			execution.setVariables(rule.apply(caseNo, execution.getVariables(), Actor.of(execution)).variables());
		};
	}

}
