package gov.county.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestCards;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.support.WebappSession;
import gov.county.platform.card.CardIntake;

/**
 * What an attacker or a clumsy client sends the engine's REST APIs and the platform API: bad
 * paging, control characters in any text, a completion without its required field. Each is a 4xx
 * with a problem body naming the field, never a 5xx, and stores nothing. And what comes back: the
 * security headers, user lists only for administrators, statistics only for Cockpit's users.
 */
@PlatformIntegrationTest
class BadRequestsAndHeadersTests {

	static final ObjectMapper JSON = new ObjectMapper();

	static final String CLERK = "township-labao-clerk";

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void badPagingIsA400NamingTheParameter() throws Exception {
		for (String query : List.of("/engine-rest/task?firstResult=-5", "/engine-rest/process-instance?maxResults=-1",
				"/engine-rest/history/process-instance?firstResult=abc", "/engine-rest/task?maxResults=1e9")) {
			HttpResponse<String> answer = send("GET", query, CLERK, null);
			assertThat(answer.statusCode()).as(query).isEqualTo(400);
			assertProblem(answer, query.contains("first") ? "firstResult" : "maxResults");
		}
		assertThat(send("GET", "/engine-rest/task?firstResult=0&maxResults=5", CLERK, null).statusCode()).isEqualTo(200);
	}

	@Test
	void controlCharactersInAnyTextAreRefusedOnEveryPathAndNothingIsStored() throws Exception {
		long cards = cardCount();
		Map<String, Object> card = TestCards.card("township-labao");
		card.put("submitterContact", "138\u00070000001");
		assertProblem(send("POST", "/api/cards", CLERK, JSON.writeValueAsString(card)), "submitterContact");
		card.put("submitterContact", "13800000001");
		card.put("urgent", "true\u0000");
		assertProblem(send("POST", "/api/cards", CLERK, JSON.writeValueAsString(card)), "urgent");
		card.remove("urgent");

		Map<String, Object> variables = TestCards.restVariables(card);
		variables.put("content", Map.of("value", "Out.\u001b[2J", "type", "String"));
		String start = JSON.writeValueAsString(Map.of("variables", variables));
		assertProblem(send("POST", "/engine-rest/process-definition/key/InteractionCardProcess/start", CLERK, start),
				"variables/content/value");
		WebappSession tasklist = WebappSession.login(root(), CLERK, "demo", "tasklist");
		HttpResponse<String> form = tasklist
			.post("/camunda/api/engine/engine/default/process-definition/key/InteractionCardProcess/submit-form", start);
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.body()).contains("variables/content/value");
		assertThat(cardCount()).as("nothing stored").isEqualTo(cards);

		String task = acceptTask();
		String completion = JSON.writeValueAsString(Map.of("variables", Map.of("acceptance",
				Map.of("value", "REJECT", "type", "String"), "rejectReason", Map.of("value", "原因\u0000", "type", "String"))));
		assertProblem(send("POST", "/engine-rest/task/" + task + "/complete", CLERK, completion),
				"variables/rejectReason/value");
		assertThat(this.engine.getTaskService().createTaskQuery().taskId(task).count()).as("still open").isEqualTo(1);
	}

	@Test
	void aCompletionWithoutItsRequiredFieldIsA400NamingTheFieldOnBothEngineApis() throws Exception {
		String task = acceptTask();
		String noReason = JSON.writeValueAsString(
				Map.of("variables", Map.of("acceptance", Map.of("value", "REJECT", "type", "String"))));

		HttpResponse<String> rest = send("POST", "/engine-rest/task/" + task + "/complete", CLERK, noReason);
		assertThat(rest.statusCode()).isEqualTo(400);
		assertProblem(rest, "rejectReason");

		HttpResponse<String> webapp = WebappSession.login(root(), CLERK, "demo", "tasklist")
			.post("/camunda/api/engine/engine/default/task/" + task + "/submit-form", noReason);
		assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);
		assertThat(webapp.body()).contains("rejectReason");
		assertThat(this.engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
	}

	@Test
	void theApiAndThePublicPagesCarryTheSecurityHeaders() throws Exception {
		for (String path : List.of("/api/public/status", "/api/public/commitments", "/api/cases/HD-2026-999999",
				"/api/notifications")) {
			HttpResponse<String> answer = send("GET", path, path.contains("public") ? null : CLERK, null);
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
			assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
			assertThat(answer.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
		}
	}

	@Test
	void userListsAreForAdministrators() throws Exception {
		for (String who : List.of(CLERK, "auditor", "county-platform-clerk")) {
			JsonNode users = JSON.readTree(send("GET", "/engine-rest/user", who, null).body());
			assertThat(users).as(who).hasSize(1);
			assertThat(users.get(0).get("id").asText()).isEqualTo(who);
		}
		assertThat(JSON.readTree(send("GET", "/engine-rest/user", "admin", null).body()).size()).isGreaterThan(10);
		assertThat(JSON.readTree(send("GET", "/engine-rest/user", "security-admin", null).body()).size()).isGreaterThan(10);
	}

	@Test
	void statisticsAndReportsAreForCockpitsUsers() throws Exception {
		for (String path : List.of("/engine-rest/process-definition/statistics",
				"/engine-rest/process-definition/key/InteractionCardProcess/statistics",
				"/engine-rest/history/process-instance/report?reportType=duration&periodUnit=month")) {
			assertThat(send("GET", path, CLERK, null).statusCode()).as(CLERK + " " + path).isEqualTo(403);
			assertThat(send("GET", path, "auditor", null).statusCode()).as("auditor " + path).isEqualTo(200);
		}
		String count = "/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count";
		assertThat(WebappSession.login(root(), CLERK, "demo", "tasklist").get(count).statusCode()).isEqualTo(403);
		assertThat(WebappSession.login(root(), "auditor", "demo", "cockpit").get(count).statusCode()).isEqualTo(200);
		assertThat(WebappSession.login(root(), CLERK, "demo", "tasklist")
			.get("/camunda/api/engine/engine/default/process-definition/statistics")
			.statusCode()).isEqualTo(403);
	}

	private String acceptTask() {
		CaseIntake.Filed filed = TestProcesses.as(this.engine.getIdentityService(), CLERK,
				() -> this.intake.file(TestCards.card("township-labao")));
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(filed.processInstanceId())
			.singleResult()
			.getId();
	}

	private long cardCount() {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey("InteractionCardProcess")
			.count();
	}

	private static void assertProblem(HttpResponse<String> answer, String field) throws Exception {
		assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.get("status").asInt()).isEqualTo(answer.statusCode());
		assertThat(problem.get("field").asText()).isEqualTo(field);
		assertThat(problem.get("detail").asText()).isNotBlank();
	}

	private HttpResponse<String> send(String method, String path, String user, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String root() {
		return "http://localhost:" + this.port;
	}

}
