package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;
import static gov.county.platform.cases.Fields.required;

import java.util.Map;

import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;

/** "Give co-handling opinion (协办)": a co-unit's opinion for the lead unit. */
final class CoHandleCard {

	record Input(String opinion, String coUnit) {

		static Input from(Map<String, Object> v) {
			return new Input(OPINION.from(v), CO_UNIT.from(v));
		}

	}

	private CoHandleCard() {
	}

	static Decision decide(Input in, CardCase card) {
		return Decision.of()
			.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.CO_HANDLED, in.coUnit(), card.actor(), null,
					required(OPINION.name(), in.opinion())));
	}

}
