package gov.county.platform.ledger;

import java.time.Instant;

/**
 * One entry of the ledger (台账), as the API shows it. {@code hash} covers every other field and
 * {@code previousHash}, the hash of the case's previous entry (null for its first).
 */
public record LedgerEntry(long id, String caseNo, int seq, String process, String event, String unit, String actor,
		Instant at, Instant dueAt, String detail, String hash, String previousHash) {

	/** Whether this entry records an event of {@code type}. */
	public boolean is(EventType type) {
		return this.event.equals(type.name());
	}

}
