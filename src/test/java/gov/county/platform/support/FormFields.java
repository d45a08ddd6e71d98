package gov.county.platform.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of a Camunda Form (its JSON), groups' fields included, in the order the form shows them. */
public final class FormFields {

	private FormFields() {
	}

	public static List<JsonNode> of(JsonNode form) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode component : form.path("components")) {
			found.add(component);
			found.addAll(of(component));
		}
		return found;
	}

	/** The form's field with {@code key}; fails when it has none. */
	public static JsonNode keyed(JsonNode form, String key) {
		return of(form).stream()
			.filter(field -> field.path("key").asText().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the form has no field '" + key + "'"));
	}

}
