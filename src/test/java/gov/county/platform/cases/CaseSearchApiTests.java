package gov.county.platform.cases;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * {@code GET /api/cases}: every process's cases for the county offices and auditors, a unit's own
 * for its clerks; a case's completed tasks with who completed them; every look-up in the audit
 * trail. Over the demo profile's cases (the survey has started rectifications; one card rejected).
 */
@PlatformIntegrationTest
class CaseSearchApiTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProcessEngine engine;

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> cases(String user, String query) {
		ResponseEntity<Map> page = this.rest.withBasicAuth(user, "demo").getForEntity("/api/cases" + query, Map.class);
		assertThat(page.getStatusCode()).as(query).isEqualTo(HttpStatus.OK);
		return (List<Map<String, Object>>) page.getBody().get("cases");
	}

	@Test
	void auditorsFindEveryProcesssCasesAndAUnitOnlyItsOwn() {
		List<Map<String, Object>> all = cases("auditor", "?size=200");
		assertThat(all).extracting(c -> c.get("process"))
			.contains("InteractionCardProcess", "RectificationProcess", "SatisfactionSurveyProcess");

		List<Map<String, Object>> commerce = cases("dept-commerce-clerk", "?size=200");
		assertThat(commerce).isNotEmpty()
			.allSatisfy(c -> assertThat(this.rest.withBasicAuth("dept-commerce-clerk", "demo")
				.getForEntity("/api/cases/" + c.get("caseNo"), Map.class)
				.getStatusCode()).as("a case in the list opens for the clerk").isEqualTo(HttpStatus.OK));
		assertThat(commerce.size()).isLessThan(all.size());

		List<Map<String, Object>> rectifications = cases("supervisor", "?process=RectificationProcess&size=200");
		assertThat(rectifications).isNotEmpty()
			.allSatisfy(c -> assertThat(c).containsEntry("process", "RectificationProcess"));
		List<Map<String, Object>> rejected = cases("auditor", "?event=REJECTED&unit=dept-commerce");
		assertThat(rejected).extracting(c -> c.get("subject")).contains("邻里纠纷 A quarrel between neighbours");
		// the rejection is told to the submitter by a job; run it, as the job executor would, and the card is closed
		String rejectedCase = (String) rejected.get(0).get("caseNo");
		String instance = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(rejectedCase)
			.singleResult()
			.getId();
		this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(instance)
			.list()
			.forEach(job -> this.engine.getManagementService().executeJob(job.getId()));
		assertThat(cases("auditor", "?status=CLOSED&process=InteractionCardProcess")).extracting(c -> c.get("caseNo"))
			.contains(rejectedCase);
		assertThat(cases("auditor", "?status=OPEN")).extracting(c -> c.get("caseNo")).doesNotContain(rejectedCase)
			.isNotEmpty();
	}

	@Test
	void pagesAreNewestFirstAndBadParametersAreNamed() {
		Map<?, ?> page = this.rest.withBasicAuth("auditor", "demo").getForObject("/api/cases?size=2&page=0", Map.class);
		assertThat((List<?>) page.get("cases")).hasSize(2);
		assertThat(((Number) page.get("total")).longValue()).isGreaterThan(2);

		ResponseEntity<Map> bad = this.rest.withBasicAuth("auditor", "demo").getForEntity("/api/cases?status=LATE", Map.class);
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).containsEntry("field", "status");
		assertThat(this.rest.withBasicAuth("auditor", "demo").getForEntity("/api/cases?from=yesterday", Map.class)
			.getBody()).containsEntry("field", "from");
	}

	@Test
	void aBrowserDownloadsTheListAsCsvThatASpreadsheetOpensInChinese() {
		ResponseEntity<String> csv = this.rest.withBasicAuth("auditor", "demo")
			.getForEntity("/api/cases?format=csv&process=InteractionCardProcess", String.class);
		assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
		assertThat(csv.getBody()).startsWith("\ufeff案件编号 case,").contains("HD-2026-").doesNotContain("ZG-2026-");

		HttpHeaders accept = new HttpHeaders();
		accept.setAccept(List.of(MediaType.parseMediaType("text/csv")));
		ResponseEntity<String> asked = this.rest.withBasicAuth("dept-commerce-clerk", "demo")
			.exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(accept), String.class);
		assertThat(asked.getBody()).doesNotContain("township-labao");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCaseShowsWhoCompletedEachTaskAndTheLookUpIsRecorded() {
		String answered = (String) cases("auditor", "?event=HANDLED&unit=dept-civil-affairs&process=InteractionCardProcess").get(0).get("caseNo");

		Map<String, Object> view = this.rest.withBasicAuth("auditor", "demo").getForObject("/api/cases/" + answered,
				Map.class);
		assertThat((List<Map<String, Object>>) view.get("completedTasks"))
			.extracting(t -> t.get("taskDefinitionKey"), t -> t.get("completedBy"))
			.contains(org.assertj.core.groups.Tuple.tuple("Task_AcceptCard", "dept-civil-affairs-clerk"),
					org.assertj.core.groups.Tuple.tuple("Task_HandleCard", "dept-civil-affairs-clerk"));
		assertThat((List<Map<String, Object>>) view.get("completedTasks")).allSatisfy(t -> assertThat(t)
			.containsKeys("id", "completed"));

		Map<String, Object> trail = this.rest.withBasicAuth("audit-admin", "demo")
			.getForObject("/api/audit?event=CASE_VIEWED&actor=auditor&subject=" + answered, Map.class);
		assertThat((List<Map<String, Object>>) trail.get("entries")).isNotEmpty()
			.first()
			.satisfies(entry -> assertThat(entry).containsEntry("subject", answered));
	}

}
