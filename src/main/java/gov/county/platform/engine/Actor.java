package gov.county.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who caused what the engine is doing: the logged-in user, or {@code system} for timers and jobs. */
public final class Actor {

	public static final String SYSTEM = "system";

	private Actor() {
	}

	public static String of(DelegateExecution execution) {
		return of(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
	}

	public static String of(DelegateTask task) {
		return of(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication());
	}

	private static String of(Authentication authentication) {
		return authentication == null || authentication.getUserId() == null ? SYSTEM
				: authentication.getUserId();
	}

}
