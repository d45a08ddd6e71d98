package gov.county.platform.ledger;

import java.time.Instant;

/** The SHA-256 that links an entry to its predecessor: every field and the previous entry's hash. */
final class LedgerHash {

	private LedgerHash() {
	}

	static String of(String caseNo, int seq, String process, String event, String unit, String actor, Instant at,
			Instant dueAt, String detail, String previousHash) {
		return FieldDigest.sha256(caseNo, Integer.toString(seq), process, event, unit, actor, text(at), text(dueAt),
				detail, previousHash);
	}

	static String of(LedgerEntry e) {
		return of(e.caseNo(), e.seq(), e.process(), e.event(), e.unit(), e.actor(), e.at(), e.dueAt(), e.detail(),
				e.previousHash());
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
