package gov.county.platform.support;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;

/** Small diagrams that exercise the platform's shared pieces; deployed once per database. */
public final class TestProcesses {

	public static final String AUTHORIZATION_PROBE = "AuthorizationProbeProcess";

	public static final String DELEGATE_PROBE = "DelegateProbeProcess";

	private TestProcesses() {
	}

	public static void deploy(RepositoryService repository) {
		var deployment = repository.createDeployment().name("platform-tests").enableDuplicateFiltering(false);
		for (String key : List.of(AUTHORIZATION_PROBE, DELEGATE_PROBE)) {
			deployment.addClasspathResource("test-processes/" + key + ".bpmn");
		}
		deployment.deploy();
	}

	/** Runs {@code action} as {@code userId} with that user's groups, as Tasklist or the REST API would. */
	public static <T> T as(IdentityService identity, String userId, java.util.function.Supplier<T> action) {
		List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
		identity.setAuthentication(userId, groups);
		try {
			return action.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	public static void as(IdentityService identity, String userId, Runnable action) {
		as(identity, userId, () -> {
			action.run();
			return null;
		});
	}

}
