package gov.county.platform.rectification;

import static gov.county.platform.cases.Fields.oneOf;
import static gov.county.platform.cases.Fields.optional;
import static gov.county.platform.cases.Fields.required;
import static gov.county.platform.rectification.RectificationProcess.*;

import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.rectification.RectificationValues.PlanStage;
import gov.county.platform.rectification.RectificationValues.Verification;

/**
 * "Verify rectification (核实)": the supervision office passes it (not while an admonishment talk of
 * the case waits for the county leaders) or fails it, saying what is still wrong, and the unit
 * revises its plan.
 */
final class VerifyRectification {

	record Input(String verification, String comment) {

		static Input from(Map<String, Object> v) {
			return new Input(VERIFICATION.from(v), VERIFICATION_COMMENT.from(v));
		}

	}

	private VerifyRectification() {
	}

	static Decision decide(Input in, RectificationCase rectification) {
		String verification = required(VERIFICATION.name(), in.verification(), 40);
		Verification outcome = oneOf(VERIFICATION.name(), verification, Verification.class);
		String comment = optional(VERIFICATION_COMMENT.name(), in.comment(), 5000);
		String caseNo = rectification.caseNo();
		if (outcome == Verification.FAIL) {
			if (comment == null) {
				throw new InvalidInput(VERIFICATION_COMMENT.name(),
						"is required when verification fails: say what is still wrong");
			}
			return Decision.of()
				.entry(new LedgerEvent(caseNo, KEY, RectificationEvent.VERIFICATION_FAILED, rectification.unit(),
						rectification.actor(), null, comment))
				.afterwards(() -> rectification.commitments().revising(caseNo, rectification.now()))
				.variable(PLAN_STAGE.name(), PlanStage.FAILED_VERIFICATION.name())
				.variable(VERIFICATION.name(), verification)
				.variable(VERIFICATION_COMMENT.name(), comment);
		}
		long pendingTalks = rectification.count().applyAsLong(RectificationEvent.SUMMONED)
				- rectification.count().applyAsLong(RectificationEvent.ADMONISHED);
		if (pendingTalks > 0) {
			throw new InvalidInput(VERIFICATION.name(), "cannot pass while " + pendingTalks
					+ " admonishment talk(s) of this case are not yet held by the county leaders");
		}
		return Decision.of()
			.entry(new LedgerEvent(caseNo, KEY, RectificationEvent.VERIFIED, rectification.unit(), rectification.actor(),
					null, comment == null ? "passed" : "passed: " + comment))
			.variable(VERIFICATION.name(), verification);
	}

}
