package gov.county.platform.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.identity.PasswordPolicy;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;

/**
 * The platform's password policy (MLPS level 3): at least {@value #MIN_LENGTH} characters, from at
 * least {@value #MIN_CLASSES} of lower case, upper case, digits and other characters, and not
 * containing the user id. Installed as Camunda's password policy, so the engine refuses any other
 * password wherever one is set (Admin, the REST API, the platform's own accounts), and Admin and
 * {@code /engine-rest/identity/password-policy} show the rules.
 */
final class PasswordRules implements PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MIN_CLASSES = 3;

	/** The policy as a sentence, for refusals. */
	static final String DESCRIPTION = "密码至少 " + MIN_LENGTH + " 位，含大写字母、小写字母、数字、其他字符中的至少 " + MIN_CLASSES
			+ " 类，且不得包含用户名。 A password needs at least " + MIN_LENGTH + " characters, from at least "
			+ MIN_CLASSES + " of upper case, lower case, digits and other characters, and must not contain the user id.";

	@Override
	public List<PasswordPolicyRule> getRules() {
		return List.of(new Length(), new CharacterClasses(), new NotTheUserId());
	}

	/** Whether {@code password} meets every rule for the user {@code userId}. */
	static boolean accepts(String password, String userId) {
		return password != null && Length.holds(password) && CharacterClasses.holds(password)
				&& NotTheUserId.holds(password, userId);
	}

	static final class Length implements PasswordPolicyRule {

		@Override
		public String getPlaceholder() {
			return "PASSWORD_POLICY_LENGTH";
		}

		@Override
		public Map<String, String> getParameters() {
			return Map.of("minLength", Integer.toString(MIN_LENGTH));
		}

		@Override
		public boolean execute(String candidatePassword) {
			return holds(candidatePassword);
		}

		static boolean holds(String password) {
			return password != null && password.codePointCount(0, password.length()) >= MIN_LENGTH;
		}

	}

	static final class CharacterClasses implements PasswordPolicyRule {

		@Override
		public String getPlaceholder() {
			return "PASSWORD_POLICY_CHARACTER_CLASSES";
		}

		@Override
		public Map<String, String> getParameters() {
			return Map.of("minClasses", Integer.toString(MIN_CLASSES));
		}

		@Override
		public boolean execute(String candidatePassword) {
			return holds(candidatePassword);
		}

		static boolean holds(String password) {
			if (password == null) {
				return false;
			}
			boolean lower = false;
			boolean upper = false;
			boolean digit = false;
			boolean other = false;
			for (int i = 0; i < password.length(); i++) {
				char c = password.charAt(i);
				if (Character.isLowerCase(c)) {
					lower = true;
				}
				else if (Character.isUpperCase(c)) {
					upper = true;
				}
				else if (Character.isDigit(c)) {
					digit = true;
				}
				else if (!Character.isWhitespace(c)) {
					other = true;
				}
			}
			return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0) >= MIN_CLASSES;
		}

	}

	static final class NotTheUserId implements PasswordPolicyRule {

		@Override
		public String getPlaceholder() {
			return "PASSWORD_POLICY_USER_DATA";
		}

		@Override
		public Map<String, String> getParameters() {
			return Map.of();
		}

		@Override
		public boolean execute(String candidatePassword) {
			return candidatePassword != null;
		}

		@Override
		public boolean execute(String candidatePassword, User user) {
			return holds(candidatePassword, user == null ? null : user.getId());
		}

		static boolean holds(String password, String userId) {
			return password != null && (userId == null || userId.isBlank()
					|| !password.toLowerCase(Locale.ROOT).contains(userId.toLowerCase(Locale.ROOT)));
		}

	}

}
