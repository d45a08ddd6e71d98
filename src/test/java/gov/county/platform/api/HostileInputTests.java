package gov.county.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestCards;

/**
 * Well over a thousand malformed or hostile requests against every platform API endpoint: none
 * gets a 5xx, none writes a row, and every refusal is problem+json (naming the field where a field
 * is at fault).
 */
@PlatformIntegrationTest
class HostileInputTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static final List<String> NASTY = List.of("", " ", "null", "<script>alert(1)</script>", "' OR '1'='1",
			"'; DROP TABLE ledger_entry; --", "%00", "\u0000", "\u0007bell", "../../etc/passwd", "${jndi:ldap://x}",
			"{{7*7}}", "=cmd|' /C calc'!A0", "𝕏".repeat(50), "x".repeat(10_000), "\r\nX-Injected: 1", "[]", "{}",
			"-1", "99999999999999999999", "NaN", "true");

	static final List<String> FIELDS = List.of("talk", "kind", "subject", "content", "submitterName",
			"submitterContact", "receivingUnit", "channel", "urgent");

	static final java.util.regex.Pattern TOMCAT_REFUSES = java.util.regex.Pattern.compile("^/api/cases/.*%(2F|5C|00)",
			java.util.regex.Pattern.CASE_INSENSITIVE);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	record Probe(String method, String path, String contentType, String body, String user, String password) {
	}

	@Test
	void hostileRequestsAreRefusedCleanlyAndWriteNothing() throws Exception {
		List<Probe> probes = new ArrayList<>();
		Map<String, Object> valid = validCard();
		for (String field : FIELDS) {
			for (String nasty : NASTY) {
				Map<String, Object> card = new LinkedHashMap<>(valid);
				card.put(field, nasty);
				if (isAcceptable(field, nasty)) {
					continue;
				}
				probes.add(post(JSON.writeValueAsString(card)));
			}
			for (Object wrongType : List.of(42, 3.5, false, List.of("a"), Map.of("a", 1))) {
				Map<String, Object> card = new LinkedHashMap<>(valid);
				card.put(field, wrongType);
				if (!(field.equals("urgent") && wrongType instanceof Boolean)) {
					probes.add(post(JSON.writeValueAsString(card)));
				}
			}
			Map<String, Object> missing = new LinkedHashMap<>(valid);
			missing.remove(field);
			if (!field.equals("submitterContact") && !field.equals("urgent") && !field.equals("channel")) {
				probes.add(post(JSON.writeValueAsString(missing)));
			}
		}
		for (String nasty : NASTY) {
			Map<String, Object> card = new LinkedHashMap<>(valid);
			card.put(nasty.isEmpty() ? "empty" : nasty, "x");
			probes.add(post(JSON.writeValueAsString(card)));
		}
		for (String body : List.of("", "{", "[]", "[1,2]", "42", "\"card\"", "null", "{\"talk\":", "{'talk':'x'}",
				"{\"talk\":\"PUBLIC_SERVICE\",}", "\u0000\u0001", "<card/>", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}")) {
			probes.add(post(body));
			probes.add(new Probe("POST", "/api/cards", "text/plain", body, "township-labao-clerk", "demo"));
			probes.add(new Probe("POST", "/api/cards", "application/xml", body, "township-labao-clerk", "demo"));
		}
		for (String user : List.of("", "nobody", "auditor", "admin'--", "township-labao-clerk")) {
			probes.add(new Probe("POST", "/api/cards", "application/json", JSON.writeValueAsString(valid), user,
					user.equals("auditor") ? "demo" : "wrong"));
		}
		for (String nasty : NASTY) {
			String q = java.net.URLEncoder.encode(nasty, StandardCharsets.UTF_8);
			for (String param : List.of("caseNo", "unit", "event", "from", "to", "page", "size")) {
				probes.add(get("/api/ledger?" + param + "=" + q));
				probes.add(new Probe("GET", "/api/ledger?" + param + "=" + q, null, null, "auditor", "demo"));
				probes.add(new Probe("GET", "/api/ledger?" + param + "=" + q, "text/csv", null, "auditor", "demo"));
				probes.add(new Probe("GET", "/api/ledger?" + param + "=" + q, "text/csv", null, "township-labao-clerk",
						"demo"));
			}
			for (String user : List.of("township-baipeng-clerk", "auditor")) {
				probes.add(new Probe("GET", "/api/notifications?page=" + q, null, null, user, "demo"));
				probes.add(new Probe("GET", "/api/notifications?size=" + q, null, null, user, "demo"));
				probes.add(new Probe("GET", "/api/cases/" + q.replace("+", "%20"), null, null, user, "demo"));
			}
		}
		for (String paging : List.of("page=2147483647&size=500", "page=-2147483648", "size=0", "size=2147483647",
				"size=1e9", "page=1.5", "page=0x10", "size=%20", "page=&size=")) {
			probes.add(get("/api/ledger?" + paging));
			probes.add(get("/api/notifications?" + paging));
		}
		for (String path : List.of("/api/ledger", "/api/ledger/verify", "/api/notifications", "/api/units",
				"/api/cases/HD-2026-000001", "/api/cards")) {
			probes.add(new Probe("GET", path, null, null, null, null));
			probes.add(new Probe("DELETE", path, null, null, "admin", "demo"));
			probes.add(new Probe("PUT", path, "application/json", "{}", "admin", "demo"));
		}
		probes.add(new Probe("GET", "/api/ledger/verify", null, null, "township-labao-clerk", "demo"));

		Map<String, Long> before = rows();
		int refused = 0;
		int refusedByTomcat = 0;
		long filed = 0;
		List<String> problems = new ArrayList<>();
		for (Probe probe : probes) {
			HttpResponse<String> answer = send(probe);
			int status = answer.statusCode();
			if (status >= 500) {
				problems.add(status + " for " + probe);
				continue;
			}
			if (status < 400) {
				if (status == 201) {
					filed++; // hostile-looking but valid (e.g. urgent "true", a blank channel that defaults to API)
				}
				continue;
			}
			refused++;
			String type = answer.headers().firstValue("Content-Type").orElse("");
			if (status == 400 && TOMCAT_REFUSES.matcher(probe.path()).find()) {
				refusedByTomcat++; // an encoded slash, backslash or NUL in the path never reaches the application
				continue;
			}
			if (!type.startsWith("application/problem+json")) {
				problems.add("not problem+json (" + type + ") for " + probe);
				continue;
			}
			JsonNode body = JSON.readTree(answer.body());
			if ((status == 400 || status == 401 || status == 415) && !body.hasNonNull("field")) {
				problems.add("no field named in " + answer.body() + " for " + probe);
			}
		}
		System.out.printf("%nHostile input: %d requests, %d refused (%d of them by Tomcat before routing), "
				+ "%d 5xx or malformed refusals%n%n", probes.size(), refused, refusedByTomcat, problems.size());
		problems.stream().limit(40).forEach(p -> System.out.println("  " + p.substring(0, Math.min(300, p.length()))));
		assertThat(problems).isEmpty();

		assertThat(probes.size()).isGreaterThanOrEqualTo(1000);
		assertThat(problems).isEmpty();
		Map<String, Long> after = rows();
		for (String table : List.of("ACT_HI_PROCINST", "case numbers", "ledger_entry")) {
			assertThat(after.get(table) - before.get(table)).as(table + ": only the accepted cards wrote anything")
				.isEqualTo(filed);
		}
		assertThat(after.get("notification")).isEqualTo(before.get("notification"));
	}

	/** Hostile-looking text that is nevertheless a valid card (it is stored as typed and shown escaped). */
	private static boolean isAcceptable(String field, String value) {
		boolean text = List.of("subject", "content", "submitterName", "submitterContact").contains(field);
		if (!text) {
			return false;
		}
		boolean blank = value.isBlank() || value.equals("\u0000");
		boolean control = value.chars().anyMatch(c -> c < 32 && c != '\n' && c != '\r' && c != '\t');
		int max = switch (field) {
			case "subject", "submitterContact" -> 200;
			case "submitterName" -> 100;
			default -> 5000;
		};
		if (field.equals("submitterContact") && blank) {
			return true;
		}
		return !blank && !control && value.strip().length() <= max && !value.contains("\r\n");
	}

	private static Map<String, Object> validCard() {
		return TestCards.card("township-labao");
	}

	private static Probe post(String body) {
		return new Probe("POST", "/api/cards", "application/json", body, "township-labao-clerk", "demo");
	}

	private static Probe get(String path) {
		return new Probe("GET", path, null, null, "township-baipeng-clerk", "demo");
	}

	private HttpResponse<String> send(Probe probe) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + probe.path()));
		if (probe.user() != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((probe.user() + ":" + probe.password()).getBytes(StandardCharsets.UTF_8)));
		}
		if (probe.contentType() != null) {
			request.header(probe.method().equals("GET") ? "Accept" : "Content-Type", probe.contentType());
		}
		HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(probe.body());
		return this.http.send(request.method(probe.method(), body).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private Map<String, Long> rows() {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : List.of("ledger_entry", "notification", "ACT_HI_PROCINST", "ACT_RU_EXECUTION")) {
			rows.put(table, this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
		}
		rows.put("case numbers", this.jdbc.queryForObject("SELECT COALESCE(SUM(last_value), 0) FROM case_number_counter",
				Long.class));
		return rows;
	}

}
