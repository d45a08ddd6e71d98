package gov.county.platform.survey;

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

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.notification.NotificationService;

/** A survey started and its results imported as CSV through the API, as the county platform does it. */
@PlatformIntegrationTest
class SurveyApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProcessEngine engine;

	@Autowired
	NotificationService notifications;

	private ResponseEntity<Map> startSurvey(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(user, "demo").postForEntity("/api/surveys",
				new HttpEntity<>(Map.of("surveyTitle", "2026年下半年作风建设满意度测评"), headers), Map.class);
	}

	private ResponseEntity<Map> importCsv(String user, String caseNo, String csv) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
		return this.rest.withBasicAuth(user, "demo").postForEntity("/api/surveys/" + caseNo + "/results",
				new HttpEntity<>(csv, headers), Map.class);
	}

	@Test
	void importedResultsStartARectificationForEachLastRankedUnit() {
		ResponseEntity<Map> started = startSurvey("county-platform-clerk");
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) started.getBody().get("caseNo");
		assertThat(caseNo).matches("MY-\\d{4}-\\d{2}");

		ResponseEntity<Map> ranked = importCsv("county-platform-clerk", caseNo, """
				unit,score
				dept-housing,92
				dept-commerce,71.5
				"dept-civil-affairs",88
				township-labao,65
				dept-youth-league,80
				dept-womens-federation,77
				dept-public-security,60
				""");

		assertThat(ranked.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat((List<String>) ranked.getBody().get("lastRankedUnits"))
			.containsExactlyInAnyOrder("township-labao", "dept-commerce", "dept-womens-federation");
		List<Map<String, Object>> rectifications = (List<Map<String, Object>>) ranked.getBody().get("rectifications");
		assertThat(rectifications).extracting(r -> r.get("unit"))
			.containsExactlyInAnyOrder("township-labao", "dept-commerce", "dept-womens-federation");
		for (Map<String, Object> rectification : rectifications) {
			String zg = (String) rectification.get("caseNo");
			assertThat(zg).matches("ZG-\\d{4}-\\d{6}");
			String unit = (String) rectification.get("unit");
			Map<String, Object> view = this.rest.withBasicAuth(unit + "-clerk", "demo").getForObject("/api/cases/" + zg,
					Map.class);
			assertThat(view).containsEntry("process", "RectificationProcess");
			assertThat((List<Map<String, Object>>) view.get("currentTasks")).extracting(t -> t.get("taskDefinitionKey"))
				.containsExactlyInAnyOrder("Task_DraftPlan", "Task_AdmonishmentTalk");
			assertThat((List<Map<String, Object>>) view.get("ledger")).first()
				.satisfies(e -> assertThat((String) e.get("detail")).startsWith("SURVEY from " + caseNo));
		}
		assertThat(this.notifications.ofCase(caseNo)).as("the vertical unit's result to its supervising department")
			.anySatisfy(n -> assertThat(n.recipient()).isEqualTo("survey@gaj.city.invalid"));
		assertThat(importCsv("county-platform-clerk", caseNo, "dept-housing,90").getStatusCode())
			.as("results are entered once").isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void onlyTheCountyPlatformStartsSurveysAndEntersResultsAndBadLinesAreNamed() {
		assertThat(startSurvey("township-labao-clerk").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		String caseNo = (String) startSurvey("county-platform-clerk").getBody().get("caseNo");
		assertThat(importCsv("township-labao-clerk", caseNo, "township-labao,100").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		ResponseEntity<Map> badLine = importCsv("county-platform-clerk", caseNo, "dept-housing,90\ndept-commerce 80\n");
		assertThat(badLine.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(badLine.getBody()).containsEntry("field", "results");
		assertThat((String) badLine.getBody().get("detail")).contains("line 2");

		ResponseEntity<Map> unknown = importCsv("county-platform-clerk", caseNo, "dept-housing,90\ndept-nowhere,80\n");
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody()).containsEntry("field", "results[1].unit");
		assertThat(this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(SurveyProcess.TASK_ENTER_RESULTS).count()).as("still waiting for valid results").isEqualTo(1);
	}

	private String resultsTask(String caseNo) {
		List<Map<String, Object>> tasks = this.rest.withBasicAuth("county-platform-clerk", "demo")
			.getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseNo + "&taskDefinitionKey="
					+ SurveyProcess.TASK_ENTER_RESULTS, List.class);
		return (String) tasks.get(0).get("id");
	}

	private ResponseEntity<Map> engineRest(String path, Map<String, Object> variables) {
		return this.rest.withBasicAuth("county-platform-clerk", "demo")
			.postForEntity("/engine-rest/task/" + path, Map.of("variables", variables), Map.class);
	}

	private List<Map<String, Object>> results(String caseNo) {
		Object results = this.engine.getHistoryService().createHistoricVariableInstanceQuery()
			.processInstanceId(this.engine.getHistoryService().createHistoricProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo).singleResult().getId())
			.variableName(SurveyProcess.RESULTS.name()).singleResult().getValue();
		return SurveyProcess.RESULTS.from(Map.of(SurveyProcess.RESULTS.name(), results));
	}

	/** Tasklist shows the deployed form with a field per unit and submits the scores as plain numbers. */
	@Test
	void scoresSubmittedAsTasklistsFormDoesAreCheckedUnitByUnitAndBecomeTheResults() {
		String caseNo = (String) startSurvey("county-platform-clerk").getBody().get("caseNo");
		String taskId = resultsTask(caseNo);
		Map<String, Object> form = this.rest.withBasicAuth("county-platform-clerk", "demo")
			.getForObject("/engine-rest/task/" + taskId + "/deployed-form", Map.class);
		assertThat(form).containsEntry("id", "enter-survey-results");
		assertThat(form.toString()).contains("key=score_township_labao", "label=拉包乡 (township-labao)",
				"key=score_dept_public_security").doesNotContain("dynamiclist", "key=score_county_platform");

		Map<String, Object> fields = new HashMap<>();
		fields.put("caseNo", Map.of("value", caseNo));
		fields.put("score_dept_housing", Map.of("value", 92));
		fields.put("score_dept_commerce", Map.of("value", 101));
		fields.put("score_township_labao", Map.of("value", 65.5));
		ResponseEntity<Map> refused = engineRest(taskId + "/submit-form", fields);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).containsEntry("field", "score_dept_commerce");
		assertThat((String) refused.getBody().get("message")).contains("县商务局 (dept-commerce)：得分须为 0 到 100 之间的数");

		fields.put("score_dept_commerce", Map.of("value", 71.5));
		assertThat(engineRest(taskId + "/submit-form", fields).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(results(caseNo)).containsExactly(Map.of("unit", "township-labao", "score", 65.5),
				Map.of("unit", "dept-housing", "score", 92.0), Map.of("unit", "dept-commerce", "score", 71.5));
	}

	/** An API client completes the task with the list as a Json variable, as before the form asked per unit. */
	@Test
	void resultsCompletedAsAJsonListThroughTheEngineRestApiAreRankedAsBefore() {
		String caseNo = (String) startSurvey("county-platform-clerk").getBody().get("caseNo");

		assertThat(engineRest(resultsTask(caseNo) + "/complete", Map.of("results", Map.of("type", "Json", "value",
				"[{\"unit\": \"dept-housing\", \"score\": 92}, {\"unit\": \"dept-commerce\", \"score\": \"71.5\"}]")))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(results(caseNo)).containsExactly(Map.of("unit", "dept-housing", "score", 92.0),
				Map.of("unit", "dept-commerce", "score", 71.5));
	}

}
