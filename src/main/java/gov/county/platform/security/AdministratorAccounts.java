package gov.county.platform.security;

import java.security.SecureRandom;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.engine.Identities;
import gov.county.platform.organization.WellKnownGroups;

/**
 * The three administrators' accounts (三员): {@code admin} (system), {@code security-admin} and
 * {@code audit-admin}. There is no built-in password: each is its environment variable
 * ({@code PLATFORM_ADMIN_PASSWORD}, {@code PLATFORM_SECURITY_ADMIN_PASSWORD},
 * {@code PLATFORM_AUDIT_ADMIN_PASSWORD}), set again at every start so that an operator can reset it
 * and refused at start-up when it breaks the password policy; or, when unset at the first start, a
 * random one printed once. The demo profile gives them its demo password.
 */
@Component
class AdministratorAccounts {

	/** One administrator: the account, its group, and the variable that sets its password. */
	record Account(String id, String group, String firstName, String lastName, String variable, String configured) {

		boolean isConfigured() {
			return this.configured != null && !this.configured.isBlank();
		}

	}

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdministratorAccounts.class);

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "-_.!@#%+=";

	private final IdentityService identity;

	private final List<Account> accounts;

	private final boolean demo;

	AdministratorAccounts(IdentityService identity, @Value("${platform.admin.password:}") String admin,
			@Value("${platform.security-admin.password:}") String securityAdmin,
			@Value("${platform.audit-admin.password:}") String auditAdmin,
			@Value("${platform.demo.enabled:false}") boolean demo) {
		this.identity = identity;
		this.demo = demo;
		this.accounts = List.of(
				new Account(ADMIN, WellKnownGroups.ADMINS, "系统管理员", "System administrator",
						"PLATFORM_ADMIN_PASSWORD", admin),
				new Account("security-admin", WellKnownGroups.SECURITY_ADMINS, "安全管理员", "Security administrator",
						"PLATFORM_SECURITY_ADMIN_PASSWORD", securityAdmin),
				new Account("audit-admin", WellKnownGroups.AUDIT_ADMINS, "安全审计员", "Audit administrator",
						"PLATFORM_AUDIT_ADMIN_PASSWORD", auditAdmin));
	}

	@Order(30)
	@EventListener(ApplicationStartedEvent.class)
	public void ensureAccounts() {
		if (!this.demo) {
			for (Account account : this.accounts) {
				if (account.isConfigured() && !PasswordRules.accepts(account.configured(), account.id())) {
					throw new IllegalStateException(account.variable() + " does not meet the password policy: "
							+ PasswordRules.DESCRIPTION);
				}
			}
		}
		this.accounts.forEach(this::ensure);
	}

	void ensure(Account account) {
		User user = this.identity.createUserQuery().userId(account.id()).singleResult();
		if (user == null) {
			user = this.identity.newUser(account.id());
			user.setFirstName(account.firstName());
			user.setLastName(account.lastName());
			String password = account.isConfigured() ? account.configured() : randomPassword();
			user.setPassword(password);
			save(user);
			if (!account.isConfigured()) {
				String banner = "\n================================================================\n"
						+ " First start: the platform created the user '" + account.id() + "' with password\n"
						+ "     " + password + "\n It is shown only this once. Set " + account.variable()
						+ " to choose one.\n================================================================";
				System.out.println(banner);
				log.warn("Created user '{}' with a random password, printed once on standard output", account.id());
			}
		}
		else if (account.isConfigured()) {
			user.setPassword(account.configured());
			save(user);
		}
		if (this.identity.createUserQuery().userId(account.id()).memberOfGroup(account.group()).count() == 0) {
			this.identity.createMembership(account.id(), account.group());
		}
	}

	private void save(User user) {
		if (this.demo) {
			Identities.saveWithoutPasswordPolicy(this.identity, user);
		}
		else {
			this.identity.saveUser(user);
		}
	}

	/** 20 characters, at least one of each class: the policy holds for the printed password too. */
	static String randomPassword() {
		SecureRandom random = new SecureRandom();
		String all = LOWER + UPPER + DIGITS + SYMBOLS;
		char[] password = new char[20];
		for (int i = 0; i < password.length; i++) {
			String from = switch (i) {
				case 0 -> LOWER;
				case 1 -> UPPER;
				case 2 -> DIGITS;
				case 3 -> SYMBOLS;
				default -> all;
			};
			password[i] = from.charAt(random.nextInt(from.length()));
		}
		for (int i = password.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

}
