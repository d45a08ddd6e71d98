package gov.county.platform.rectification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import gov.county.platform.cases.CaseClock;
import gov.county.platform.cases.CaseState;

/**
 * What rectification's step rules know of a case when one of its tasks completes: who acts and
 * when, the case's state (its unit, plan deadline and plan), the public list of commitments, the
 * checks of a plan against the organisation chart and the calendar, and how often the ledger has
 * an event. A unit test builds one by hand.
 */
record RectificationCase(String caseNo, String actor, Instant now, CaseState state, Commitments commitments,
		Plans plans, ToLongFunction<RectificationEvent> count) {

	/** A plan's checks and its variables, which need the organisation chart and the calendar. */
	interface Plans {

		/** The measures of a submitted plan, checked: each names a member of the unit, a date, a target. */
		List<Measure> check(Object submitted, String unit, LocalDate today);

		/** {@code measures} (as the process iterates them) and {@code planText} (as people read it). */
		Map<String, Object> variables(List<Measure> measures);

		LocalDate today(Instant now);

	}

	String unit() {
		return this.state.unit();
	}

	/** The plan's deadline, or null before one is set. */
	Instant planDue() {
		return this.state.currentClock().map(CaseClock::dueAt).orElse(null);
	}

	/** The measures of the plan last submitted. */
	List<Measure> submittedMeasures() {
		return MeasurePlan.recorded(this.state.submittedPlan()
			.orElseThrow(() -> new IllegalStateException("case " + this.caseNo + " has no submitted plan")));
	}

}
