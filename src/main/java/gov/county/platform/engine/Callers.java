package gov.county.platform.engine;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who the engine checks a call against. */
public final class Callers {

	private Callers() {
	}

	/**
	 * Runs {@code read} as the platform rather than as the signed-in caller, whose grants would
	 * hide parts of a case the platform has already decided they may see, and signs the caller in
	 * again afterwards.
	 */
	public static <T> T asPlatform(IdentityService identity, Supplier<T> read) {
		Authentication caller = identity.getCurrentAuthentication();
		identity.clearAuthentication();
		try {
			return read.get();
		}
		finally {
			restore(identity, caller);
		}
	}

	/**
	 * Runs {@code read} as {@code userId} with {@code groups}, so the engine's grants decide what it
	 * sees, whoever the thread was signed in as; that authentication is restored afterwards.
	 */
	public static <T> T as(IdentityService identity, String userId, List<String> groups, Supplier<T> read) {
		Authentication before = identity.getCurrentAuthentication();
		identity.setAuthentication(userId, groups);
		try {
			return read.get();
		}
		finally {
			restore(identity, before);
		}
	}

	private static void restore(IdentityService identity, Authentication before) {
		if (before != null) {
			identity.setAuthentication(before);
		}
		else {
			identity.clearAuthentication();
		}
	}

}
