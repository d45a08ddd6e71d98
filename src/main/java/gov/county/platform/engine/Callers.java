package gov.county.platform.engine;

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
			if (caller != null) {
				identity.setAuthentication(caller);
			}
		}
	}

}
