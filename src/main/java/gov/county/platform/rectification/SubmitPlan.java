package gov.county.platform.rectification;

import static gov.county.platform.rectification.RectificationProcess.*;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;

/**
 * "Draft plan (制定整改方案)": the unit's measures, each with what, who (a member of the unit), a
 * deadline and a target; the case holds the plan from now on. Tasklist sends the form's numbered
 * fields (shown pre-filled with a returned plan); an API client sends the list: a list that differs
 * from the plan on record is the one submitted.
 */
final class SubmitPlan {

	record Input(List<Map<String, Object>> slots, Object listed) {

		static Input from(Map<String, Object> v) {
			return new Input(MeasurePlan.fromSlots(v), v.get(MEASURES.name()));
		}

	}

	private SubmitPlan() {
	}

	static Decision decide(Input in, RectificationCase rectification) {
		Object onRecord = rectification.state()
			.submittedPlan()
			.map(plan -> MEASURES.stored(MeasurePlan.recorded(plan).stream().map(Measure::asVariable).toList()))
			.orElse(null);
		boolean listChanged = in.listed() != null && (onRecord == null || !Objects
			.equals(MEASURES.from(Map.of(MEASURES.name(), in.listed())), MEASURES.from(Map.of(MEASURES.name(), onRecord))));
		List<Measure> measures = rectification.plans()
			.check(in.slots() == null || listChanged ? in.listed() : in.slots(), rectification.unit(),
					rectification.plans().today(rectification.now()));
		String json = MeasurePlan.asVariable(measures).toString();
		return Decision.of()
			.plan(json)
			.entry(new LedgerEvent(rectification.caseNo(), KEY, RectificationEvent.PLAN_SUBMITTED, rectification.unit(),
					rectification.actor(), rectification.planDue(), measures.size() + " measures: " + json))
			.variables(rectification.plans().variables(measures));
	}

}
