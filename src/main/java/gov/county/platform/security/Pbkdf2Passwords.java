package gov.county.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/**
 * Passwords hashed with PBKDF2-HMAC-SHA256, a random 16-byte salt and (by default) 600,000
 * iterations, as Camunda's password encryptor: {@code {PBKDF2-SHA256}iterations$salt$hash}. The
 * iterations are kept in each hash, so raising them later leaves existing passwords valid and the
 * next sign-in rehashes them.
 * <p>
 * HTTP Basic checks the password at every request of the engine REST API and the platform API;
 * 600,000 iterations cost about 0.13 s of a CPU. A password that matched is remembered in memory
 * for {@link #REMEMBERED} by a keyed digest of the stored hash and the password (the key is random
 * per process and never leaves it), so that a client's next requests do not pay again. A changed
 * password has another stored hash, so a remembered old one matches nothing.
 */
final class Pbkdf2Passwords implements PasswordEncryptor {

	static final String NAME = "PBKDF2-SHA256";

	static final String PREFIX = "{" + NAME + "}";

	static final int DEFAULT_ITERATIONS = 600_000;

	static final Duration REMEMBERED = Duration.ofMinutes(10);

	private static final int MAX_REMEMBERED = 10_000;

	private final int iterations;

	private final SecureRandom random = new SecureRandom();

	private final byte[] memoryKey = new byte[32];

	private final Map<String, Long> remembered = new ConcurrentHashMap<>();

	Pbkdf2Passwords(int iterations) {
		if (iterations < 1) {
			throw new IllegalArgumentException("PBKDF2 needs at least one iteration, was " + iterations);
		}
		this.iterations = iterations;
		this.random.nextBytes(this.memoryKey);
	}

	@Override
	public String encrypt(String password) {
		byte[] salt = new byte[16];
		this.random.nextBytes(salt);
		Base64.Encoder base64 = Base64.getEncoder();
		return this.iterations + "$" + base64.encodeToString(salt) + "$"
				+ base64.encodeToString(derive(password, salt, this.iterations));
	}

	@Override
	public boolean check(String password, String encrypted) {
		if (password == null || encrypted == null) {
			return false;
		}
		String[] parts = encrypted.split("\\$");
		if (parts.length != 3) {
			return false;
		}
		String memory = memoryKey(password, encrypted);
		Long until = this.remembered.get(memory);
		long now = System.nanoTime();
		if (until != null && until - now > 0) {
			return true;
		}
		int rounds;
		byte[] salt;
		byte[] expected;
		try {
			rounds = Integer.parseInt(parts[0]);
			salt = Base64.getDecoder().decode(parts[1]);
			expected = Base64.getDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException malformed) {
			return false;
		}
		boolean matches = rounds > 0 && MessageDigest.isEqual(expected, derive(password, salt, rounds));
		if (matches) {
			if (this.remembered.size() >= MAX_REMEMBERED) {
				this.remembered.clear();
			}
			this.remembered.put(memory, now + REMEMBERED.toNanos());
		}
		return matches;
	}

	@Override
	public String hashAlgorithmName() {
		return NAME;
	}

	/** Whether a stored hash is this encryptor's with at least its iterations (else: rehash at the next sign-in). */
	boolean isCurrent(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return false;
		}
		String[] parts = stored.substring(PREFIX.length()).split("\\$");
		try {
			return parts.length == 3 && Integer.parseInt(parts[0]) >= this.iterations;
		}
		catch (NumberFormatException malformed) {
			return false;
		}
	}

	private static byte[] derive(String password, byte[] salt, int rounds) {
		try {
			return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
				.generateSecret(new PBEKeySpec(password.toCharArray(), salt, rounds, 256))
				.getEncoded();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
		}
	}

	private String memoryKey(String password, String encrypted) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.memoryKey, "HmacSHA256"));
			mac.update(encrypted.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
