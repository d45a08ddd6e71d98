package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;
import static gov.county.platform.cases.Fields.required;

import java.util.List;
import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.ledger.LedgerEvent;

/**
 * "Dispatch card (交办)": to a lead unit, or handed up to the county platform when it is beyond the
 * unit's authority or involves other units.
 */
final class DispatchCard {

	/** The refusal of a co-unit that is the lead unit (the forms leave it out of the co-units' list). */
	static final String LEAD_IS_NOT_A_CO_UNIT = "牵头单位不能同时是协办单位，请从协办单位中去掉它。"
			+ " The lead unit cannot also be a co-handling unit: take it out of the co-units.";

	record Input(boolean handUp, String leadUnit, List<String> coUnits, String receivingUnit) {

		static Input from(Map<String, Object> v) {
			return new Input(Boolean.TRUE.equals(HAND_UP.from(v)), LEAD_UNIT.from(v), CO_UNITS.from(v),
					RECEIVING_UNIT.from(v));
		}

	}

	private DispatchCard() {
	}

	static Decision decide(Input in, CardCase card) {
		List<String> coUnits = card.units(CO_UNITS.name(), in.coUnits());
		String lead = in.leadUnit();
		if (!in.handUp()) {
			card.requireUnit(LEAD_UNIT.name(), required(LEAD_UNIT.name(), lead));
		}
		else if (lead != null) {
			card.requireUnit(LEAD_UNIT.name(), lead);
		}
		if (lead != null && coUnits.contains(lead)) {
			throw new InvalidInput(CO_UNITS.name(), LEAD_IS_NOT_A_CO_UNIT);
		}
		boolean needsCoordination = in.handUp() || !coUnits.isEmpty();
		Decision decision = Decision.of()
			.variable(HAND_UP.name(), in.handUp())
			.variable(CO_UNITS.name(), CO_UNITS.stored(coUnits))
			.variable("needsCoordination", needsCoordination);
		if (needsCoordination) {
			return decision.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.HANDED_UP, in.receivingUnit(),
					card.actor(), null, in.handUp() ? "beyond the unit's authority" : "involves units " + coUnits));
		}
		return dispatched(decision, card, lead, coUnits);
	}

	/** DISPATCHED to the lead unit (and co-units), with the co-units' deadline. */
	static Decision dispatched(Decision decision, CardCase card, String lead, List<String> coUnits) {
		return decision
			.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.DISPATCHED, lead, card.actor(), null,
					coUnits.isEmpty() ? "lead " + lead : "lead " + lead + ", co-units " + coUnits))
			.variable(DISPATCHED_AT.name(), Deadlines.iso(card.now().atZone(card.calendar().zone())))
			.variable(CO_DUE_AT.name(),
					Deadlines.iso(card.calendar().deadline(card.now(), card.limits().coHandlingDays())))
			.variable("hasCoUnits", !coUnits.isEmpty());
	}

}
