package gov.county.platform.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The keys that seal the ledger, kept outside the database: a key file (base64, one key a line, the
 * first the current one; {@code #} starts a comment). A seal is HMAC-SM3 (SM3, GB/T 32905, in the
 * HMAC construction of RFC 2104) of an entry's global sequence number, its hash and the seal of the
 * entry before it. Whoever can write the database but does not hold the key cannot make a seal that
 * verifies. Each key is named by the first 8 hex digits of its SM3 digest, which each seal records,
 * so that a new key can be put first (rotation) while entries sealed with an older one still verify.
 * <p>
 * Without a key file, the first start writes one with a new random key (readable by its owner
 * only) and says so: an operator keeps it apart from the database and its backups.
 */
@Component
public class LedgerKeys {

	/** A sealing key, by its id. */
	public static final class Key {

		private final String id;

		private final SM3Digest inner;

		private final SM3Digest outer;

		Key(byte[] secret) {
			this.id = HexFormat.of().formatHex(sm3(secret)).substring(0, 8);
			byte[] block = new byte[64];
			byte[] material = secret.length > 64 ? sm3(secret) : secret;
			System.arraycopy(material, 0, block, 0, material.length);
			this.inner = new SM3Digest();
			this.outer = new SM3Digest();
			for (int i = 0; i < 64; i++) {
				this.inner.update((byte) (block[i] ^ 0x36));
				this.outer.update((byte) (block[i] ^ 0x5c));
			}
		}

		public String id() {
			return this.id;
		}

		/** HMAC-SM3 of {@code message}. Thread-safe: the key's padded states are copied, not used. */
		byte[] mac(byte[] message) {
			SM3Digest digest = new SM3Digest(this.inner);
			digest.update(message, 0, message.length);
			byte[] inside = new byte[32];
			digest.doFinal(inside, 0);
			SM3Digest finish = new SM3Digest(this.outer);
			finish.update(inside, 0, inside.length);
			byte[] mac = new byte[32];
			finish.doFinal(mac, 0);
			return mac;
		}

		/** The seal of global entry {@code globalSeq} with {@code hash}, after {@code previousSeal} (null for the first). */
		public String seal(long globalSeq, String hash, String previousSeal) {
			ByteBuffer message = ByteBuffer.allocate(8 + 32 + 32);
			message.putLong(globalSeq);
			message.put(HexFormat.of().parseHex(hash));
			if (previousSeal != null) {
				message.put(HexFormat.of().parseHex(previousSeal));
			}
			byte[] bytes = new byte[message.position()];
			message.flip().get(bytes);
			return HexFormat.of().formatHex(mac(bytes));
		}

		/** HMAC-SM3 of a text (a checkpoint), in hex. */
		public String sign(String text) {
			return HexFormat.of().formatHex(mac(text.getBytes(StandardCharsets.UTF_8)));
		}

	}

	private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);

	private final Path file;

	private volatile List<Key> keys;

	public LedgerKeys(@Value("${platform.ledger.key-file}") Path file) {
		this.file = file;
		reload();
	}

	/** Where the keys are read from. */
	public Path file() {
		return this.file;
	}

	/** The key new seals are made with: the first of the file. */
	public Key current() {
		return this.keys.get(0);
	}

	/** The key of this id, when the file holds it. */
	public Optional<Key> find(String id) {
		for (Key key : this.keys) {
			if (key.id().equals(id)) {
				return Optional.of(key);
			}
		}
		return Optional.empty();
	}

	/** Reads the key file again (after an operator put a new key first), writing one if there is none. */
	public synchronized void reload() {
		try {
			if (!Files.exists(this.file)) {
				create();
			}
			List<Key> read = new ArrayList<>();
			for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
				String text = line.strip();
				if (text.isEmpty() || text.startsWith("#")) {
					continue;
				}
				byte[] secret;
				try {
					secret = Base64.getDecoder().decode(text);
				}
				catch (IllegalArgumentException notBase64) {
					throw new IllegalStateException("The ledger key file " + this.file + " has a line that is not a "
							+ "base64 key: keys are 32 random bytes in base64, one a line", notBase64);
				}
				if (secret.length < 16) {
					throw new IllegalStateException("The ledger key file " + this.file + " has a key of " + secret.length
							+ " bytes: a key needs at least 16 (32 recommended)");
				}
				read.add(new Key(secret));
			}
			if (read.isEmpty()) {
				throw new IllegalStateException("The ledger key file " + this.file + " holds no key");
			}
			this.keys = List.copyOf(read);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the ledger key file " + this.file, ex);
		}
	}

	private void create() throws IOException {
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		Files.createDirectories(this.file.toAbsolutePath().getParent());
		String content = "# Keys that seal the ledger (HMAC-SM3): the first seals new entries, all verify.\n"
				+ "# Keep this file apart from the database and its backups, and the same on every node.\n"
				+ Base64.getEncoder().encodeToString(secret) + "\n";
		Files.writeString(this.file, content, StandardCharsets.UTF_8);
		try {
			Files.setPosixFilePermissions(this.file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// a file system without POSIX permissions: the operator restricts it
		}
		log.warn("No ledger key file: wrote one with a new key to {} (key {}). Keep it apart from the database and its "
				+ "backups, and give every node the same file (PLATFORM_LEDGER_KEY_FILE)", this.file.toAbsolutePath(),
				new Key(secret).id());
	}

	static byte[] sm3(byte[] data) {
		SM3Digest digest = new SM3Digest();
		digest.update(data, 0, data.length);
		byte[] out = new byte[32];
		digest.doFinal(out, 0);
		return out;
	}

}
