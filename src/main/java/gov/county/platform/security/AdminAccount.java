package gov.county.platform.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.organization.WellKnownGroups;

/**
 * The {@code admin} account. There is no built-in password: it is {@code PLATFORM_ADMIN_PASSWORD}
 * (set again at every start, so an operator can reset it), or, when that is unset at the first
 * start, a random one printed once.
 */
@Component
class AdminAccount {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private final IdentityService identity;

	private final String configuredPassword;

	AdminAccount(IdentityService identity, @Value("${platform.admin.password:}") String configuredPassword) {
		this.identity = identity;
		this.configuredPassword = configuredPassword;
	}

	@Order(30)
	@EventListener(ApplicationStartedEvent.class)
	public void ensureAdmin() {
		User admin = this.identity.createUserQuery().userId(ADMIN).singleResult();
		boolean configured = this.configuredPassword != null && !this.configuredPassword.isBlank();
		if (admin == null) {
			admin = this.identity.newUser(ADMIN);
			admin.setFirstName("Platform");
			admin.setLastName("Administrator");
			String password = configured ? this.configuredPassword : randomPassword();
			admin.setPassword(password);
			this.identity.saveUser(admin);
			if (!configured) {
				String banner = "\n================================================================\n"
						+ " First start: the platform created the user 'admin' with password\n" + "     " + password
						+ "\n It is shown only this once. Set PLATFORM_ADMIN_PASSWORD to choose one.\n"
						+ "================================================================";
				System.out.println(banner);
				log.warn("Created user 'admin' with a random password, printed once on standard output");
			}
		}
		else if (configured) {
			admin.setPassword(this.configuredPassword);
			this.identity.saveUser(admin);
		}
		if (this.identity.createUserQuery().userId(ADMIN).memberOfGroup(WellKnownGroups.ADMINS).count() == 0) {
			this.identity.createMembership(ADMIN, WellKnownGroups.ADMINS);
		}
	}

	private static String randomPassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
