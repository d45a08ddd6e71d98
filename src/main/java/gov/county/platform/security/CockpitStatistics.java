package gov.county.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Statistics and reports are for those with Cockpit: the engine counts every instance of a process
 * in them, whoever asks (a clerk read the county's number of open cards from
 * {@code /engine-rest/process-definition/statistics}). Through the engine REST API, the webapps'
 * engine API and Cockpit's own API, the statistics, reports and Cockpit's plugin endpoints answer
 * 403 to anyone without access to Cockpit.
 */
class CockpitStatistics extends OncePerRequestFilter {

	/** Statistics and reports of the engine's APIs, and all of Cockpit's API but its plugins' static files. */
	private static final Pattern COCKPIT_ONLY = Pattern.compile(
			"(/engine-rest|/camunda/api/engine/engine/[^/]+)/.*(/statistics|/report|-report)(/.*)?"
					+ "|/camunda/api/cockpit/(?!plugin/[^/]+/static/).*");

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	CockpitStatistics(IdentityService identity, AuthorizationService authorizations) {
		this.identity = identity;
		this.authorizations = authorizations;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!COCKPIT_ONLY.matcher(path).matches() || mayUseCockpit(request)) {
			chain.doFilter(request, response);
			return;
		}
		Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
				"统计和报表仅供有 Cockpit 权限的用户查看。 Statistics and reports are for those with access to Cockpit.", null);
	}

	/** A webapp session whose user may use Cockpit, or an engine REST caller (signed in by now) who may. */
	private boolean mayUseCockpit(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
			HttpSession session = request.getSession(false);
			Authentications signedIn = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
			if (signedIn == null) {
				// not signed in: the webapps answer that themselves
				return true;
			}
			return signedIn.getAuthentications()
				.stream()
				.anyMatch(user -> user.isAuthorizedForApp("cockpit"));
		}
		Authentication caller = this.identity.getCurrentAuthentication();
		if (caller == null || caller.getUserId() == null) {
			return true;
		}
		List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
		return this.authorizations.isUserAuthorized(caller.getUserId(), groups, Permissions.ACCESS, Resources.APPLICATION,
				"cockpit");
	}

}
