package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;
import static gov.county.platform.cases.Fields.oneOf;
import static gov.county.platform.cases.Fields.required;

import java.time.Instant;
import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.ledger.LedgerEvent;

/**
 * "Handle and reply (办理)": resolved or explained with a reply; returned (late after
 * {@code return-days} working days of dispatch); or an extension asked before the deadline, within
 * {@code max-extension-days} for the whole card.
 */
final class HandleCard {

	record Input(String handling, String reply, String returnReason, Integer extensionDays, String extensionReason,
			String leadUnit, String dispatchedAt) {

		static Input from(Map<String, Object> v) {
			return new Input(HANDLING.from(v), REPLY.from(v), RETURN_REASON.from(v), EXTENSION_DAYS.from(v),
					EXTENSION_REASON.from(v), LEAD_UNIT.from(v), DISPATCHED_AT.from(v));
		}

	}

	private HandleCard() {
	}

	static Decision decide(Input in, CardCase card) {
		String handling = required(HANDLING.name(), in.handling());
		String lead = in.leadUnit();
		Instant now = card.now();
		Instant due = card.due();
		LedgerEvent entry = switch (oneOf(HANDLING.name(), handling, CardValues.Handling.class)) {
			case RESOLVED, EXPLAINED -> new LedgerEvent(card.caseNo(), KEY, CardEvent.HANDLED, lead, card.actor(), due,
					handling + ": " + required(REPLY.name(), in.reply()));
			case RETURN -> {
				String reason = required(RETURN_REASON.name(), in.returnReason());
				Instant dispatched = Deadlines.instant(in.dispatchedAt());
				int returnDays = card.limits().returnDays();
				boolean late = dispatched != null
						&& now.isAfter(card.calendar().deadline(dispatched, returnDays).toInstant());
				yield new LedgerEvent(card.caseNo(), KEY, CardEvent.RETURNED, lead, card.actor(), due,
						(late ? "late return (after " + returnDays + " working days): " : "") + reason);
			}
			case EXTEND -> {
				Integer days = in.extensionDays();
				int used = card.state().extendedDays();
				int most = card.limits().maxExtensionDays();
				if (days == null || days < 1) {
					throw new InvalidInput(EXTENSION_DAYS.name(), "is required: 1 or more working days");
				}
				if (used + days > most) {
					throw new InvalidInput(EXTENSION_DAYS.name(),
							"at most " + most + " working days in total per card; " + used + " already granted");
				}
				String reason = required(EXTENSION_REASON.name(), in.extensionReason());
				if (due != null && !now.isBefore(due)) {
					throw new InvalidInput(HANDLING.name(),
							"an extension must be asked before the deadline (" + Deadlines.iso(card.deadlines().dueAt()) + ")");
				}
				yield new LedgerEvent(card.caseNo(), KEY, CardEvent.EXTENSION_REQUESTED, lead, card.actor(), due,
						days + " working days: " + reason);
			}
		};
		return Decision.of().entry(entry);
	}

}
