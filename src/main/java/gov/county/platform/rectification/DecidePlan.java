package gov.county.platform.rectification;

import static gov.county.platform.rectification.RectificationProcess.*;

import java.util.List;
import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.rectification.RectificationValues.PlanStage;

/** "Approve plan (审核方案)": the county platform approves the plan submitted or returns it saying what to change. */
final class DecidePlan {

	record Input(Boolean approved, String comment) {

		static Input from(Map<String, Object> v) {
			Boolean approved;
			try {
				approved = PLAN_APPROVED.from(v);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput(PLAN_APPROVED.name(), "must be true (approve) or false (return)");
			}
			return new Input(approved, PLAN_COMMENT.from(v));
		}

	}

	private DecidePlan() {
	}

	static Decision decide(Input in, RectificationCase rectification) {
		if (in.approved() == null) {
			throw new InvalidInput(PLAN_APPROVED.name(), "is required: approve the plan or return it");
		}
		String comment = in.comment();
		List<Measure> measures = rectification.submittedMeasures();
		Decision decision = Decision.of()
			.variables(rectification.plans().variables(measures))
			.variable(PLAN_APPROVED.name(), in.approved());
		if (in.approved()) {
			return decision.entry(new LedgerEvent(rectification.caseNo(), KEY, RectificationEvent.PLAN_APPROVED,
					WellKnownGroups.COUNTY_PLATFORM, rectification.actor(), null,
					measures.size() + " measures" + (comment == null ? "" : ": " + comment)));
		}
		if (comment == null) {
			throw new InvalidInput(PLAN_COMMENT.name(), "is required when the plan is returned: say what to change");
		}
		return decision
			.entry(new LedgerEvent(rectification.caseNo(), KEY, RectificationEvent.PLAN_RETURNED, rectification.unit(),
					rectification.actor(), null, comment))
			.variable(PLAN_STAGE.name(), PlanStage.RETURNED.name())
			.variable(PLAN_COMMENT.name(), comment);
	}

}
