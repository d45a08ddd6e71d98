package gov.county.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import gov.county.platform.organization.TasklistFilters;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestCards;
import gov.county.platform.support.WebappSession;

/**
 * A clerk's day through the engine's REST API, as Tasklist sends it and as a crafted call would:
 * every task names its case and shows its subject, unit and deadline in the shared filters; a unit's
 * members unclaim and hand tasks on within their unit only, set dates without an error but cannot
 * push a deadline back or hand the task to another unit; the county offices see every unit's
 * overdue tasks in their county-wide filters, clerks do not.
 */
@PlatformIntegrationTest
class ClerksTasksTests {

	@Autowired
	TestRestTemplate rest;

	@Autowired
	ProcessEngine engine;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private String file(String unit) {
		ResponseEntity<Map> filed = this.rest.withBasicAuth(unit + "-clerk", "demo")
			.postForEntity("/api/cards", json(TestCards.card(unit)), Map.class);
		assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) filed.getBody().get("caseNo");
	}

	private Task acceptTask(String caseNo) {
		return this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
	}

	private static HttpEntity<Object> json(Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		return new HttpEntity<>(body, headers);
	}

	private ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
		return this.rest.withBasicAuth(user, "demo").exchange("/engine-rest" + path, method, json(body), String.class);
	}

	@Test
	void everyTaskNamesItsCaseAndTheSharedFiltersShowItsSubjectUnitAndDeadline() {
		String caseNo = file("township-labao");
		Task task = acceptTask(caseNo);
		assertThat(task.getName()).isEqualTo("Accept card (受理) · " + caseNo);
		Map<String, Object> local = this.engine.getTaskService().getVariablesLocal(task.getId());
		String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(ZoneId.of("Asia/Shanghai"))
			.format(task.getDueDate().toInstant());
		assertThat(local).containsEntry("caseNo", caseNo)
			.containsEntry("caseSubject", TestCards.card("township-labao").get("subject"))
			.containsEntry("caseUnit", "拉包乡")
			.containsEntry("caseDeadline", due);

		Filter mine = this.engine.getFilterService().createFilterQuery().filterName(TasklistFilters.MY_UNIT).singleResult();
		assertThat(mine.getProperties().get("variables").toString()).contains("caseNo", "caseSubject", "caseUnit",
				"caseDeadline");
		HttpHeaders hal = new HttpHeaders();
		hal.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
		hal.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<String> page = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.exchange("/engine-rest/filter/" + mine.getId() + "/list?firstResult=0&maxResults=200", HttpMethod.POST,
					new HttpEntity<>(Map.of(), hal), String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("Accept card (受理) · " + caseNo).contains("\"caseUnit\"").contains("拉包乡");

		// searching by case number as Tasklist's search box first does: the task's name, "like"
		assertThat(this.engine.getTaskService().createTaskQuery().taskNameLike("%" + caseNo + "%").count()).isEqualTo(1);
	}

	@Test
	void aUnitsMembersUnclaimAndHandOnWithinTheirUnitOnly() {
		String caseNo = file("township-labao");
		String task = acceptTask(caseNo).getId();
		assertThat(call("township-labao-clerk", HttpMethod.POST, "/task/" + task + "/claim",
				Map.of("userId", "township-labao-clerk")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		Map<String, Object> nobody = new HashMap<>();
		nobody.put("userId", null);
		assertThat(call("township-labao-clerk", HttpMethod.POST, "/task/" + task + "/assignee", nobody).getStatusCode())
			.as("unclaim, as Tasklist does it").isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(acceptTask(caseNo).getAssignee()).isNull();

		assertThat(call("township-labao-clerk", HttpMethod.POST, "/task/" + task + "/assignee",
				Map.of("userId", "township-labao-head")).getStatusCode()).as("to a colleague of the unit")
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(acceptTask(caseNo).getAssignee()).isEqualTo("township-labao-head");

		ResponseEntity<String> outside = call("township-labao-clerk", HttpMethod.POST, "/task/" + task + "/assignee",
				Map.of("userId", "dept-housing-clerk"));
		assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(outside.getBody()).contains("任务只能交给本单位人员").contains("A task can be handed only to a member of its unit");
		assertThat(acceptTask(caseNo).getAssignee()).isEqualTo("township-labao-head");

		ResponseEntity<String> anotherUnit = call("township-labao-clerk", HttpMethod.POST,
				"/task/" + task + "/identity-links", Map.of("groupId", "dept-housing", "type", "candidate"));
		assertThat(anotherUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(anotherUnit.getBody()).contains("cannot be added or removed");
		assertThat(this.engine.getTaskService().getIdentityLinksForTask(task))
			.noneMatch(link -> "dept-housing".equals(link.getGroupId()));

		assertThat(call("dept-housing-clerk", HttpMethod.POST, "/task/" + task + "/assignee", nobody).getStatusCode())
			.as("another unit's clerk").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
	}

	@Test
	@SuppressWarnings("unchecked")
	void datesAreSetAsTasklistSendsThemButTheProcesssDeadlineIsNotPushedBack() throws Exception {
		String caseNo = file("township-labao");
		String task = acceptTask(caseNo).getId();
		Instant deadline = acceptTask(caseNo).getDueDate().toInstant();
		Map<String, Object> asRead = new com.fasterxml.jackson.databind.ObjectMapper()
			.readValue(call("township-labao-clerk", HttpMethod.GET, "/task/" + task, null).getBody(), Map.class);
		assertThat(asRead).containsKey("camundaFormRef");

		Map<String, Object> followUp = new HashMap<>(asRead);
		followUp.put("followUp", "2030-01-02T09:00:00.000+0800");
		assertThat(call("township-labao-clerk", HttpMethod.PUT, "/task/" + task, followUp).getStatusCode())
			.as("a follow-up date, the task sent back with its form reference").isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(acceptTask(caseNo).getFollowUpDate()).isNotNull();
		followUp.put("followUp", null);
		assertThat(call("township-labao-clerk", HttpMethod.PUT, "/task/" + task, followUp).getStatusCode())
			.as("cleared").isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(acceptTask(caseNo).getFollowUpDate()).isNull();

		Map<String, Object> later = new HashMap<>(followUp);
		later.put("due", "2099-01-01T00:00:00.000+0800");
		ResponseEntity<String> refused = call("township-labao-clerk", HttpMethod.PUT, "/task/" + task, later);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody()).contains("只能提前").contains("ask for an extension");
		Map<String, Object> cleared = new HashMap<>(followUp);
		cleared.put("due", null);
		assertThat(call("township-labao-clerk", HttpMethod.PUT, "/task/" + task, cleared).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(acceptTask(caseNo).getDueDate().toInstant()).isEqualTo(deadline);

		Map<String, Object> earlier = new HashMap<>(followUp);
		earlier.put("due", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
			.withZone(ZoneId.of("Asia/Shanghai"))
			.format(deadline.minusSeconds(3600)));
		assertThat(call("township-labao-clerk", HttpMethod.PUT, "/task/" + task, earlier).getStatusCode())
			.as("brought forward").isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.engine.getTaskService().getVariableLocal(task, "caseDeadline")).as("the list shows the new date")
			.isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
				.withZone(ZoneId.of("Asia/Shanghai"))
				.format(deadline.minusSeconds(3600)));
	}

	@Test
	void theCountyOfficesSeeEveryUnitsOverdueTasksAndClerksDoNot() {
		String overdueCase = file("dept-commerce");
		Task overdue = acceptTask(overdueCase);
		this.engine.getTaskService().setDueDate(overdue.getId(), java.util.Date.from(Instant.now().minusSeconds(86400)));

		Filter county = this.engine.getFilterService()
			.createFilterQuery()
			.filterName(TasklistFilters.COUNTY_OVERDUE)
			.singleResult();
		for (String office : List.of("supervisor", "county-platform-clerk", "leader")) {
			ResponseEntity<String> list = call(office, HttpMethod.GET, "/filter/" + county.getId() + "/list?maxResults=1000",
					null);
			assertThat(list.getStatusCode()).as(office).isEqualTo(HttpStatus.OK);
			assertThat(list.getBody()).as(office).contains(overdue.getId());
		}
		assertThat(call("township-labao-clerk", HttpMethod.GET, "/filter/" + county.getId() + "/list", null)
			.getStatusCode()).as("a clerk cannot use the county's filter").isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);

		// what Tasklist asks before offering claim and completion: the office reads, the unit works
		String work = "/camunda/api/tasklist/plugin/case-details/default/tasks/" + overdue.getId() + "/work";
		String root = "http://localhost:" + this.port;
		assertThat(WebappSession.login(root, "supervisor", "demo", "tasklist").get(work).body())
			.contains("\"mayWork\":false");
		assertThat(WebappSession.login(root, "dept-commerce-clerk", "demo", "tasklist").get(work).body())
			.contains("\"mayWork\":true");
		assertThat(WebappSession.login(root, "township-labao-clerk", "demo", "tasklist").get(work).statusCode())
			.as("another unit's clerk learns nothing of it").isEqualTo(404);

		Filter dueSoon = this.engine.getFilterService()
			.createFilterQuery()
			.filterName(TasklistFilters.COUNTY_DUE_TODAY)
			.singleResult();
		ResponseEntity<String> soon = call("supervisor", HttpMethod.GET, "/filter/" + dueSoon.getId() + "/list?maxResults=1000",
				null);
		assertThat(soon.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(soon.getBody()).doesNotContain(overdue.getId());
		Filter handedUp = this.engine.getFilterService()
			.createFilterQuery()
			.filterName(TasklistFilters.COUNTY_HANDED_UP)
			.singleResult();
		assertThat(call("supervisor", HttpMethod.GET, "/filter/" + handedUp.getId() + "/count", null).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

}
