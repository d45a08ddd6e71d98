package gov.county.platform.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.organization.SurveyCategory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;
import gov.county.platform.survey.SurveyRanking.Ranked;
import gov.county.platform.survey.SurveyRanking.Result;

class SurveyRankingTests {

	private static final List<Unit> CHART = List.of(
			unit("county-platform", UnitType.COUNTY, SurveyCategory.GOVERNMENT),
			unit("dept-a", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT),
			unit("dept-b", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT),
			unit("dept-c", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT),
			unit("dept-d", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT),
			unit("dept-e", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT),
			unit("dept-league", UnitType.DEPARTMENT, SurveyCategory.PARTY_MASS),
			unit("dept-women", UnitType.DEPARTMENT, SurveyCategory.PARTY_MASS),
			unit("dept-police", UnitType.DEPARTMENT, SurveyCategory.VERTICAL),
			unit("dept-tax", UnitType.DEPARTMENT, SurveyCategory.VERTICAL));

	private static Unit unit(String id, UnitType type, SurveyCategory category) {
		return new Unit(id, id, type, category, null, null, null);
	}

	private static Result r(String unit, String score) {
		return new Result(unit, new BigDecimal(score));
	}

	private static List<String> lastUnits(SurveyRanking.Ranking outcome) {
		return outcome.lastRanked().stream().map(Ranked::unit).toList();
	}

	@Test
	void lastPartyMassUnitAndLastTwoGovernmentUnitsAreNamed() {
		var outcome = SurveyRanking.rank(CHART, List.of(r("dept-a", "91"), r("dept-b", "85.5"), r("dept-c", "78"),
				r("dept-d", "88"), r("dept-e", "70"), r("dept-league", "80"), r("dept-women", "90"),
				r("dept-police", "60"), r("dept-tax", "95")), Set.of());
		assertThat(lastUnits(outcome)).containsExactlyInAnyOrder("dept-c", "dept-e", "dept-league");
		assertThat(outcome.ranked()).filteredOn(x -> x.unit().equals("dept-e")).singleElement()
			.satisfies(x -> assertThat(x.rank()).isEqualTo(5)).satisfies(x -> assertThat(x.of()).isEqualTo(5));
		assertThat(outcome.vertical()).extracting(Ranked::unit).containsExactly("dept-tax", "dept-police");
		assertThat(outcome.vertical()).filteredOn(Ranked::last).extracting(Ranked::unit).containsExactly("dept-police");
		assertThat(outcome.notSurveyed()).isEmpty();
	}

	@Test
	void aTieAtTheCutOffNamesEveryTiedUnitAndTiedUnitsShareARank() {
		var outcome = SurveyRanking.rank(CHART, List.of(r("dept-a", "90"), r("dept-b", "80"), r("dept-c", "70"),
				r("dept-d", "70.0"), r("dept-e", "80")), Set.of());
		assertThat(lastUnits(outcome)).as("cut-off 70 (2nd last): both 70s, not the 80s")
			.containsExactlyInAnyOrder("dept-c", "dept-d");

		var tiedAtSecondLast = SurveyRanking.rank(CHART, List.of(r("dept-a", "90"), r("dept-b", "80"),
				r("dept-c", "80"), r("dept-d", "70")), Set.of());
		assertThat(lastUnits(tiedAtSecondLast)).as("the 2nd-last place is shared by two 80s")
			.containsExactlyInAnyOrder("dept-b", "dept-c", "dept-d");
		assertThat(tiedAtSecondLast.ranked()).extracting(Ranked::unit, Ranked::rank)
			.contains(org.assertj.core.groups.Tuple.tuple("dept-b", 2), org.assertj.core.groups.Tuple.tuple("dept-c", 2),
					org.assertj.core.groups.Tuple.tuple("dept-d", 4));
	}

	@Test
	void aCategoryWhereEveryoneWouldBeLastNamesNobody() {
		var oneUnit = SurveyRanking.rank(CHART, List.of(r("dept-league", "40"), r("dept-a", "90"), r("dept-b", "80"),
				r("dept-c", "70")), Set.of());
		assertThat(lastUnits(oneUnit)).as("the only party-mass unit surveyed is not 'last' of anyone")
			.containsExactlyInAnyOrder("dept-b", "dept-c");

		var allEqual = SurveyRanking.rank(CHART, List.of(r("dept-a", "80"), r("dept-b", "80"), r("dept-c", "80")),
				Set.of());
		assertThat(lastUnits(allEqual)).isEmpty();

		var twoUnits = SurveyRanking.rank(CHART, List.of(r("dept-a", "80"), r("dept-b", "70")), Set.of());
		assertThat(lastUnits(twoUnits)).as("'last two' of two units would be everyone").isEmpty();
	}

	@Test
	void aUnitMissingFromTheResultsIsListedAndNotRanked() {
		var outcome = SurveyRanking.rank(CHART, List.of(r("dept-a", "90"), r("dept-b", "80"), r("dept-c", "70"),
				r("dept-league", "75"), r("dept-women", "85")), Set.of());
		assertThat(outcome.notSurveyed()).containsExactly("dept-d", "dept-e", "dept-police", "dept-tax");
		assertThat(outcome.ranked()).extracting(Ranked::unit).doesNotContain("dept-d", "dept-e");
		assertThat(lastUnits(outcome)).containsExactlyInAnyOrder("dept-b", "dept-c", "dept-league");
	}

	@Test
	void lastInTwoConsecutiveSurveysIsMarkedForOrganisationalHandling() {
		var outcome = SurveyRanking.rank(CHART, List.of(r("dept-a", "90"), r("dept-b", "80"), r("dept-c", "70"),
				r("dept-league", "75"), r("dept-women", "85")), Set.of("dept-c", "dept-a", "dept-women"));
		assertThat(outcome.twiceLast()).extracting(Ranked::unit).containsExactly("dept-c");
	}

	@Test
	void resultsThatBreakARuleAreRefusedNamingTheEntry() {
		assertThatThrownBy(() -> SurveyRanking.rank(CHART, List.of(r("dept-a", "90"), r("dept-nowhere", "80"),
				r("county-platform", "70"), r("dept-a", "60"), r("dept-b", "101")), Set.of()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("results[1].unit: 'dept-nowhere' is not a unit")
			.hasMessageContaining("results[2].unit: 'county-platform' is a county office")
			.hasMessageContaining("results[3].unit: 'dept-a' has two results")
			.hasMessageContaining("results[4].score");
		assertThatThrownBy(() -> SurveyRanking.rank(CHART, List.of(), Set.of())).hasMessageContaining("results");
	}

}
