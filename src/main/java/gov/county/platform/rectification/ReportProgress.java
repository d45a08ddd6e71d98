package gov.county.platform.rectification;

import static gov.county.platform.cases.Fields.required;
import static gov.county.platform.rectification.RectificationProcess.*;

import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Decision;
import gov.county.platform.ledger.LedgerEvent;

/** "Report progress (报告进展)": the unit's monthly per cent done and what was done; the public list shows it. */
final class ReportProgress {

	record Input(Integer progress, String note) {

		static Input from(Map<String, Object> v) {
			try {
				return new Input(PROGRESS.from(v), PROGRESS_NOTE.from(v));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInput(PROGRESS.name(), "must be a whole number from 0 to 100");
			}
		}

	}

	private ReportProgress() {
	}

	static Decision decide(Input in, RectificationCase rectification) {
		Integer progress = in.progress();
		if (progress == null || progress < 0 || progress > 100) {
			throw new InvalidInput(PROGRESS.name(), "is required: a whole number from 0 to 100 (per cent done)");
		}
		String note = required(PROGRESS_NOTE.name(), in.note(), 2000);
		return Decision.of()
			.entry(new LedgerEvent(rectification.caseNo(), KEY, RectificationEvent.PROGRESS_REPORTED,
					rectification.unit(), rectification.actor(), null, progress + "%: " + note))
			.afterwards(() -> rectification.commitments().progress(rectification.caseNo(), progress, rectification.now()));
	}

}
