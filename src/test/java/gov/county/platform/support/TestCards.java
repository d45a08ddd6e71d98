package gov.county.platform.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.card.CardProcess;
import gov.county.platform.cases.CaseStates;
import gov.county.platform.cases.Deadlines;

/** A card's start variables as callers send them, for tests outside the card package. */
public final class TestCards {

	private TestCards() {
	}

	/** A valid card for {@code receivingUnit}, as a map a test may change. */
	public static Map<String, Object> card(String receivingUnit) {
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("talk", "PUBLIC_SERVICE");
		card.put("kind", "REQUEST");
		card.put("subject", "路灯不亮 Street lights out");
		card.put("content", "The lights have been out for a month.");
		card.put("submitterName", "王某");
		card.put("submitterContact", "13800000001");
		card.put("receivingUnit", receivingUnit);
		card.put("channel", "HOTLINE");
		card.put("urgent", false);
		return card;
	}

	/**
	 * The case state of a card that a test starts mid-way (at its handling task, under a number of
	 * its own): filed for {@code unit}, with a clock due as {@code deadlines} says.
	 */
	public static void clocked(ApplicationContext context, String caseNo, String unit, Deadlines deadlines) {
		new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
			CaseStates states = context.getBean(CaseStates.class);
			states.open(caseNo, CardProcess.KEY, unit, "storm " + caseNo);
			states.startClock(caseNo, deadlines.dueAt().toInstant(), Instant.now());
		});
	}

	/** Variables as the engine REST API takes them: each with its value and type. */
	public static Map<String, Object> restVariables(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name,
				Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
		return variables;
	}

}
