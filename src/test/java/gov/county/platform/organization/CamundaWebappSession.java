package gov.county.platform.organization;

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
 * A browser-like session of the Camunda webapps: the session cookie, the CSRF token, and the
 * login form of Admin, Cockpit or Tasklist — the calls their pages make.
 */
final class CamundaWebappSession {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	CamundaWebappSession(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	int login(String app, String user, String password) throws IOException, InterruptedException {
		get("/camunda/app/" + app + "/default/");
		String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
		int status = send(HttpRequest.newBuilder(URI.create(this.base + "/camunda/api/admin/auth/user/default/login/" + app))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
		// the login starts a new session; its first request hands out the session's CSRF token
		get("/camunda/api/admin/auth/user/default");
		return status;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		String token = this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
		if (token != null) {
			request.header("X-XSRF-TOKEN", token);
		}
		request.header("Accept", "application/json, text/plain, */*");
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
