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
 * (a refusal names the entry); units of the chart left out are named in the ledger. An API client
 * or an import sends the list {@code results}; Tasklist's form sends one score field per unit
 * ({@link ScoreFields}). A list, when sent, is what was entered.
 */
final class EnterResults {

	record Input(Object results, Map<String, Object> scoreFields) {

		static Input from(Map<String, Object> v) {
			return new Input(v.get(RESULTS.name()), ScoreFields.of(v));
		}

	}

	private EnterResults() {
	}

	static Decision decide(Input in, SurveyCase survey) {
		Object submitted = in.results() != null || in.scoreFields().isEmpty() ? in.results()
				: ScoreFields.results(in.scoreFields(), survey.chart());
		List<SurveyRanking.Result> entered = survey.parse().apply(submitted);
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
