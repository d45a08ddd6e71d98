package gov.county.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on the platform's own answers. Everywhere: {@code X-Content-Type-Options: nosniff}, so a
 * browser that opens the platform's JSON, problem+json or CSV (which carry text users typed) takes
 * the declared type and never renders it as HTML (the Camunda webapps set the same on their
 * pages). On {@code /api/**} and the public pages besides: a Content-Security-Policy that lets no
 * script run and no page frame them, {@code X-Frame-Options: DENY}, no referrer, and
 * {@code Cache-Control: no-store}, so that no browser or proxy keeps a case, a ledger or a person's
 * data after the answer.
 */
class ResponseHeaders extends OncePerRequestFilter {

	static final String NO_SNIFF = "X-Content-Type-Options";

	/** No script, no frame, no form, no base; the public page's own inline style allowed. */
	static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
			+ "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(NO_SNIFF, "nosniff");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api;")) {
			response.setHeader("Content-Security-Policy", POLICY);
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("Referrer-Policy", "no-referrer");
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("Pragma", "no-cache");
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
