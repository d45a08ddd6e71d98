package gov.county.platform.cases;

import java.util.Optional;

/**
 * What the platform holds of a case besides its ledger, as data: the unit that owns it, the time
 * limit it was given, the working days of extension granted, the clock it runs against and, for a
 * rectification, the plan last submitted (JSON). A completion of a task cannot change any of it:
 * only the step rules write it, in the transaction that writes the ledger entry saying so.
 */
public record CaseState(String caseNo, String process, String unit, Integer timeLimitDays, int extendedDays,
		CaseClock clock, String plan) {

	public Optional<CaseClock> currentClock() {
		return Optional.ofNullable(this.clock);
	}

	public Optional<String> submittedPlan() {
		return Optional.ofNullable(this.plan);
	}

}
