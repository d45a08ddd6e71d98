package gov.county.platform.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.support.PlatformIntegrationTest;

/** {@code POST /api/cards}, {@code GET /api/cases/{caseNo}} and the engine REST API as demo users use them. */
@PlatformIntegrationTest
class CardApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProcessEngine engine;

	private ResponseEntity<Map> post(String user, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(user, "demo").postForEntity("/api/cards", new HttpEntity<>(body, headers), Map.class);
	}

	@Test
	void filingACardAnswers201WithItsCaseNumber() {
		ResponseEntity<Map> filed = post("township-labao-clerk", CardScenario.card());

		assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) filed.getBody().get("caseNo");
		assertThat(caseNo).matches("HD-\\d{4}-\\d{6}");
		assertThat(filed.getBody()).containsKey("processInstanceId");
		assertThat(filed.getHeaders().getLocation().toString()).endsWith("/api/cases/" + caseNo);

		Map<String, Object> view = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.getForObject("/api/cases/" + caseNo, Map.class);
		assertThat(view).containsEntry("state", "ACTIVE").containsEntry("process", "InteractionCardProcess");
		assertThat((List<Map<String, Object>>) view.get("currentTasks")).singleElement()
			.satisfies(task -> assertThat(task).containsEntry("taskDefinitionKey", "Task_AcceptCard")
				.containsEntry("candidateGroups", List.of("township-labao")));
		assertThat((List<Map<String, Object>>) view.get("ledger")).extracting(e -> e.get("event")).containsExactly("FILED");
		assertThat(this.rest.withBasicAuth("dept-housing-clerk", "demo").getForEntity("/api/cases/" + caseNo, Map.class)
			.getStatusCode()).as("another unit").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.rest.withBasicAuth("auditor", "demo").getForEntity("/api/cases/" + caseNo, Map.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void refusedCardsNameTheFieldAndLeaveNoTrace() {
		int instances = instances();
		long ledgerRows = ledgerRows();
		Object[][] refusals = { { "talk", "GOSSIP" }, { "kind", null }, { "subject", "" }, { "subject", "x".repeat(201) },
				{ "content", 42 }, { "receivingUnit", "township-nowhere" }, { "receivingUnit", "county-leaders" },
				{ "channel", "PIGEON" }, { "urgent", "maybe" }, { "submitterName", "be\u0007ll" },
				{ "priority", "high" } };
		for (Object[] refusal : refusals) {
			Map<String, Object> card = new HashMap<>(CardScenario.card());
			card.put((String) refusal[0], refusal[1]);
			ResponseEntity<Map> answer = post("township-labao-clerk", card);
			assertThat(answer.getStatusCode()).as(refusal[0] + "=" + refusal[1]).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getBody()).as(refusal[0] + "=" + refusal[1]).containsEntry("field", refusal[0]);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<Map> broken = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.postForEntity("/api/cards", new HttpEntity<>("{\"talk\": ", headers), Map.class);
		assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(broken.getBody()).containsEntry("field", "body");

		assertThat(instances()).isEqualTo(instances);
		assertThat(ledgerRows()).isEqualTo(ledgerRows);
	}

	@Test
	void onlyThoseWhoMayStartCardsCanFileThem() {
		assertThat(post("auditor", CardScenario.card()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.postForEntity("/api/cards", CardScenario.card(), Map.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void clerksWorkTheirCardThroughTheEngineRestApiAsTasklistDoes() {
		String caseNo = (String) post("township-labao-clerk", CardScenario.card()).getBody().get("caseNo");
		List<Map<String, Object>> tasks = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseNo, List.class);
		String taskId = (String) tasks.get(0).get("id");

		Map<String, Object> form = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.getForObject("/engine-rest/task/" + taskId + "/deployed-form", Map.class);
		assertThat(form).containsEntry("id", "accept-card");

		assertThat(this.rest.withBasicAuth("township-baipeng-clerk", "demo")
			.getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseNo, List.class)).isEmpty();
		Map<String, Object> accept = Map.of("variables",
				Map.of("acceptance", Map.of("value", "ACCEPT"), "link", Map.of("value", "SERVICE_WINDOWS")));
		assertThat(this.rest.withBasicAuth("township-baipeng-clerk", "demo")
			.postForEntity("/engine-rest/task/" + taskId + "/complete", accept, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("township-labao-clerk", "demo")
			.postForEntity("/engine-rest/task/" + taskId + "/complete", accept, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		String dispatchId = (String) ((Map) this.rest.withBasicAuth("township-labao-clerk", "demo")
			.getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseNo, List.class)
			.get(0)).get("id");
		Map<String, Object> dispatch = Map.of("variables",
				Map.of("leadUnit", Map.of("value", "township-labao"), "handUp", Map.of("value", false), "coUnits",
						Map.of("value", "[\"dept-housing\"]", "type", "Json")));
		assertThat(this.rest.withBasicAuth("township-labao-clerk", "demo")
			.postForEntity("/engine-rest/task/" + dispatchId + "/complete", dispatch, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		Map<String, Object> view = this.rest.withBasicAuth("county-platform-clerk", "demo")
			.getForObject("/api/cases/" + caseNo, Map.class);
		assertThat((List<Map<String, Object>>) view.get("currentTasks")).singleElement()
			.satisfies(task -> assertThat(task).containsEntry("taskDefinitionKey", "Task_CoordinateCard"));
		assertThat((Map<String, Object>) view.get("deadlines")).containsKeys("dueAt", "warnAt", "reprimandAt");
	}

	/**
	 * A lead unit's clerk, through the engine REST API, completes the handling task with an extension
	 * and sends the case's clock along, forged: deadline in 2000, no extension granted yet, a time limit
	 * of 90 days. The rule reads the case's state, not these: the extension is asked before the real
	 * deadline, the county platform grants it from the real one, and the forged values are not kept.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void forgedClockVariablesInACompletionDoNotMoveTheCasesDeadline() {
		String caseNo = (String) post("township-labao-clerk", CardScenario.card()).getBody().get("caseNo");
		complete("township-labao-clerk", caseNo, Map.of("acceptance", Map.of("value", "ACCEPT"), "link",
				Map.of("value", "SERVICE_WINDOWS")));
		complete("township-labao-clerk", caseNo,
				Map.of("leadUnit", Map.of("value", "dept-housing"), "handUp", Map.of("value", false)));
		Map<String, Object> before = (Map<String, Object>) this.rest.withBasicAuth("auditor", "demo")
			.getForObject("/api/cases/" + caseNo, Map.class)
			.get("deadlines");

		complete("dept-housing-clerk", caseNo, Map.of("handling", Map.of("value", "EXTEND"), "extensionDays",
				Map.of("value", 2, "type", "Integer"), "extensionReason", Map.of("value", "现场勘查 Site survey"), "dueAt",
				Map.of("value", "2000-01-01T23:59:59+08:00"), "extendedDays", Map.of("value", -50, "type", "Integer"),
				"timeLimitDays", Map.of("value", 90, "type", "Integer")));
		Map<String, Object> asked = (Map<String, Object>) this.rest.withBasicAuth("auditor", "demo")
			.getForObject("/api/cases/" + caseNo, Map.class)
			.get("deadlines");
		assertThat(asked.get("dueAt")).as("the forged deadline is not kept").isEqualTo(before.get("dueAt"));
		complete("county-platform-clerk", caseNo, Map.of("extensionApproved", Map.of("value", true)));

		Map<String, Object> view = this.rest.withBasicAuth("auditor", "demo").getForObject("/api/cases/" + caseNo, Map.class);
		assertThat(((Map<String, Object>) view.get("deadlines")).get("dueAt")).as("extended from the real deadline")
			.isNotEqualTo(before.get("dueAt"))
			.isNotEqualTo("2000-01-01T23:59:59+08:00");
		Integer extended = this.jdbc.queryForObject("SELECT extended_days FROM case_state WHERE case_no = ?", Integer.class,
				caseNo);
		Integer limit = this.jdbc.queryForObject("SELECT time_limit_days FROM case_state WHERE case_no = ?", Integer.class,
				caseNo);
		assertThat(extended).as("working days granted").isEqualTo(2);
		assertThat(limit).as("the decision's time limit, not the forged one").isEqualTo(5);
	}

	private void complete(String user, String caseNo, Map<String, Object> variables) {
		String taskId = (String) ((Map<?, ?>) this.rest.withBasicAuth(user, "demo")
			.getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseNo, List.class)
			.get(0)).get("id");
		assertThat(this.rest.withBasicAuth(user, "demo")
			.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables), String.class)
			.getStatusCode()).as(user + " completes " + taskId).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void tasklistStartFormCardGetsANumberAndIsChecked() {
		String definitionId = this.engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey("InteractionCardProcess")
			.latestVersion()
			.singleResult()
			.getId();
		Map<String, Object> startForm = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.getForObject("/engine-rest/process-definition/" + definitionId + "/deployed-start-form", Map.class);
		assertThat(startForm).containsEntry("id", "card-start");
		assertThat(startForm.toString()).as("units from the organisation chart").contains("拉包乡 (township-labao)");

		Map<String, Object> variables = new HashMap<>();
		CardScenario.card("channel", "CARD").forEach((k, v) -> variables.put(k, Map.of("value", v)));
		ResponseEntity<Map> started = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.postForEntity("/engine-rest/process-definition/" + definitionId + "/submit-form",
					Map.of("variables", variables), Map.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((String) started.getBody().get("businessKey")).matches("HD-\\d{4}-\\d{6}");

		variables.put("receivingUnit", Map.of("value", "township-nowhere"));
		ResponseEntity<Map> refused = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.postForEntity("/engine-rest/process-definition/" + definitionId + "/submit-form",
					Map.of("variables", variables), Map.class);
		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(refused.getBody().get("message").toString()).contains("receivingUnit");
	}

	@Test
	void demoProfileHasCardsInEveryStateIncludingAnOverdueOne() {
		var tasks = this.engine.getTaskService();
		org.assertj.core.api.Assertions.assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_AcceptCard").count())
			.isPositive();
		org.assertj.core.api.Assertions.assertThat(tasks.createTaskQuery().taskDefinitionKey("Task_CoordinateCard").count())
			.isPositive();
		org.assertj.core.api.Assertions.assertThat(tasks.createTaskQuery()
			.taskDefinitionKey("Task_HandleCard")
			.dueBefore(new java.util.Date())
			.count()).as("an overdue card").isPositive();
		// the rejection letter is sent asynchronously; the tests' engine has no job executor
		var management = this.engine.getManagementService();
		management.createJobQuery()
			.activityId("Task_NotifyRejection")
			.list()
			.forEach(job -> management.executeJob(job.getId()));
		org.assertj.core.api.Assertions.assertThat(this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey("InteractionCardProcess")
			.finished()
			.count()).as("a closed (rejected) card").isPositive();
	}

	private int instances() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Integer.class);
	}

	private long ledgerRows() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class);
	}

}
