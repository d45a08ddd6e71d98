package gov.county.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where the request being served comes from: the client's address and the way in (a webapp
 * sign-in, the engine REST API, the platform API, the webapps). The audit trail records it beside
 * what the request did. Behind a reverse proxy the address is the proxy's unless Tomcat is told to
 * trust it ({@code server.forward-headers-strategy: native} with
 * {@code server.tomcat.remoteip.internal-proxies} set to the proxy alone).
 */
public final class RequestOrigin {

	/** @param channel webapp-login, engine-rest, api, webapp or system */
	public record Origin(String address, String channel) {

		/** Whether this is someone signing in to a webapp (every such sign-in is recorded). */
		boolean isWebappLogin() {
			return "webapp-login".equals(this.channel);
		}

	}

	static final Origin SYSTEM = new Origin(null, "system");

	private static final ThreadLocal<Origin> CURRENT = new ThreadLocal<>();

	private RequestOrigin() {
	}

	/** The origin of the request this thread serves; {@link #SYSTEM} for timers, jobs and start-up. */
	public static Origin current() {
		Origin origin = CURRENT.get();
		return origin == null ? SYSTEM : origin;
	}

	static String channelOf(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/camunda/api/admin/auth/user/") && path.contains("/login/")) {
			return "webapp-login";
		}
		if (path.startsWith("/engine-rest")) {
			return "engine-rest";
		}
		if (path.startsWith("/api")) {
			return "api";
		}
		return "webapp";
	}

	/** Keeps the origin for the length of each request. */
	static final class Filter extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			CURRENT.set(new Origin(request.getRemoteAddr(), channelOf(request)));
			try {
				chain.doFilter(request, response);
			}
			finally {
				CURRENT.remove();
			}
		}

	}

}
