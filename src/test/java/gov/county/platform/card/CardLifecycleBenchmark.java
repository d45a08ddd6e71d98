package gov.county.platform.card;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.PlatformIntegrationTest;
import gov.county.platform.ledger.LedgerService;

/**
 * How long one full card lifecycle takes through the Java API: file, accept, classify, dispatch,
 * handle, reply, review, collate, evaluate, close — with ledger, notifications and FULL history on
 * the embedded H2. Prints figures; asserts nothing about time. Not part of {@code mvn verify}; run:
 * {@code mvn test -Dtest=CardLifecycleBenchmark -Dlint.skip -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@PlatformIntegrationTest
class CardLifecycleBenchmark {

	static final int WARM_UP = 20;

	static final int RUNS = 100;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	LedgerService ledger;

	@Test
	void lifecycle() {
		BpmnAwareTests.init(this.engine);
		for (int i = 0; i < WARM_UP; i++) {
			oneLifecycle();
		}
		List<Double> millis = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < RUNS; i++) {
			long t0 = System.nanoTime();
			oneLifecycle();
			millis.add((System.nanoTime() - t0) / 1e6);
		}
		double total = (System.nanoTime() - start) / 1e9;
		Collections.sort(millis);
		System.out.printf("%nCard lifecycle through the Java API (H2, history FULL, ledger and notifications on), "
				+ "%d runs after %d warm-up:%n  median %.1f ms, min %.1f ms, p95 %.1f ms, max %.1f ms; %.1f lifecycles/s%n%n",
				RUNS, WARM_UP, millis.get(RUNS / 2), millis.get(0), millis.get((int) (RUNS * 0.95)), millis.get(RUNS - 1),
				RUNS / total);
	}

	private void oneLifecycle() {
		CardScenario card = CardScenario.file(this.engine, this.intake, this.ledger, CardScenario.card());
		card.acceptAndDispatchTo("township-labao")
			.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "RESOLVED", "reply", "done")
			.runJob("Task_SendReply")
			.complete(CardProcess.TASK_REVIEW, "supervisor", "review", "PASS")
			.complete(CardProcess.TASK_EVALUATE, "county-platform-clerk", "satisfaction", "SATISFIED");
		if (!card.events().contains("CLOSED")) {
			throw new IllegalStateException(card.caseNo + " did not close: " + card.events());
		}
	}

}
