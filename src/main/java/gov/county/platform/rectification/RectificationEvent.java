package gov.county.platform.rectification;

import gov.county.platform.ledger.EventType;

/**
 * The ledger events of rectification (整改), in the order a case meets them; their names for people
 * in {@code ledger-events.properties}.
 */
public enum RectificationEvent implements EventType {

	FILED, PLAN_REQUESTED, PLAN_SUBMITTED, PLAN_APPROVED, PLAN_RETURNED, COMMITTED, MEASURE_DONE,
	PROGRESS_REPORTED, WARNED, URGED, REPRIMANDED, CRITICIZED, SUMMONED, ADMONISHED, VERIFICATION_FAILED,
	VERIFIED, CLOSED

}
