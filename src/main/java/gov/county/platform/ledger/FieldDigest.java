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

	public static String sha256(String... fields) {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
		StringBuilder canonical = new StringBuilder(256);
		for (String field : fields) {
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

}
