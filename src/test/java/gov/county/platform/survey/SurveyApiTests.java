package gov.county.platform.survey;

import static org.assertj.core.api.Assertions.assertThat;

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

}
