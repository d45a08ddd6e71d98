package gov.county.platform.survey;

import static gov.county.platform.survey.SurveyProcess.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.organization.WellKnownGroups;

/**
 * "Enter results (录入结果)": every surveyed unit's score, checked against the organisation chart
 * (a refusal names the entry); units of the chart left out are named in the ledger.
 */
final class EnterResults {

	record Input(Object results) {

		static Input from(Map<String, Object> v) {
			return new Input(v.get(RESULTS.name()));
		}

	}

	private EnterResults() {
	}

	static Decision decide(Input in, SurveyCase survey) {
		List<SurveyRanking.Result> entered = survey.parse().apply(in.results());
		SurveyRanking.Ranking outcome = SurveyRanking.rank(survey.chart(), entered, Set.of());
		List<Map<String, Object>> normalised = entered.stream().map(r -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("unit", r.unit());
			row.put("score", r.score().doubleValue());
			return row;
		}).toList();
		return Decision.of()
			.entry(new LedgerEvent(survey.caseNo(), KEY, SurveyEvent.RESULTS_ENTERED, WellKnownGroups.COUNTY_PLATFORM,
					survey.actor(), null, entered.size() + " units"
							+ (outcome.notSurveyed().isEmpty() ? "" : "; not surveyed: " + outcome.notSurveyed())))
			.variable(RESULTS.name(), RESULTS.stored(normalised));
	}

}
