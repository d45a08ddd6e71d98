package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;
import static gov.county.platform.cases.Fields.required;

import java.util.List;
import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.organization.WellKnownGroups;

/** "Coordinate (统筹协调)": the county platform names the lead unit and the co-units of a card handed up. */
final class CoordinateCard {

	record Input(String leadUnit, List<String> coUnits, String note) {

		static Input from(Map<String, Object> v) {
			return new Input(LEAD_UNIT.from(v), CO_UNITS.from(v), COORDINATION_NOTE.from(v));
		}

	}

	private CoordinateCard() {
	}

	static Decision decide(Input in, CardCase card) {
		String lead = required(LEAD_UNIT.name(), in.leadUnit());
		card.requireUnit(LEAD_UNIT.name(), lead);
		List<String> coUnits = card.units(CO_UNITS.name(), in.coUnits());
		if (coUnits.contains(lead)) {
			throw new InvalidInput(CO_UNITS.name(), DispatchCard.LEAD_IS_NOT_A_CO_UNIT);
		}
		Decision decision = Decision.of()
			.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.COORDINATED, WellKnownGroups.COUNTY_PLATFORM,
					card.actor(), null,
					"lead " + lead + ", co-units " + coUnits + (in.note() == null ? "" : ": " + in.note())));
		return DispatchCard.dispatched(decision, card, lead, coUnits).variable(CO_UNITS.name(), CO_UNITS.stored(coUnits));
	}

}
