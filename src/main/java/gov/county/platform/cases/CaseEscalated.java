package gov.county.platform.cases;

import java.util.List;

/**
 * Steps of an escalation ladder were just recorded on a case (a Spring event, published in the
 * transaction that records them): whoever shows a case's escalations, such as its open tasks' forms,
 * brings them up to date.
 *
 * @param caseNo the case
 * @param steps the steps recorded, lowest first, e.g. {@code [WARNED, URGED]}
 */
public record CaseEscalated(String caseNo, List<String> steps) {

	public CaseEscalated {
		steps = List.copyOf(steps);
	}

}
