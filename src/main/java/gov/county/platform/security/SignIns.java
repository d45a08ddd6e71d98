package gov.county.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How the platform signs people in, as the engine's identity provider: the engine's own users and
 * groups, with the platform's lockout that expires, the upgrade of old password hashes, and every
 * sign-in in the audit trail. Opens one {@link PlatformIdentityProvider} per engine command.
 */
final class SignIns implements SessionFactory {

	/** A successful HTTP Basic sign-in (every API request is one) is recorded once per user, address and this long. */
	static final Duration RECORD_BASIC_SIGN_IN_EVERY = Duration.ofMinutes(30);

	final int maxAttempts;

	final Duration lockout;

	final AuditTrail audit;

	final Pbkdf2Passwords passwords;

	final JdbcTemplate jdbc;

	private final Map<String, Instant> lastRecorded = new ConcurrentHashMap<>();

	SignIns(SecurityProperties.SignIn settings, AuditTrail audit, Pbkdf2Passwords passwords, JdbcTemplate jdbc) {
		this.maxAttempts = settings.maxAttempts();
		this.lockout = settings.lockout();
		this.audit = audit;
		this.passwords = passwords;
		this.jdbc = jdbc;
	}

	@Override
	public Class<?> getSessionType() {
		return PlatformIdentityProvider.class;
	}

	@Override
	public Session openSession() {
		return new PlatformIdentityProvider(this);
	}

	/**
	 * Whether a successful sign-in is recorded: every sign-in to a webapp; an API client's HTTP Basic
	 * sign-in the first time in {@link #RECORD_BASIC_SIGN_IN_EVERY} from its address (on this node).
	 */
	boolean shouldRecord(String userId, RequestOrigin.Origin origin, Instant now) {
		if (origin.isWebappLogin()) {
			return true;
		}
		if (this.lastRecorded.size() > 10_000) {
			this.lastRecorded.clear();
		}
		String key = userId + "|" + origin.address() + "|" + origin.channel();
		Instant last = this.lastRecorded.get(key);
		if (last != null && last.plus(RECORD_BASIC_SIGN_IN_EVERY).isAfter(now)) {
			return false;
		}
		this.lastRecorded.put(key, now);
		return true;
	}

}
