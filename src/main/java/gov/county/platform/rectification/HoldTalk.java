package gov.county.platform.rectification;

import static gov.county.platform.cases.Fields.required;
import static gov.county.platform.rectification.RectificationProcess.*;

import java.util.Map;

import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;

/** "Admonishment talk (诫勉谈话)": the county leaders record the talk held with the unit's head. */
final class HoldTalk {

	record Input(String record, String head, String reason) {

		static Input from(Map<String, Object> v) {
			return new Input(TALK_RECORD.from(v), TALK_HEAD.from(v), TALK_REASON.from(v));
		}

	}

	private HoldTalk() {
	}

	static Decision decide(Input in, RectificationCase rectification) {
		String record = required(TALK_RECORD.name(), in.record(), 5000);
		return Decision.of()
			.entry(new LedgerEvent(rectification.caseNo(), KEY, RectificationEvent.ADMONISHED, rectification.unit(),
					rectification.actor(), null, "talk with " + in.head() + " (" + in.reason() + "): " + record));
	}

}
