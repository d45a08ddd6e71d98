package gov.county.platform.security;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;

/**
 * The engine's identity provider with the platform's sign-in rules (the engine, the webapps, the
 * engine REST API and the platform API all check passwords here):
 * <ul>
 * <li>an empty password, or a user without one, never signs in;</li>
 * <li>{@code maxAttempts} wrong passwords in a row lock the account for {@code lockout}; the lock
 * then expires by itself instead of lasting until an administrator lifts it, so nobody can lock an
 * administrator out for good by guessing (and {@link LoginThrottle} stops an address that keeps
 * guessing);</li>
 * <li>a password still hashed the old way (Camunda's SHA-512) is hashed with PBKDF2 at its next
 * successful sign-in;</li>
 * <li>sign-ins, failures, refusals of a locked account, lockouts and password changes go to the
 * audit trail.</li>
 * </ul>
 */
class PlatformIdentityProvider extends DbIdentityServiceProvider {

	private final SignIns signIns;

	PlatformIdentityProvider(SignIns signIns) {
		this.signIns = signIns;
	}

	@Override
	public boolean checkPassword(String userId, String password) {
		RequestOrigin.Origin origin = RequestOrigin.current();
		if (userId == null || userId.isBlank()) {
			return false;
		}
		UserEntity user = findUserById(userId);
		if (user == null) {
			failed(userId, "no such user 无此用户");
			return false;
		}
		if (password == null || password.isBlank()) {
			failed(userId, "empty password 密码为空");
			return false;
		}
		if (user.getPassword() == null) {
			failed(userId, "the user has no password 用户未设置密码");
			return false;
		}
		if (isUserLocked(user)) {
			this.signIns.audit.record(AuditEventType.LOGIN_REFUSED_LOCKED, null, userId,
					"locked until 锁定至 " + user.getLockExpirationTime().toInstant());
			return false;
		}
		if (!matchPassword(password, user)) {
			lockUser(user);
			failed(userId, "wrong password 密码错误 (" + user.getAttempts() + " in a row 连续)");
			return false;
		}
		unlockUser(user);
		if (!this.signIns.passwords.isCurrent(user.getPassword())) {
			rehash(user, password);
		}
		if (this.signIns.shouldRecord(userId, origin, Instant.now())) {
			this.signIns.audit.record(AuditEventType.LOGIN, userId, userId, origin.channel());
		}
		return true;
	}

	/** Locked while a lockout has not expired. */
	@Override
	protected boolean isUserLocked(UserEntity user) {
		Date until = user.getLockExpirationTime();
		return until != null && until.after(ClockUtil.getCurrentTime());
	}

	@Override
	protected void lockUser(UserEntity user) {
		// a lockout that has passed starts the count afresh
		int attempts = (user.getAttempts() >= this.signIns.maxAttempts ? 0 : user.getAttempts()) + 1;
		long now = ClockUtil.getCurrentTime().getTime();
		if (attempts >= this.signIns.maxAttempts) {
			Date until = new Date(now + this.signIns.lockout.toMillis());
			getIdentityInfoManager().updateUserLock(user, attempts, until);
			this.signIns.audit.record(AuditEventType.LOCKED_OUT, null, user.getId(),
					attempts + " wrong passwords in a row 连续输错密码; locked until 锁定至 " + until.toInstant());
			return;
		}
		// no delay between tries: a delay turns one mistyped password into seconds in which every
		// request of the user's API client fails, and guessing is bounded by the lockout and the
		// throttling of the address anyway
		getIdentityInfoManager().updateUserLock(user, attempts, null);
	}

	@Override
	public IdentityOperationResult saveUser(User user) {
		UserEntity entity = (UserEntity) user;
		boolean passwordChanged = entity.hasNewPassword() && entity.getRevision() > 0;
		IdentityOperationResult result = super.saveUser(user);
		if (passwordChanged) {
			this.signIns.audit.record(AuditEventType.PASSWORD_CHANGED, currentUser(), user.getId(), null);
		}
		return result;
	}

	/** The same password, salted and hashed anew with PBKDF2. */
	private void rehash(UserEntity user, String password) {
		String salt = Context.getProcessEngineConfiguration().getSaltGenerator().generateSalt();
		String hash = Context.getProcessEngineConfiguration()
			.getPasswordManager()
			.encrypt(EncryptionUtil.saltPassword(password, salt));
		// beside the engine's own statements on this user (its lock), which check its revision
		this.signIns.jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?", hash, salt, user.getId());
	}

	private void failed(String userId, String why) {
		this.signIns.audit.record(AuditEventType.LOGIN_FAILED, null, userId, why);
	}

	private static String currentUser() {
		var authentication = Context.getCommandContext().getAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

}
