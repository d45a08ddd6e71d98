package gov.county.platform.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.WebappSession;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.security.AuditTrail;

/**
 * A submitter's name and contact (PIPL) as the platform's users meet them: in full for the units
 * handling the card and the county offices, masked for auditors (unless they ask, which is
 * recorded) and administrators; never in the engine's variables or history, the ledger, or the
 * notices other people receive.
 */
@PlatformIntegrationTest
class SubmitterPrivacyTests {

	static final String NAME = "王小明";

	static final String PHONE = "13912345678";

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	LedgerService ledger;

	@Autowired
	NotificationService notifications;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	@Test
	void theEngineKeepsOnlyMaskedValuesInItsVariablesAndNoneInItsHistory() {
		CardScenario card = CardScenario.file(this.engine, this.intake, this.ledger,
				CardScenario.card("submitterName", NAME, "submitterContact", PHONE));

		assertThat(card.variable("submitterName")).isEqualTo("王**");
		assertThat(card.variable("submitterContact")).isEqualTo("139****5678");
		for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
			assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE TEXT_ LIKE ? OR TEXT_ LIKE ?",
					Integer.class, "%" + PHONE + "%", "%" + NAME + "%")).as(table).isZero();
		}
		String history = this.rest.withBasicAuth("auditor", "demo")
			.getForObject("/engine-rest/history/variable-instance?processInstanceId=" + card.instance.getId(), String.class);
		assertThat(history).doesNotContain(PHONE).doesNotContain(NAME).doesNotContain("submitterName");
		String running = this.rest.withBasicAuth("auditor", "demo")
			.getForObject("/engine-rest/process-instance/" + card.instance.getId() + "/variables", String.class);
		assertThat(running).contains("139****5678").doesNotContain(PHONE).doesNotContain(NAME);
	}

	@Test
	void theCaseShowsTheSubmitterInFullToHandlingUnitsAndCountyOfficesAndMaskedToOthers() {
		CardScenario card = CardScenario.file(this.engine, this.intake, this.ledger,
				CardScenario.card("submitterName", NAME, "submitterContact", PHONE));
		card.acceptAndDispatchTo("dept-housing");

		for (String who : List.of("township-labao-clerk", "dept-housing-clerk", "county-platform-clerk", "supervisor",
				"leader")) {
			Map<?, ?> view = view(card.caseNo, who, false);
			assertThat(view.get("personalDataShown")).as(who).isEqualTo("FULL");
			assertThat(view.get("personalData")).as(who)
				.isEqualTo(Map.of("submitterName", NAME, "submitterContact", PHONE));
		}
		for (String who : List.of("auditor", "admin", "audit-admin")) {
			Map<?, ?> view = view(card.caseNo, who, false);
			assertThat(view.get("personalDataShown")).as(who).isEqualTo("MASKED");
			assertThat(view.get("personalData")).as(who)
				.isEqualTo(Map.of("submitterName", "王**", "submitterContact", "139****5678"));
		}
		assertThat(this.rest.withBasicAuth("township-baipeng-clerk", "demo")
			.getForEntity("/api/cases/" + card.caseNo, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(this.rest.withBasicAuth("admin", "demo")
			.getForEntity("/api/cases/" + card.caseNo + "?reveal=true", String.class)
			.getStatusCode()).as("administrators do not reveal").isEqualTo(HttpStatus.FORBIDDEN);

		Map<?, ?> revealed = view(card.caseNo, "auditor", true);
		assertThat(revealed.get("personalDataShown")).isEqualTo("FULL");
		assertThat(revealed.get("personalData")).isEqualTo(Map.of("submitterName", NAME, "submitterContact", PHONE));
		assertThat(this.audit.page("PERSONAL_DATA_REVEALED", "auditor", card.caseNo, null, null, 0, 5).entries())
			.hasSize(1);
	}

	@Test
	void theLedgerAndOtherPeoplesNoticesNeverCarryTheContact() {
		for (String contact : List.of(PHONE, "xiaoming@example.org")) {
			CardScenario card = CardScenario.file(this.engine, this.intake, this.ledger,
					CardScenario.card("submitterName", NAME, "submitterContact", contact));
			card.acceptAndDispatchTo("township-labao")
				.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "RESOLVED", "reply", "已修复 Repaired")
				.runJob("Task_SendReply");

			for (LedgerEntry entry : this.ledger.caseHistory(card.caseNo)) {
				assertThat(entry.detail()).as(entry.event()).doesNotContain(contact).doesNotContain(NAME);
			}
			assertThat(card.entries("FEEDBACK_SENT").get(0).detail()).contains("已修复 Repaired");
			String ledgerCsv = this.rest.withBasicAuth("auditor", "demo")
				.getForObject("/api/ledger?caseNo=" + card.caseNo, String.class);
			assertThat(ledgerCsv).doesNotContain(contact);
			this.notifications.ofCase(card.caseNo)
				.stream()
				.filter(n -> !n.recipient().equals(contact))
				.forEach(n -> assertThat(n.body() + n.subject()).as(n.recipient()).doesNotContain(contact)
					.doesNotContain(NAME));
		}
	}

	@Test
	void tasklistsSubmitterTabShowsTheReceivingUnitInFullAndAnAuditorMasked() throws Exception {
		CardScenario card = CardScenario.file(this.engine, this.intake, this.ledger,
				CardScenario.card("submitterName", NAME, "submitterContact", PHONE));
		String task = card.task(CardProcess.TASK_ACCEPT).getId();
		String path = "/camunda/api/tasklist/plugin/case-details/default/tasks/" + task;
		String root = "http://localhost:" + this.port;

		var clerk = WebappSession.login(root, "township-labao-clerk", "demo", "tasklist").get(path);
		assertThat(clerk.statusCode()).isEqualTo(200);
		assertThat(clerk.body()).contains(card.caseNo).contains(NAME).contains(PHONE).contains("FULL");

		var auditor = WebappSession.login(root, "auditor", "demo", "cockpit").get(path);
		assertThat(auditor.statusCode()).isEqualTo(200);
		assertThat(auditor.body()).contains("MASKED").contains("139****5678").doesNotContain(PHONE);

		var otherUnit = WebappSession.login(root, "township-baipeng-clerk", "demo", "tasklist").get(path);
		assertThat(otherUnit.statusCode()).isEqualTo(404);
		assertThat(otherUnit.body()).doesNotContain(PHONE).doesNotContain(NAME);

		assertThat(WebappSession.anonymous(root).get(path).statusCode()).isIn(401, 403);
	}

	private Map<?, ?> view(String caseNo, String who, boolean reveal) {
		return this.rest.withBasicAuth(who, "demo")
			.getForObject("/api/cases/" + caseNo + (reveal ? "?reveal=true" : ""), Map.class);
	}

}
