package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;
import static gov.county.platform.cases.Fields.oneOf;
import static gov.county.platform.cases.Fields.required;

import java.util.Map;

import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.organization.WellKnownGroups;

/** "Review result (督查审核)": the supervision office passes the reply or sends it back for rework. */
final class ReviewCard {

	record Input(String review, String comment, String leadUnit) {

		static Input from(Map<String, Object> v) {
			return new Input(REVIEW.from(v), REVIEW_COMMENT.from(v), LEAD_UNIT.from(v));
		}

	}

	private ReviewCard() {
	}

	static Decision decide(Input in, CardCase card) {
		String comment = in.comment();
		LedgerEvent entry = switch (oneOf(REVIEW.name(), required(REVIEW.name(), in.review()), CardValues.Review.class)) {
			case PASS -> new LedgerEvent(card.caseNo(), KEY, CardEvent.REVIEWED, WellKnownGroups.SUPERVISION_OFFICE,
					card.actor(), null, comment == null ? "passed" : "passed: " + comment);
			case REWORK -> new LedgerEvent(card.caseNo(), KEY, CardEvent.REWORK, in.leadUnit(), card.actor(), card.due(),
					required(REVIEW_COMMENT.name(), comment));
		};
		return Decision.of().entry(entry);
	}

}
