package gov.county.platform.rectification;

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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.calendar.WorkingDayCalendar;

/** {@code POST /api/rectifications} and the public list of commitments, as people use them. */
@PlatformIntegrationTest
class RectificationApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProcessEngine engine;

	@Autowired
	WorkingDayCalendar calendar;

	private ResponseEntity<Map> post(String user, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return this.rest.withBasicAuth(user, "demo")
			.postForEntity("/api/rectifications", new HttpEntity<>(body, headers), Map.class);
	}

	@Test
	void openingARectificationAnswers201AndTheCaseShowsThePlanTask() {
		ResponseEntity<Map> opened = post("supervisor", RectificationScenario.rectification("unit", "dept-commerce"));

		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) opened.getBody().get("caseNo");
		assertThat(caseNo).matches("ZG-\\d{4}-\\d{6}");
		assertThat(opened.getHeaders().getLocation().toString()).endsWith("/api/cases/" + caseNo);
		Map<String, Object> view = this.rest.withBasicAuth("dept-commerce-clerk", "demo")
			.getForObject("/api/cases/" + caseNo, Map.class);
		assertThat(view).containsEntry("process", "RectificationProcess").containsEntry("state", "ACTIVE");
		assertThat((List<Map<String, Object>>) view.get("currentTasks")).singleElement()
			.satisfies(task -> assertThat(task).containsEntry("taskDefinitionKey", "Task_DraftPlan")
				.containsEntry("candidateGroups", List.of("dept-commerce")));
		assertThat((Map<String, Object>) view.get("deadlines")).containsKeys("dueAt", "warnAt", "reprimandAt");
		assertThat(this.rest.withBasicAuth("township-labao-clerk", "demo").getForEntity("/api/cases/" + caseNo, Map.class)
			.getStatusCode()).as("another unit").isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusalsNameTheField() {
		Object[][] refusals = { { "unit", "dept-nowhere" }, { "unit", "county-platform" }, { "source", "RUMOUR" },
				{ "title", "" }, { "problems", null }, { "originCaseNo", "not a number" }, { "priority", "high" } };
		for (Object[] refusal : refusals) {
			Map<String, Object> body = new HashMap<>(RectificationScenario.rectification());
			body.put((String) refusal[0], refusal[1]);
			ResponseEntity<Map> answer = post("supervisor", body);
			assertThat(answer.getStatusCode()).as(refusal[0] + "=" + refusal[1]).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(answer.getBody()).as(refusal[0] + "=" + refusal[1]).containsEntry("field", refusal[0]);
		}
		ResponseEntity<Map> otherUnit = post("township-labao-clerk", RectificationScenario.rectification());
		assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(otherUnit.getBody()).containsEntry("field", "unit");
	}

	@Test
	void thePublicListShowsCommittedPlansWithoutPersonalDataAndEscapesTextInHtml() {
		String caseNo = (String) post("supervisor", RectificationScenario.rectification("unit", "dept-civil-affairs",
				"title", "<script>alert('x')</script> 低保审核慢 Slow benefit reviews")).getBody().get("caseNo");
		String taskId = this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
			.singleResult().getId();
		TestProcesses.as(this.engine.getIdentityService(), "dept-civil-affairs-clerk",
				() -> this.engine.getTaskService().complete(taskId, Map.of("measures", org.camunda.spin.Spin.JSON(List.of(
						RectificationScenario.measure("压缩审核时限 Shorten reviews to 10 days", "dept-civil-affairs-head",
								RectificationScenario.workingDay(this.calendar, 12), "审核不超过10天 At most 10 days"))))));
		assertThat(publicList()).noneMatch(c -> caseNo.equals(c.get("caseNo")));
		String approve = this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo)
			.singleResult().getId();
		TestProcesses.as(this.engine.getIdentityService(), "county-platform-clerk",
				() -> this.engine.getTaskService().complete(approve, Map.of("planApproved", true)));

		Map<String, Object> commitment = publicList().stream().filter(c -> caseNo.equals(c.get("caseNo"))).findFirst()
			.orElseThrow();
		assertThat(commitment).containsEntry("unitName", "县民政局").containsEntry("status", "IN_PROGRESS")
			.containsEntry("progress", 0);
		assertThat((List<Map<String, Object>>) commitment.get("measures")).singleElement()
			.satisfies(m -> assertThat(m).containsEntry("measure", "压缩审核时限 Shorten reviews to 10 days")
				.containsEntry("deadline", RectificationScenario.workingDay(this.calendar, 12).toString())
				.containsEntry("done", false));
		String json = this.rest.getForObject("/api/public/commitments", String.class);
		assertThat(json).as("no personal data").doesNotContain("dept-civil-affairs-head").doesNotContain("responsible");

		HttpHeaders browser = new HttpHeaders();
		browser.set(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		ResponseEntity<String> page = this.rest.exchange("/api/public/commitments", HttpMethod.GET,
				new HttpEntity<>(browser), String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getBody()).contains("县民政局").contains("Shorten reviews to 10 days")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.doesNotContain("<script>")
			.doesNotContain("dept-civil-affairs-head");
	}

	@Test
	void theDemoProfileShowsARectificationInProgressAndAFinishedSurvey() {
		assertThat(publicList()).anySatisfy(c -> {
			assertThat(c).containsEntry("unit", "dept-market-regulation").containsEntry("status", "IN_PROGRESS")
				.containsEntry("progress", 50);
			assertThat((List<Map<String, Object>>) c.get("measures")).extracting(m -> m.get("done"))
				.containsExactly(true, false);
		});
		assertThat(this.engine.getHistoryService().createHistoricProcessInstanceQuery()
			.processDefinitionKey("SatisfactionSurveyProcess").completed().count()).isPositive();
	}

	private List<Map<String, Object>> publicList() {
		ResponseEntity<Map> list = this.rest.getForEntity("/api/public/commitments", Map.class);
		assertThat(list.getStatusCode()).as("open without a login").isEqualTo(HttpStatus.OK);
		return (List<Map<String, Object>>) list.getBody().get("commitments");
	}

}
