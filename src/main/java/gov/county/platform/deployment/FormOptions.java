package gov.county.platform.deployment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;
import gov.county.platform.organization.WellKnownGroups;

/**
 * Adapts Camunda Forms to the organisation chart at deployment, so clerks work with the county's
 * real units, start forms included. Two custom properties (Modeler: <i>Custom properties</i>) name a
 * set of units, {@code handling-units} (townships and departments) or {@code receiving-units} (those
 * and the county platform):
 * <ul>
 * <li>{@code options}: a select, radio, checklist or taglist gets the units as its values;</li>
 * <li>{@code repeat}: the field stands for one copy per unit, in the chart's order, each labelled
 * with the unit's name and id and keyed {@code <key>_<unit id with _ for ->}
 * ({@code score_township_labao}); with a width in the Modeler (columns of 16) the copies fill each
 * row. Tasklist 7.24 cannot complete a form-js dynamic list, so a form asks per unit this way.</li>
 * </ul>
 * A list with {@code optionsExcept} naming another field's key as well offers the units except the
 * one chosen there (the co-units leave out the lead unit): its units become a FEEL
 * {@code valuesExpression} that form-js (1.8, Tasklist 7.24) evaluates again as the clerk chooses.
 */
final class FormOptions {

	static final String PROPERTY = "options";

	static final String REPEAT = "repeat";

	static final String EXCEPT = "optionsExcept";

	/** form-js lays forms out on a grid of 16 columns. */
	private static final int GRID_COLUMNS = 16;

	/** A field key that FEEL reads as a name. */
	private static final Pattern FEEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
		boolean filled = fill(name, root, units);
		if (!leaveOutChosen(name, root) && !filled) {
			return form;
		}
		try {
			return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot write " + name, ex);
		}
	}

	/** The key of a repeated field's copy for {@code unit}; unit ids have no {@code _}, so it names one unit. */
	static String repeatedKey(String key, String unit) {
		return key + "_" + unit.replace('-', '_');
	}

	private static boolean fill(String name, JsonNode node, List<Unit> units) {
		if (!node.path("components").isArray()) {
			return false;
		}
		boolean changed = false;
		ArrayNode components = JSON.createArrayNode();
		for (JsonNode component : node.path("components")) {
			String repeat = component.path("properties").path(REPEAT).asText(null);
			if (repeat == null) {
				components.add(component);
				continue;
			}
			components.addAll(repeated(name, (ObjectNode) component, repeat, units));
			changed = true;
		}
		for (JsonNode component : components) {
			String options = component.path("properties").path(PROPERTY).asText(null);
			if (options != null) {
				ArrayNode values = JSON.createArrayNode();
				for (Unit unit : units) {
					if (offered(PROPERTY, options, unit, name)) {
						ObjectNode value = values.addObject();
						value.put("label", label(unit));
						value.put("value", unit.id());
					}
				}
				((ObjectNode) component).set("values", values);
				changed = true;
			}
			changed |= fill(name, component, units);
		}
		if (changed) {
			((ObjectNode) node).set("components", components);
		}
		return changed;
	}

	private static List<ObjectNode> repeated(String form, ObjectNode template, String repeat, List<Unit> units) {
		String key = template.path("key").asText(null);
		if (key == null || key.isBlank() || template.has("components")) {
			throw new IllegalStateException(form + ": only a field with a key can be repeated for '" + repeat + "'");
		}
		String id = template.path("id").asText("Field_" + key);
		JsonNode layout = template.path("layout");
		int columns = layout.path("columns").isInt() ? layout.path("columns").asInt() : GRID_COLUMNS;
		int perRow = columns <= 0 || columns > GRID_COLUMNS ? 1 : GRID_COLUMNS / columns;
		String row = layout.path("row").isTextual() ? layout.path("row").asText() : "Row_" + key;
		List<Unit> offered = units.stream().filter(unit -> offered(REPEAT, repeat, unit, form)).toList();
		List<ObjectNode> copies = new ArrayList<>();
		for (int i = 0; i < offered.size(); i++) {
			Unit unit = offered.get(i);
			ObjectNode copy = template.deepCopy();
			copy.put("key", repeatedKey(key, unit.id()));
			copy.put("id", repeatedKey(id, unit.id()));
			copy.put("label", label(unit));
			ObjectNode properties = (ObjectNode) copy.path("properties");
			properties.remove(REPEAT);
			if (properties.isEmpty()) {
				copy.remove("properties");
			}
			if (layout.isObject()) {
				// the Modeler gives every field a row of its own: the copies share rows as their width allows
				((ObjectNode) copy.path("layout")).put("row", row + "_" + (i / perRow + 1));
			}
			copies.add(copy);
		}
		return copies;
	}

	private static String label(Unit unit) {
		return unit.name() + " (" + unit.id() + ")";
	}

	private static boolean offered(String property, String set, Unit unit, String form) {
		return switch (set) {
			case "handling-units" -> unit.type() != UnitType.COUNTY;
			case "receiving-units" -> unit.type() != UnitType.COUNTY || unit.id().equals(WellKnownGroups.COUNTY_PLATFORM);
			default -> throw new IllegalStateException(
					form + ": unknown " + property + " '" + set + "' (use handling-units or receiving-units)");
		};
	}

	/**
	 * Turns the filled values of each field with {@code optionsExcept} into an expression that leaves
	 * out the value chosen in the named field: {@code =[{label: "拉包乡 (township-labao)", value:
	 * "township-labao"}, ...][item.value != leadUnit]}.
	 */
	private static boolean leaveOutChosen(String name, JsonNode node) {
		boolean changed = false;
		for (JsonNode component : node.path("components")) {
			String except = component.path("properties").path(EXCEPT).asText(null);
			if (except != null) {
				if (!FEEL_NAME.matcher(except).matches() || !component.path("values").isArray()) {
					throw new IllegalStateException(name + ": " + EXCEPT + " '" + except
							+ "' needs the key of another field and the unit options of this one");
				}
				StringBuilder expression = new StringBuilder("=[");
				for (JsonNode value : component.path("values")) {
					expression.append(expression.length() > 2 ? ", " : "")
						.append("{label: ")
						.append(feelString(value.path("label").asText()))
						.append(", value: ")
						.append(feelString(value.path("value").asText()))
						.append('}');
				}
				expression.append("][item.value != ").append(except).append(']');
				((ObjectNode) component).remove("values");
				((ObjectNode) component).put("valuesExpression", expression.toString());
				changed = true;
			}
			changed |= leaveOutChosen(name, component);
		}
		return changed;
	}

	private static String feelString(String text) {
		return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
