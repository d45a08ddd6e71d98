package gov.county.platform.card;

import gov.county.platform.ledger.EventType;

/**
 * The ledger events of the interaction card (names other systems rely on; docs/processes.md), in the
 * order a card meets them; their names for people in {@code ledger-events.properties}.
 */
public enum CardEvent implements EventType {

	FILED, ACCEPTED, REJECTED, MERGED, CLASSIFIED, DISPATCHED, HANDED_UP, COORDINATED, WARNED, URGED,
	REPRIMANDED, EXTENSION_REQUESTED, EXTENDED, EXTENSION_DENIED, RETURNED, CO_HANDLED, HANDLED, FEEDBACK_SENT,
	REVIEWED, REWORK, ORGANIZED, EVALUATED, REOPENED, CLOSED

}
