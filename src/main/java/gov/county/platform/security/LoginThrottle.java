package gov.county.platform.security;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-address throttling of sign-ins: an address that failed {@code maxFailures} times within
 * {@code window} (wrong passwords for any users, through the webapps' login, the engine REST API or
 * the platform API) is answered 429 until its oldest failure leaves the window, without checking
 * any password. Guessing passwords for many accounts from one address stops there, and with it the
 * locking of accounts by strangers. Kept in this node's memory; behind a reverse proxy it needs the
 * client's address (see {@link RequestOrigin}).
 */
class LoginThrottle extends OncePerRequestFilter {

	private final int maxFailures;

	private final Duration window;

	private final AuditTrail audit;

	private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

	LoginThrottle(int maxFailures, Duration window, AuditTrail audit) {
		this.maxFailures = maxFailures;
		this.window = window;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isSignIn(request)) {
			chain.doFilter(request, response);
			return;
		}
		String address = request.getRemoteAddr();
		long now = System.nanoTime();
		long wait = waitNanos(address, now);
		if (wait > 0) {
			long minutes = Math.max(1, Duration.ofNanos(wait).toMinutes() + 1);
			response.setHeader("Retry-After", Long.toString(Duration.ofNanos(wait).toSeconds() + 1));
			Problems.write(response, 429, "Too Many Requests", "该地址登录失败次数过多，请 " + minutes
					+ " 分钟后再试。 Too many failed sign-ins from this address; try again in " + minutes + " minutes.", null);
			return;
		}
		chain.doFilter(request, response);
		if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
			failed(address, now);
		}
	}

	/** Forgets every address's failures (tests that provoke throttling clean up after themselves). */
	void forgetAll() {
		this.failures.clear();
	}

	/** A request that presents credentials: HTTP Basic, or the webapps' login form. */
	private static boolean isSignIn(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && !authorization.isBlank()) {
			return true;
		}
		return "POST".equals(request.getMethod()) && RequestOrigin.channelOf(request).equals("webapp-login");
	}

	private long waitNanos(String address, long now) {
		Deque<Long> times = this.failures.get(address);
		if (times == null) {
			return 0;
		}
		synchronized (times) {
			prune(times, now);
			return times.size() >= this.maxFailures ? times.peekFirst() + this.window.toNanos() - now : 0;
		}
	}

	private void failed(String address, long now) {
		if (this.failures.size() > 100_000) {
			this.failures.clear();
		}
		Deque<Long> times = this.failures.computeIfAbsent(address, a -> new ArrayDeque<>());
		boolean throttledNow;
		synchronized (times) {
			prune(times, now);
			times.addLast(now);
			throttledNow = times.size() == this.maxFailures;
		}
		if (throttledNow) {
			this.audit.record(AuditEventType.LOGIN_THROTTLED, null, address, this.maxFailures
					+ " failed sign-ins within " + this.window.toMinutes() + " minutes; refused until the window has passed");
		}
	}

	private void prune(Deque<Long> times, long now) {
		while (!times.isEmpty() && now - times.peekFirst() >= this.window.toNanos()) {
			times.pollFirst();
		}
	}

}
