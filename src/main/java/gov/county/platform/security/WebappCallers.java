package gov.county.platform.security;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The webapp plugins' resources (Tasklist's 提交人 tab, Cockpit's Cases): who is signed in to the
 * webapps, and their refusals as problem bodies, the same as the platform API's.
 */
public final class WebappCallers {

	private WebappCallers() {
	}

	/** The user signed in to the webapps, with their groups; 401 when nobody is. */
	public static PlatformUser signedIn(ProcessEngine engine) {
		Authentication signedIn = engine.getIdentityService().getCurrentAuthentication();
		if (signedIn == null || signedIn.getUserId() == null) {
			throw refused(Response.Status.UNAUTHORIZED, "请先登录 Please sign in");
		}
		return new PlatformUser(signedIn.getUserId(), signedIn.getGroupIds() == null ? List.of() : signedIn.getGroupIds());
	}

	/** A refusal as {@code application/problem+json}: title, status and what is wrong. */
	public static WebApplicationException refused(Response.Status status, String detail) {
		return new WebApplicationException(Response.status(status)
			.type("application/problem+json")
			.entity(Map.of("title", status.getReasonPhrase(), "status", status.getStatusCode(), "detail", detail))
			.build());
	}

}
