package gov.county.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestCards;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.support.WebappSession;
import gov.county.platform.card.CardIntake;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;

/**
 * A clerk of township-labao tries to open an instance inside township-baipeng's card, from every
 * start path: the engine REST API with start instructions, a chosen business key, skipped listeners,
 * extra variables, messages and signals, and Tasklist's start form through the webapps' engine API.
 * Each try is refused with a 4xx and leaves the other unit's case as it was.
 */
@PlatformIntegrationTest
class StartGuardTests {

	static final String CLERK = "township-labao-clerk";

	static final String START = "/engine-rest/process-definition/key/InteractionCardProcess/start";

	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	LedgerService ledger;

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	private String victim;

	private String victimInstance;

	@BeforeEach
	void aCardOfAnotherTownship() {
		CaseIntake.Filed filed = TestProcesses.as(this.engine.getIdentityService(), "township-baipeng-clerk",
				() -> this.intake.file(card("township-baipeng")));
		this.victim = filed.caseNo();
		this.victimInstance = filed.processInstanceId();
	}

	@Test
	void aStartAtAStepUnderAnotherUnitsCaseNumberIsRefused() throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("businessKey", this.victim);
		body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_AcceptCard")));
		body.put("variables", variables(card("township-labao")));

		ResponseEntity<String> answer = asClerk().postForEntity(START, body, String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(answer.getBody()).contains("startInstructions");
		assertUntouched();
		assertThat(asClerk().getForEntity("/api/cases/" + this.victim, String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aChosenBusinessKeyIsRefused() {
		Map<String, Object> body = Map.of("businessKey", this.victim, "variables", variables(card("township-labao")));

		ResponseEntity<String> answer = asClerk().postForEntity(START, body, String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(answer.getBody()).contains("business key").contains(this.victim);
		assertUntouched();
	}

	@Test
	void skippingListenersOrMappingsIsRefused() {
		for (String option : List.of("skipCustomListeners", "skipIoMappings")) {
			Map<String, Object> atStep = Map.of(option, true, "variables", variables(card("township-labao")),
					"startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_HandleCard")));
			Map<String, Object> atStart = Map.of(option, true, "variables", variables(card("township-labao")));
			for (Map<String, Object> body : List.of(atStep, atStart)) {
				ResponseEntity<String> answer = asClerk().postForEntity(START, body, String.class);
				assertThat(answer.getStatusCode().is4xxClientError()).as(option + " " + answer.getBody()).isTrue();
			}
		}
		assertUntouched();
	}

	@Test
	void variablesTheProcessDoesNotDeclareAreRefused() {
		long before = cardCount();
		Map<String, Object> card = new LinkedHashMap<>(card("township-labao"));
		card.put("dueAt", "2099-12-31T23:59:59+08:00");
		card.put("outcome", "SATISFIED");

		ResponseEntity<String> answer = asClerk().postForEntity(START, Map.of("variables", variables(card)),
				String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(answer.getBody()).contains("dueAt").contains("outcome");
		assertThat(cardCount()).isEqualTo(before);
	}

	@Test
	void messagesAndSignalsDoNotStartInstancesForAClerk() {
		for (var call : List.of(Map.entry("/engine-rest/message", Map.of("messageName", "Message_AnyStart",
				"businessKey", this.victim)), Map.entry("/engine-rest/signal", Map.of("name", "Signal_AnyStart")))) {
			ResponseEntity<String> answer = asClerk().postForEntity(call.getKey(), call.getValue(), String.class);
			assertThat(answer.getStatusCode()).as(call.getKey()).isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertUntouched();
	}

	@Test
	void tasklistsStartFormCannotChooseTheKeyOrAddVariablesButFilesACard() throws Exception {
		WebappSession tasklist = WebappSession.login("http://localhost:" + this.port, CLERK, "demo", "tasklist");
		String submit = "/camunda/api/engine/engine/default/process-definition/key/InteractionCardProcess/submit-form";

		var withKey = tasklist.post(submit,
				JSON.writeValueAsString(Map.of("businessKey", this.victim, "variables", variables(card("township-labao")))));
		assertThat(withKey.statusCode()).as(withKey.body()).isEqualTo(403);

		Map<String, Object> extra = new LinkedHashMap<>(card("township-labao"));
		extra.put("reprimandAt", "2099-12-31T23:59:59+08:00");
		var withExtra = tasklist.post(submit, JSON.writeValueAsString(Map.of("variables", variables(extra))));
		assertThat(withExtra.statusCode()).as(withExtra.body()).isEqualTo(403);
		assertUntouched();

		var filed = tasklist.post(submit, JSON.writeValueAsString(Map.of("variables", variables(card("township-labao")))));
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(200);
		String instanceId = JSON.readTree(filed.body()).get("id").asText();
		String caseNo = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(instanceId)
			.singleResult()
			.getBusinessKey();
		assertThat(caseNo).startsWith("HD-").isNotEqualTo(this.victim);
		assertThat(this.ledger.caseHistory(caseNo).get(0).actor()).isEqualTo(CLERK);
	}

	@Test
	void aClerksOwnStartThroughTheEngineApiStillFilesACard() throws Exception {
		ResponseEntity<String> answer = asClerk().postForEntity(START, Map.of("variables", variables(card("township-labao"))),
				String.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode started = JSON.readTree(answer.getBody());
		String caseNo = started.get("businessKey").asText();
		assertThat(caseNo).startsWith("HD-");
		assertThat(this.ledger.caseHistory(caseNo)).extracting(LedgerEntry::event).containsExactly("FILED");
		assertThat(this.ledger.owner(caseNo)).contains(started.get("id").asText());
	}

	@Test
	void anInstanceAnAdminForgedUnderACaseNumberCannotWriteToThatCase() throws Exception {
		Map<String, Object> forgedVariables = new LinkedHashMap<>(card("township-baipeng"));
		forgedVariables.put("acceptRemindAt", "2099-12-31T23:59:59+08:00");
		Map<String, Object> forged = Map.of("businessKey", this.victim, "variables", variables(forgedVariables),
				"startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_AcceptCard")));
		ResponseEntity<String> started = this.rest.withBasicAuth("admin", "demo").postForEntity(START, forged,
				String.class);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String forgedInstance = JSON.readTree(started.getBody()).get("id").asText();
		String task = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(forgedInstance)
			.singleResult()
			.getId();
		List<LedgerEntry> before = this.ledger.caseHistory(this.victim);

		ResponseEntity<String> rejected = this.rest.withBasicAuth("admin", "demo")
			.postForEntity("/engine-rest/task/" + task + "/complete", Map.of("variables",
					variables(Map.of("acceptance", "REJECT", "rejectReason", "伪造 forged"))), String.class);

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(rejected.getBody()).contains(this.victimInstance);
		assertThat(this.ledger.caseHistory(this.victim)).isEqualTo(before);
		Map<?, ?> view = this.rest.withBasicAuth("county-platform-clerk", "demo")
			.getForObject("/api/cases/" + this.victim, Map.class);
		assertThat(view.get("processInstanceId")).isEqualTo(this.victimInstance);
		this.engine.getRuntimeService().deleteProcessInstance(forgedInstance, "forged in a test");
	}

	private void assertUntouched() {
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(this.victim)
			.count()).isEqualTo(1);
		assertThat(this.ledger.caseHistory(this.victim)).extracting(LedgerEntry::event).containsExactly("FILED");
		assertThat(this.ledger.owner(this.victim)).contains(this.victimInstance);
	}

	private long cardCount() {
		return this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey("InteractionCardProcess")
			.count();
	}

	private TestRestTemplate asClerk() {
		return this.rest.withBasicAuth(CLERK, "demo");
	}

	static Map<String, Object> card(String receivingUnit) {
		return TestCards.card(receivingUnit);
	}

	static Map<String, Object> variables(Map<String, Object> values) {
		return TestCards.restVariables(values);
	}

}
