package gov.county.platform.deployment;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;
import gov.county.platform.organization.WellKnownGroups;

/**
 * Fills the unit dropdowns of Camunda Forms from the organisation chart at deployment. A select,
 * radio, checklist or taglist whose custom property {@code options} is {@code handling-units}
 * (townships and departments) or {@code receiving-units} (those and the county platform) gets the
 * chart's units as its values, so clerks pick from the county's real units, start form included.
 */
final class FormOptions {

	static final String PROPERTY = "options";

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormOptions() {
	}

	static byte[] fill(String name, byte[] form, List<Unit> units) {
		JsonNode root;
		try {
			root = JSON.readTree(form);
		}
		catch (IOException ex) {
			throw new IllegalStateException(name + " is not valid JSON: " + ex.getMessage(), ex);
		}
		if (!fill(name, root, units)) {
			return form;
		}
		try {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write " + name, ex);
		}
	}

	private static boolean fill(String name, JsonNode node, List<Unit> units) {
		boolean changed = false;
		JsonNode components = node.path("components");
		for (JsonNode component : components) {
			String options = component.path("properties").path(PROPERTY).asText(null);
			if (options != null) {
				ArrayNode values = JSON.createArrayNode();
				for (Unit unit : units) {
					if (offered(options, unit, name)) {
						ObjectNode value = values.addObject();
						value.put("label", unit.name() + " (" + unit.id() + ")");
						value.put("value", unit.id());
					}
				}
				((ObjectNode) component).set("values", values);
				changed = true;
			}
			changed |= fill(name, component, units);
		}
		return changed;
	}

	private static boolean offered(String options, Unit unit, String form) {
		return switch (options) {
			case "handling-units" -> unit.type() != UnitType.COUNTY;
			case "receiving-units" -> unit.type() != UnitType.COUNTY || unit.id().equals(WellKnownGroups.COUNTY_PLATFORM);
			default -> throw new IllegalStateException(
					form + ": unknown options '" + options + "' (use handling-units or receiving-units)");
		};
	}

}
