package gov.county.platform.card;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZonedDateTime;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.PlatformIntegrationTest;
import gov.county.platform.ledger.LedgerService;

/** Every path of InteractionCardProcess, with the real services on H2. */
@PlatformIntegrationTest
class InteractionCardProcessTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	LedgerService ledger;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(this.engine);
	}

	private CardScenario file(Object... overrides) {
		return CardScenario.file(this.engine, this.intake, this.ledger, CardScenario.card(overrides));
	}

	@Test
	void happyPathFromFilingToSatisfiedClose() {
		CardScenario card = file();
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_ACCEPT);
		Assertions.assertThat(card.caseNo).matches("HD-\\d{4}-\\d{6}");

		card.acceptAndDispatchTo("township-labao");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_HANDLE);
		Assertions.assertThat(card.task(CardProcess.TASK_HANDLE).getDueDate())
			.isEqualTo(java.util.Date.from(ZonedDateTime.parse((String) card.variable("dueAt")).toInstant()));

		card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "RESOLVED", "reply", "已修复 Repaired")
			.runJob("Task_SendReply")
			.complete(CardProcess.TASK_REVIEW, "supervisor", "review", "PASS")
			.complete(CardProcess.TASK_EVALUATE, "county-platform-clerk", "satisfaction", "SATISFIED");

		assertThat(card.instance).isEnded().hasPassed("EndEvent_CardClosed");
		Assertions.assertThat(card.events()).containsExactly("FILED", "ACCEPTED", "CLASSIFIED", "DISPATCHED", "HANDLED",
				"FEEDBACK_SENT", "REVIEWED", "ORGANIZED", "EVALUATED", "CLOSED");
		Assertions.assertThat(this.ledger.verify().ok()).isTrue();
	}

}
