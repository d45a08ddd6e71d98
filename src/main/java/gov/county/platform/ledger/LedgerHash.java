package gov.county.platform.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The SHA-256 that links an entry to its predecessor. Each field is written with its length, so no
 * choice of text can make two different entries hash alike.
 */
final class LedgerHash {

	private LedgerHash() {
	}

	static String of(String caseNo, int seq, String process, String event, String unit, String actor, Instant at,
			Instant dueAt, String detail, String previousHash) {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
		StringBuilder canonical = new StringBuilder(256);
		for (String field : new String[] { caseNo, Integer.toString(seq), process, event, unit, actor, text(at),
				text(dueAt), detail, previousHash }) {
			if (field == null) {
				canonical.append("-1:");
			}
			else {
				canonical.append(field.length()).append(':').append(field);
			}
			canonical.append('|');
		}
		return HexFormat.of().formatHex(sha256.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
	}

	static String of(LedgerEntry e) {
		return of(e.caseNo(), e.seq(), e.process(), e.event(), e.unit(), e.actor(), e.at(), e.dueAt(), e.detail(),
				e.previousHash());
	}

	private static String text(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
