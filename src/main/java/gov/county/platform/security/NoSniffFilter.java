package gov.county.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer: a browser that opens the platform's JSON,
 * problem+json or CSV (which carry text users typed) takes the declared type and never renders it
 * as HTML. The Camunda webapps set the same header on their own pages.
 */
class NoSniffFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Content-Type-Options";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, "nosniff");
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
