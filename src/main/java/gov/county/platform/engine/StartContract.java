package gov.county.platform.engine;

import java.util.Set;

/**
 * What a process may be started with by a caller: the variables its start form and API declare,
 * and which of them are a person's data (the submitter's name and contact). Each process declares
 * its own as a Spring bean; the start guard refuses any other variable, and the history keeps no
 * copy of the personal ones.
 *
 * @param processKey the process id, e.g. {@code InteractionCardProcess}
 * @param variables every variable a start may carry
 * @param personal those of {@code variables} that identify or reach a person
 * @param formerPersonal variables an earlier release kept that held personal data, to be removed
 * from cases still running and from the history at the first start of this release
 */
public record StartContract(String processKey, Set<String> variables, Set<String> personal,
		Set<String> formerPersonal) {

	public StartContract(String processKey, Set<String> variables, Set<String> personal) {
		this(processKey, variables, personal, Set.of());
	}

	public StartContract {
		variables = Set.copyOf(variables);
		personal = Set.copyOf(personal);
		formerPersonal = Set.copyOf(formerPersonal);
		if (!variables.containsAll(personal)) {
			throw new IllegalArgumentException("personal variables of " + processKey + " must be start variables too");
		}
	}

}
