package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;
import static gov.county.platform.cases.Fields.oneOf;
import static gov.county.platform.cases.Fields.required;

import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;

/**
 * "Accept card (受理)": accepted with one of the ten links, rejected with a reason, or merged into an
 * earlier card of this platform (both cards' ledgers record the merge).
 */
final class AcceptCard {

	record Input(String acceptance, String link, String rejectReason, String duplicateOf, String receivingUnit) {

		static Input from(Map<String, Object> v) {
			return new Input(ACCEPTANCE.from(v), LINK.from(v), REJECT_REASON.from(v), DUPLICATE_OF.from(v),
					RECEIVING_UNIT.from(v));
		}

	}

	private AcceptCard() {
	}

	static Decision decide(Input in, CardCase card) {
		String unit = in.receivingUnit();
		Decision decision = Decision.of();
		switch (oneOf(ACCEPTANCE.name(), required(ACCEPTANCE.name(), in.acceptance()), CardValues.Acceptance.class)) {
			case ACCEPT -> {
				String link = oneOf(LINK.name(), required(LINK.name(), in.link()), CardValues.Link.class).name();
				decision.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.ACCEPTED, unit, card.actor(), null,
						"link " + link));
			}
			case REJECT -> decision.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.REJECTED, unit, card.actor(), null,
					required(REJECT_REASON.name(), in.rejectReason())));
			case DUPLICATE -> {
				String original = required(DUPLICATE_OF.name(), in.duplicateOf());
				if (original.equals(card.caseNo())) {
					throw new InvalidInput(DUPLICATE_OF.name(), "a card cannot be merged into itself");
				}
				String originalUnit = card.cardUnit()
					.apply(original)
					.orElseThrow(() -> new InvalidInput(DUPLICATE_OF.name(),
							"'" + original + "' is not a card of this platform"));
				decision.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.MERGED, unit, card.actor(), null,
						"merged into " + original));
				// the original's entry names the original's unit: a merge must not open its case to the merger
				decision.relatedEntry(new LedgerEvent(original, KEY, CardEvent.MERGED, originalUnit, card.actor(), null,
						"duplicate " + card.caseNo() + " merged into this case"));
			}
		}
		return decision;
	}

}
