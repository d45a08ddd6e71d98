package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;

import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.organization.WellKnownGroups;

/**
 * "Decide on extension (审批延期)": the county platform grants the working days asked (the card's
 * deadlines move by them, a new clock) or refuses (the deadline stays).
 */
final class DecideExtension {

	record Input(Boolean approved, Integer requestedDays) {

		static Input from(Map<String, Object> v) {
			return new Input(EXTENSION_APPROVED.from(v), EXTENSION_DAYS.from(v));
		}

	}

	private DecideExtension() {
	}

	static Decision decide(Input in, CardCase card) {
		if (in.approved() == null) {
			throw new InvalidInput(EXTENSION_APPROVED.name(), "is required: approve or refuse the extension");
		}
		String dueBefore = Deadlines.iso(card.deadlines().dueAt());
		if (!in.approved()) {
			return Decision.of()
				.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.EXTENSION_DENIED, WellKnownGroups.COUNTY_PLATFORM,
						card.actor(), card.due(), "deadline stays " + dueBefore))
				.variable(EXTENSION_APPROVED.name(), false);
		}
		Integer days = in.requestedDays();
		if (days == null) {
			throw new IllegalStateException("the extension decision has no requested days ('extensionDays')");
		}
		Deadlines moved = card.deadlines().extendedBy(card.calendar(), card.limits(), days, card.now());
		return Decision.of()
			.extension(days)
			.clock(moved, card.now())
			.entry(new LedgerEvent(card.caseNo(), KEY, CardEvent.EXTENDED, WellKnownGroups.COUNTY_PLATFORM, card.actor(),
					moved.dueAt().toInstant(), days + " working days, from " + dueBefore))
			.variable(EXTENDED_DAYS.name(), card.state().extendedDays() + days)
			.variable(EXTENSION_APPROVED.name(), true);
	}

}
