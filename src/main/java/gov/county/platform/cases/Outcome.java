package gov.county.platform.cases;

import java.util.Map;

/** What a step decided: the variables to set on the process. */
public record Outcome(Map<String, Object> variables) {

	public static Outcome none() {
		return new Outcome(Map.of());
	}

}
