package gov.county.platform.survey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.api.InvalidInput.Problem;
import gov.county.platform.organization.SurveyCategory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;

/**
 * Ranks a satisfaction survey's results within each category (the county's survey rules, docs/processes.md) and names who must act.
 * <ul>
 * <li>Units are ranked by score, highest first, within their category; equal scores share a rank
 * (1, 2, 2, 4).</li>
 * <li>Last-ranked: the last unit of PARTY_MASS and the last two of GOVERNMENT. <b>Ties:</b> a unit
 * whose score equals the score at the cut-off is last-ranked too, so nobody escapes by the order
 * results were typed in (scores 90, 80, 70, 70 in GOVERNMENT name three units). A category where
 * every unit would be last-ranked (one unit only, or all equal) names nobody: nobody did worse than
 * the others.</li>
 * <li>Twice last: a last-ranked unit that was also last-ranked in the previous survey goes to
 * organisational handling.</li>
 * <li>VERTICAL units are ranked among themselves and reported to their supervising department; the
 * last of them (same tie rule) is marked, and twice last is suggested for organisational handling
 * by that department, not started here.</li>
 * <li>Units of the chart missing from the results are listed as not surveyed and not ranked.</li>
 * </ul>
 */
public final class SurveyRanking {

	/** How many units at the bottom of each category are last-ranked. */
	static final Map<SurveyCategory, Integer> LAST_PLACES = Map.of(SurveyCategory.PARTY_MASS, 1,
			SurveyCategory.GOVERNMENT, 2, SurveyCategory.VERTICAL, 1);

	public record Result(String unit, BigDecimal score) {
	}

	public record Ranked(String unit, SurveyCategory category, BigDecimal score, int rank, int of, boolean last,
			boolean twiceLast) {
	}

	/**
	 * @param ranked every surveyed unit, by category then rank
	 * @param notSurveyed units of the chart that have no result
	 */
	public record Ranking(List<Ranked> ranked, List<String> notSurveyed) {

		/** PARTY_MASS and GOVERNMENT units that must rectify (and have their head talked to). */
		public List<Ranked> lastRanked() {
			return this.ranked.stream().filter(r -> r.last() && r.category() != SurveyCategory.VERTICAL).toList();
		}

		/** PARTY_MASS and GOVERNMENT units last in this and the previous survey. */
		public List<Ranked> twiceLast() {
			return lastRanked().stream().filter(Ranked::twiceLast).toList();
		}

		public List<Ranked> vertical() {
			return this.ranked.stream().filter(r -> r.category() == SurveyCategory.VERTICAL).toList();
		}

	}

	private SurveyRanking() {
	}

	/** Townships and departments are surveyed; the county's own offices are not. */
	public static boolean surveyed(Unit unit) {
		return unit.type() != UnitType.COUNTY;
	}

	/**
	 * Checks the results against the chart (known units that are surveyed, each once, a score from
	 * 0 to 100) and ranks them, or throws naming every entry at fault.
	 *
	 * @param previousLast the units last-ranked in the previous survey (any category)
	 */
	public static Ranking rank(List<Unit> chart, List<Result> results, Set<String> previousLast) {
		Map<String, Unit> units = new HashMap<>();
		chart.forEach(u -> units.put(u.id(), u));
		List<Problem> problems = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		if (results.isEmpty()) {
			throw new InvalidInput("results", "is required: at least one unit and its score");
		}
		for (int i = 0; i < results.size(); i++) {
			Result r = results.get(i);
			String at = "results[" + i + "]";
			Unit unit = r.unit() == null ? null : units.get(r.unit());
			if (unit == null) {
				problems.add(new Problem(at + ".unit", "'" + r.unit() + "' is not a unit of the organisation chart"));
			}
			else if (!surveyed(unit)) {
				problems.add(new Problem(at + ".unit", "'" + r.unit() + "' is a county office and is not surveyed"));
			}
			else if (!seen.add(r.unit())) {
				problems.add(new Problem(at + ".unit", "'" + r.unit() + "' has two results"));
			}
			if (r.score() == null || r.score().signum() < 0 || r.score().compareTo(BigDecimal.valueOf(100)) > 0) {
				problems.add(new Problem(at + ".score", "must be a number from 0 to 100"));
			}
		}
		InvalidInput.throwIfAny(problems);
		List<Ranked> ranked = new ArrayList<>();
		for (SurveyCategory category : SurveyCategory.values()) {
			List<Result> inCategory = results.stream()
				.filter(r -> units.get(r.unit()).category() == category)
				.sorted(Comparator.comparing(Result::score).reversed().thenComparing(Result::unit))
				.toList();
			if (inCategory.isEmpty()) {
				continue;
			}
			int places = LAST_PLACES.get(category);
			BigDecimal cutOff = inCategory.get(Math.max(0, inCategory.size() - places)).score();
			boolean everybody = inCategory.stream().allMatch(r -> r.score().compareTo(cutOff) <= 0);
			for (int i = 0; i < inCategory.size(); i++) {
				Result r = inCategory.get(i);
				int rank = 1 + (int) inCategory.stream().filter(o -> o.score().compareTo(r.score()) > 0).count();
				boolean last = !everybody && r.score().compareTo(cutOff) <= 0;
				ranked.add(new Ranked(r.unit(), category, r.score(), rank, inCategory.size(), last,
						last && previousLast.contains(r.unit())));
			}
		}
		List<String> notSurveyed = chart.stream()
			.filter(u -> surveyed(u) && !seen.contains(u.id()))
			.map(Unit::id)
			.toList();
		return new Ranking(List.copyOf(ranked), notSurveyed);
	}

}
