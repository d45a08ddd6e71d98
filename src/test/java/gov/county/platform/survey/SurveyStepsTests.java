package gov.county.platform.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
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
			new Unit("county-platform", "县协调平台", UnitType.COUNTY, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("township-labao", "拉堡镇", UnitType.TOWNSHIP, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("dept-housing", "住建局", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("dept-youth-league", "共青团县委", UnitType.DEPARTMENT, SurveyCategory.PARTY_MASS, null, null, null));

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
				new EnterResults.Input(List.of(Map.of("unit", "dept-housing", "score", "91.5")), Map.of()), survey());

		assertThat(entered.events()).containsExactly("RESULTS_ENTERED");
		assertThat(entered.entries().get(0).detail())
			.isEqualTo("1 units; not surveyed: [township-labao, dept-youth-league]");
		assertThat(entered.variables()).containsKey("results");
	}

	/** What Tasklist's form sends: one score field per surveyed unit, among the task's other variables. */
	private static Map<String, Object> form(Object labao, Object housing, Object youthLeague) {
		Map<String, Object> v = new HashMap<>();
		v.put("caseNo", "MY-2026-02");
		v.put("surveyTitle", "2026年下半年作风建设满意度测评");
		v.put("score_township_labao", labao);
		v.put("score_dept_housing", housing);
		v.put("score_dept_youth_league", youthLeague);
		return v;
	}

	private static List<Map<String, Object>> results(Decision decision) {
		return SurveyProcess.RESULTS.from(decision.variables());
	}

	@Test
	void theFormsScoreFieldsBecomeTheResultsListInTheChartsOrder() {
		Decision entered = EnterResults.decide(EnterResults.Input.from(form(85, 91.5, 78.25)), survey());

		assertThat(results(entered)).containsExactly(Map.of("unit", "township-labao", "score", 85.0),
				Map.of("unit", "dept-housing", "score", 91.5), Map.of("unit", "dept-youth-league", "score", 78.25));
		assertThat(entered.entries().get(0).detail()).isEqualTo("3 units");
	}

	@Test
	void aScoreFieldLeftEmptyIsAUnitNotSurveyedAsInAnImport() {
		Decision entered = EnterResults.decide(EnterResults.Input.from(form(null, "90", "")), survey());

		assertThat(results(entered)).containsExactly(Map.of("unit", "dept-housing", "score", 90.0));
		assertThat(entered.entries().get(0).detail())
			.isEqualTo("1 units; not surveyed: [township-labao, dept-youth-league]");
		assertThatThrownBy(() -> EnterResults.decide(EnterResults.Input.from(form(null, null, " ")), survey()))
			.isInstanceOf(InvalidInput.class)
			.hasMessage("results: 请至少填写一个参评单位的得分。Enter the score of at least one surveyed unit.");
	}

	@Test
	void aScoreOutsideZeroToAHundredIsRefusedNamingEveryUnitAtFault() {
		assertThatThrownBy(() -> EnterResults.decide(EnterResults.Input.from(form(120, "ninety", -0.5)), survey()))
			.isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.problems()).containsExactly(
					new InvalidInput.Problem("score_township_labao",
							"拉堡镇 (township-labao)：得分须为 0 到 100 之间的数，填写的是 120。The score must be a number from 0 to 100, was 120."),
					new InvalidInput.Problem("score_dept_housing",
							"住建局 (dept-housing)：得分须为 0 到 100 之间的数，填写的是 ninety。The score must be a number from 0 to 100, was ninety."),
					new InvalidInput.Problem("score_dept_youth_league",
							"共青团县委 (dept-youth-league)：得分须为 0 到 100 之间的数，填写的是 -0.5。The score must be a number from 0 to 100, was -0.5.")));
		assertThat(results(EnterResults.decide(EnterResults.Input.from(form(0, 100, 100.0)), survey())))
			.extracting(row -> row.get("score")).containsExactly(0.0, 100.0, 100.0);
	}

	@Test
	void aScoreFieldOfNoSurveyedUnitIsRefused() {
		Map<String, Object> county = form(80, 80, 80);
		county.put("score_county_platform", 99);
		county.put("score_dept_nowhere", 50);

		assertThatThrownBy(() -> EnterResults.decide(EnterResults.Input.from(county), survey()))
			.isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.problems())
				.extracting(InvalidInput.Problem::field)
				.containsExactly("score_county_platform", "score_dept_nowhere"))
			.hasMessageContaining("不是组织机构图中参评单位的得分栏 is not the score field of a surveyed unit");
	}

	@Test
	void aFormDeployedWithoutItsFieldPerUnitIsRefusedWithTheWayOut() {
		assertThatThrownBy(() -> EnterResults.decide(EnterResults.Input.from(Map.of("score", 90)), survey()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("score: 表单部署时未展开为每个单位一栏")
			.hasMessageContaining("restarting the platform, or import the results as CSV");
	}

	@Test
	void aListSentAlongsideTheFieldsIsWhatWasEntered() {
		Map<String, Object> both = form(120, null, null);
		both.put("results", List.of(Map.of("unit", "dept-housing", "score", "91.5")));

		assertThat(results(EnterResults.decide(EnterResults.Input.from(both), survey())))
			.containsExactly(Map.of("unit", "dept-housing", "score", 91.5));
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
