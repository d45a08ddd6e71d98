package gov.county.platform.rectification;


/** The values the contract fixes for rectification, and the platform's own states. */
public final class RectificationValues {

	/** Where the problems were found. */
	public enum Source {

		SURVEY, DEMOCRATIC_LIFE_MEETING, INSPECTION, CARD_ANALYSIS, SELF_CHECK

	}

	public enum Verification {

		PASS, FAIL

	}

	/** Why a plan is asked for: the input of {@code RectificationTimeLimitDecision}. */
	public enum PlanStage {

		FIRST, RETURNED, FAILED_VERIFICATION

	}

	/** What the public list of commitments says of a case. */
	public enum PublicStatus {

		IN_PROGRESS, OVERDUE, REVISING, FULFILLED

	}

	private RectificationValues() {
	}

}
