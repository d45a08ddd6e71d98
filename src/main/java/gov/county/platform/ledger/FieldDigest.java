package gov.county.platform.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a record's fields, each written with its length (null as -1), so that no choice
 * of text can make two different records hash alike. Seals the ledger's entries and the audit
 * trail's events.
 */
public final class FieldDigest {

	private FieldDigest() {
	}

	private static final byte[] NULL_FIELD = "-1:|".getBytes(StandardCharsets.US_ASCII);

	/** A digest per thread: looking one up costs more than hashing a short record. */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	});

	public static String sha256(String... fields) {
		// digest() leaves it reset for the next record
		MessageDigest sha256 = SHA_256.get();
		// the UTF-8 of "length:field|" for each field (null: "-1:|"), fed part by part
		for (String field : fields) {
			if (field == null) {
				sha256.update(NULL_FIELD);
			}
			else {
				sha256.update(Integer.toString(field.length()).getBytes(StandardCharsets.US_ASCII));
				sha256.update((byte) ':');
				sha256.update(field.getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) '|');
			}
		}
		return HexFormat.of().formatHex(sha256.digest());
	}

}
