package gov.county.platform.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with the Camunda webapps, without the browser: the session cookie, the
 * CSRF token the webapps hand out, and requests to their APIs ({@code /camunda/api/...}) as
 * Tasklist, Cockpit or Admin send them.
 */
public final class WebappSession {

	private final String root;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private WebappSession(String root) {
		this.root = root;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	/** Logs in to {@code app} (tasklist, cockpit, admin) as the login page does; fails unless it is accepted. */
	public static WebappSession login(String root, String user, String password, String app) {
		WebappSession session = new WebappSession(root);
		HttpResponse<String> answer = session.tryLogin(user, password, app);
		if (answer.statusCode() != 200) {
			throw new AssertionError("login of " + user + " to " + app + ": " + answer.statusCode() + " " + answer.body());
		}
		// the login starts a new session: its first request hands out the session's CSRF token
		session.get("/camunda/api/admin/auth/user/default");
		return session;
	}

	/** A fresh session that has not logged in yet. */
	public static WebappSession anonymous(String root) {
		return new WebappSession(root);
	}

	public HttpResponse<String> tryLogin(String user, String password, String app) {
		get("/camunda/api/admin/auth/user/default");
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	public HttpResponse<String> get(String path) {
		return get(path, "application/json");
	}

	/** As a browser follows a link: {@code accept} e.g. {@code text/html,*}{@code /*}. */
	public HttpResponse<String> get(String path, String accept) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET());
	}

	public HttpResponse<String> post(String path, String json) {
		return post(path, json, "application/json");
	}

	/** A POST answered as {@code accept} asks, e.g. Tasklist's {@code application/hal+json}. */
	public HttpResponse<String> post(String path, String json, String accept) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> put(String path, String json) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").DELETE());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		String token = csrfToken();
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private String csrfToken() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.reduce((first, second) -> second)
			.orElse(null);
	}

	private URI uri(String path) {
		return URI.create(this.root + path);
	}

}
