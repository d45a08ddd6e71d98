package gov.county.platform.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import gov.county.platform.organization.Directory;

/**
 * HTTP Basic for {@code /api/**} against the engine's users, {@code /api/public/**} excepted. The
 * authenticated user and groups are set on the engine for the request, so engine calls made on the
 * caller's behalf are checked against their authorizations.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

	static final String USER_ATTRIBUTE = PlatformUser.class.getName();

	private static final String PUBLIC_PREFIX = "/api/public/";

	private final IdentityService identity;

	private final Directory directory;

	ApiAuthenticationFilter(IdentityService identity, Directory directory) {
		this.identity = identity;
		this.directory = directory;
	}

	/**
	 * Decides on the decoded, normalised servlet path (what Spring MVC routes by), never on the raw
	 * URI: {@code /%61pi/cards} or {@code /api;x=1/cards} reach the API and so must be checked too.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		return path.startsWith(PUBLIC_PREFIX) || !(path.equals("/api") || path.startsWith("/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String[] credentials = basicCredentials(request.getHeader("Authorization"));
		if (credentials == null || !this.identity.checkPassword(credentials[0], credentials[1])) {
			refuse(response, credentials == null ? "This API needs a login: send HTTP Basic credentials of a platform user"
					: "Unknown user or wrong password");
			return;
		}
		List<String> groups = this.directory.groupsOf(credentials[0]);
		request.setAttribute(USER_ATTRIBUTE, new PlatformUser(credentials[0], groups));
		this.identity.setAuthentication(credentials[0], groups);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	private static String[] basicCredentials(String header) {
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
		int colon = decoded.indexOf(':');
		if (colon <= 0) {
			return null;
		}
		return new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"county-platform\", charset=\"UTF-8\"");
		Problems.write(response, HttpStatus.UNAUTHORIZED.value(), "Unauthorized", detail, "Authorization");
	}

}
