package gov.county.platform.card;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.support.CaseScenario;
import gov.county.platform.support.TestProcesses;

/** A card driven the way its users drive it: each task completed by a member of its unit. */
final class CardScenario extends CaseScenario<CardScenario> {

	private CardScenario(ProcessEngine engine, LedgerService ledger, String processInstanceId) {
		super(engine, ledger, processInstanceId);
	}

	static Map<String, Object> card(Object... overrides) {
		Map<String, Object> card = new HashMap<>(Map.of("talk", "PUBLIC_SERVICE", "kind", "REQUEST", "subject",
				"村道路灯不亮 Street lights out", "content", "The lights on the village road have been out for a month.",
				"submitterName", "王某", "submitterContact", "wang@example.org", "receivingUnit", "township-labao",
				"channel", "HOTLINE", "urgent", false));
		for (int i = 0; i < overrides.length; i += 2) {
			card.put((String) overrides[i], overrides[i + 1]);
		}
		return card;
	}

	static CardScenario file(ProcessEngine engine, CardIntake intake, LedgerService ledger, Map<String, Object> card) {
		CaseIntake.Filed filed = TestProcesses.as(engine.getIdentityService(), "township-labao-clerk",
				() -> intake.file(card));
		return new CardScenario(engine, ledger, filed.processInstanceId());
	}

	/** Accepts, classifies and dispatches to {@code lead} without co-units. */
	CardScenario acceptAndDispatchTo(String lead) {
		return complete(CardProcess.TASK_ACCEPT, "township-labao-clerk", "acceptance", "ACCEPT", "link", "EFFICIENCY")
			.complete(CardProcess.TASK_DISPATCH, "township-labao-clerk", "leadUnit", lead, "handUp", false);
	}

}
