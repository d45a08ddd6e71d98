package gov.county.platform.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/** What the engine's identity service does that its interface does not offer. */
public final class Identities {

	private Identities() {
	}

	/**
	 * Saves a user whose password need not meet the password policy: the demo profile's simple
	 * passwords, nothing else.
	 */
	public static void saveWithoutPasswordPolicy(IdentityService identity, User user) {
		((IdentityServiceImpl) identity).saveUser(user, true);
	}

}
