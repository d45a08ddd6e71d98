package gov.county.platform.rectification;

import static gov.county.platform.cases.Fields.optional;
import static gov.county.platform.cases.Fields.required;
import static gov.county.platform.rectification.RectificationProcess.*;

import java.time.Instant;
import java.util.Map;

import gov.county.platform.cases.Decision;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.ledger.LedgerEvent;

/** "Implement measure (落实整改措施)": the responsible person reports a measure done, late or not, with evidence. */
final class CompleteMeasure {

	record Input(String result, String evidence, Integer measureNo, String measureDueAt) {

		static Input from(Map<String, Object> v) {
			return new Input(MEASURE_RESULT.from(v), EVIDENCE.from(v), MEASURE_NO.from(v), MEASURE_DUE_AT.from(v));
		}

	}

	private CompleteMeasure() {
	}

	static Decision decide(Input in, RectificationCase rectification) {
		String result = required(MEASURE_RESULT.name(), in.result(), 2000);
		String evidence = optional(EVIDENCE.name(), in.evidence(), 2000);
		if (in.measureNo() == null) {
			throw new IllegalStateException("process variable '" + MEASURE_NO.name() + "' is not set");
		}
		int no = in.measureNo();
		Instant now = rectification.now();
		Instant due = Deadlines.instant(in.measureDueAt());
		boolean late = due != null && now.isAfter(due);
		return Decision.of()
			.entry(new LedgerEvent(rectification.caseNo(), KEY, RectificationEvent.MEASURE_DONE, rectification.unit(),
					rectification.actor(), due, RectificationService.measurePrefix(no) + (late ? "done late: " : "done: ")
							+ result + (evidence == null ? "" : " | evidence: " + evidence)))
			.afterwards(() -> rectification.commitments().measureDone(rectification.caseNo(), no, now));
	}

}
