package gov.county.platform.survey;

import static gov.county.platform.survey.SurveyProcess.*;

import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.cases.Fields;
import gov.county.platform.ledger.LedgerEvent;

/** "Organisational handling (组织处理)": the county leaders record their decision on a unit last twice. */
final class DecideHandling {

	record Input(String decision, String unit) {

		static Input from(Map<String, Object> v) {
			return new Input(HANDLING_DECISION.from(v), HANDLING_UNIT.from(v));
		}

	}

	private DecideHandling() {
	}

	static Decision decide(Input in, SurveyCase survey) {
		if (in.decision() == null) {
			throw new InvalidInput(HANDLING_DECISION.name(), "is required: record the decision on the unit's leaders");
		}
		String decision = Fields.optional(HANDLING_DECISION.name(), in.decision(), 5000);
		return Decision.of()
			.entry(new LedgerEvent(survey.caseNo(), KEY, SurveyEvent.ORGANIZATIONAL_HANDLING, in.unit(), survey.actor(),
					null, decision));
	}

}
