package gov.county.platform;

import java.util.LinkedHashMap;
import java.util.Map;

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

	/** Variables as the engine REST API takes them: each with its value and type. */
	public static Map<String, Object> restVariables(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((name, value) -> variables.put(name,
				Map.of("value", value, "type", value instanceof Boolean ? "Boolean" : "String")));
		return variables;
	}

}
