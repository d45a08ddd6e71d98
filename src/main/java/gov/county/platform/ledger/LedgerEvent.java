package gov.county.platform.ledger;

import java.time.Instant;

import gov.county.platform.engine.Actor;

/**
 * What is about to be written: one state change of a case.
 *
 * @param caseNo the case number (the process instance's business key)
 * @param process the process id, e.g. {@code InteractionCardProcess}
 * @param event the ledger event, e.g. {@code FILED}
 * @param unit the unit the change concerns, when one does
 * @param actor the user who caused it, or {@code system} for timers
 * @param dueAt the deadline that applies, when one does
 * @param detail free text: a reason, a reply, a time limit
 */
public record LedgerEvent(String caseNo, String process, String event, String unit, String actor, Instant dueAt,
		String detail) {

	public static final String SYSTEM_ACTOR = Actor.SYSTEM;

	/** An event of a type its process declares. */
	public LedgerEvent(String caseNo, String process, EventType event, String unit, String actor, Instant dueAt,
			String detail) {
		this(caseNo, process, event.name(), unit, actor, dueAt, detail);
	}

}
