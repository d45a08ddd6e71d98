package gov.county.platform.card;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.cases.CaseClock;
import gov.county.platform.cases.CaseState;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.cases.TimeLimits;

/**
 * What the card's step rules know of a card when one of its tasks completes: who acts and when, the
 * card's state (its clock, time limit and extensions), the calendar and time limits, and two
 * questions to the platform (is this a township or department of the chart; which unit received
 * this other card). A unit test builds one by hand.
 *
 * @param handlingUnit whether an id is a township or department of the organisation chart
 * @param cardUnit the receiving unit of a card of this platform, by case number
 */
record CardCase(String caseNo, String actor, Instant now, CaseState state, WorkingDayCalendar calendar,
		TimeLimits limits, Predicate<String> handlingUnit, Function<String, Optional<String>> cardUnit) {

	/** The deadlines of the card's current clock. */
	Deadlines deadlines() {
		CaseClock clock = this.state.currentClock()
			.orElseThrow(() -> new IllegalStateException("card " + this.caseNo + " has no deadline yet"));
		return Deadlines.of(this.calendar, this.limits, clock);
	}

	/** When the card's current clock is due, or null before it is classified. */
	Instant due() {
		return this.state.currentClock().map(CaseClock::dueAt).orElse(null);
	}

	void requireUnit(String field, String id) {
		if (!this.handlingUnit.test(id)) {
			throw new InvalidInput(field, "'" + id + "' is not a township or department of the organisation chart");
		}
	}

	/** The units listed, each once, each a township or department of the chart. */
	List<String> units(String field, List<String> ids) {
		if (ids == null) {
			return List.of();
		}
		Set<String> unique = new LinkedHashSet<>();
		for (String id : ids) {
			requireUnit(field, id);
			unique.add(id);
		}
		return List.copyOf(unique);
	}

}
