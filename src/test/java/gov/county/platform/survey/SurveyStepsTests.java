package gov.county.platform.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.organization.SurveyCategory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;

/** The survey's step rules as plain functions, with a chart given by hand and no engine or database. */
class SurveyStepsTests {

	private static final List<Unit> CHART = List.of(
			new Unit("township-labao", "拉堡镇", UnitType.TOWNSHIP, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("dept-housing", "住建局", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT, null, null, null));

	private static SurveyCase survey() {
		return new SurveyCase("MY-2026-02", "county-platform-clerk", CHART, results -> {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> rows = (List<Map<String, Object>>) results;
			return rows.stream()
				.map(row -> new SurveyRanking.Result((String) row.get("unit"), new BigDecimal(row.get("score").toString())))
				.toList();
		});
	}

	@Test
	void enteredResultsNameTheUnitsOfTheChartLeftOut() {
		Decision entered = EnterResults.decide(
				new EnterResults.Input(List.of(Map.of("unit", "dept-housing", "score", "91.5"))), survey());

		assertThat(entered.events()).containsExactly("RESULTS_ENTERED");
		assertThat(entered.entries().get(0).detail()).isEqualTo("1 units; not surveyed: [township-labao]");
		assertThat(entered.variables()).containsKey("results");
	}

	@Test
	void theLeadersDecisionIsRequiredAndKeptShortOfAnEssay() {
		assertThatThrownBy(() -> DecideHandling.decide(new DecideHandling.Input(null, "township-labao"), survey()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("record the decision on the unit's leaders");
		assertThatThrownBy(() -> DecideHandling.decide(new DecideHandling.Input("x".repeat(5001), "township-labao"),
				survey())).hasMessageContaining("longer than 5000");
		Decision decided = DecideHandling.decide(new DecideHandling.Input("诫勉谈话 Admonished", "township-labao"),
				survey());
		assertThat(decided.entries().get(0).unit()).isEqualTo("township-labao");
		assertThat(decided.events()).containsExactly("ORGANIZATIONAL_HANDLING");
	}

}
