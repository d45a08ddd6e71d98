package gov.county.platform.rectification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.api.InvalidInput.Problem;
import gov.county.platform.cases.Fields;
import gov.county.platform.engine.ProcessVariable;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;
import gov.county.platform.organization.WellKnownGroups;

/**
 * The rules for a new rectification, the same for the API, the Tasklist start form and a survey:
 * a township or department of the chart, a known source, a title and the problems found; a unit
 * clerk may open one only for their own unit, the county offices for any.
 */
final class RectificationSubmission {

	static final int MAX_TITLE = 200;

	static final int MAX_PROBLEMS = 5000;

	static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	private static final Pattern CASE_NO = Pattern.compile("[A-Z]{2,8}-\\d{4}-\\d{2,8}");

	/** The variables a rectification may be started with; anything else is refused. */
	static final Set<String> START_VARIABLES = RectificationProcess.START.variables();

	private RectificationSubmission() {
	}

	/**
	 * Checks a submission and returns it normalised (trimmed text), or throws naming every field at
	 * fault.
	 *
	 * @param actorGroups the groups of who opens it; null for the platform itself (a timer, a survey)
	 */
	static Map<String, Object> validate(Map<String, ?> submitted, Directory directory, List<String> actorGroups) {
		List<Problem> problems = new ArrayList<>();
		for (String field : submitted.keySet()) {
			if (!START_VARIABLES.contains(field)) {
				problems.add(new Problem(field, "is not a field of a rectification; known fields: " + START_VARIABLES));
			}
		}
		Map<String, Object> out = new LinkedHashMap<>();
		String unit = text(submitted, RectificationProcess.UNIT, true, 64, problems);
		if (unit != null) {
			Unit found = directory.unit(unit).orElse(null);
			if (found == null) {
				problems.add(new Problem(RectificationProcess.UNIT.name(),
						"'" + unit + "' is not a unit of the organisation chart"));
			}
			else if (found.type() == UnitType.COUNTY) {
				problems.add(new Problem(RectificationProcess.UNIT.name(),
						"'" + unit + "' is a county office: rectification is for townships and departments"));
			}
			else if (actorGroups != null && !actorGroups.contains(unit)
					&& actorGroups.stream().noneMatch(WellKnownGroups.OVERSIGHT::contains)) {
				problems.add(new Problem(RectificationProcess.UNIT.name(),
						"a unit opens rectification only for itself; the county offices open it for '" + unit + "'"));
			}
		}
		out.put(RectificationProcess.UNIT.name(), unit);
		out.put(RectificationProcess.TITLE.name(), text(submitted, RectificationProcess.TITLE, true, MAX_TITLE, problems));
		out.put(RectificationProcess.PROBLEMS.name(),
				text(submitted, RectificationProcess.PROBLEMS, true, MAX_PROBLEMS, problems));
		String source = text(submitted, RectificationProcess.SOURCE, false, 40, problems);
		if (source == null) {
			problems.add(new Problem(RectificationProcess.SOURCE.name(),
					"is required; one of " + Fields.names(RectificationValues.Source.class)));
		}
		else if (!Fields.isOneOf(RectificationValues.Source.class, source)) {
			problems.add(new Problem(RectificationProcess.SOURCE.name(),
					"must be one of " + Fields.names(RectificationValues.Source.class)));
		}
		out.put(RectificationProcess.SOURCE.name(), source);
		String origin = text(submitted, RectificationProcess.ORIGIN_CASE_NO, false, 32, problems);
		if (origin != null && !CASE_NO.matcher(origin).matches()) {
			problems.add(new Problem(RectificationProcess.ORIGIN_CASE_NO.name(),
					"must be a case number such as MY-2026-01 or HD-2026-000001"));
		}
		out.put(RectificationProcess.ORIGIN_CASE_NO.name(), origin);
		InvalidInput.throwIfAny(problems);
		return out;
	}

	static String text(Map<String, ?> submitted, ProcessVariable<String> variable, boolean required, int max,
			List<Problem> problems) {
		Object raw = submitted.get(variable.name());
		if (raw != null && !(raw instanceof String) && !(raw instanceof org.camunda.spin.json.SpinJsonNode)) {
			problems.add(new Problem(variable.name(), "must be text"));
			return null;
		}
		String value = variable.from(submitted);
		if (value == null) {
			if (required) {
				problems.add(new Problem(variable.name(), "is required"));
			}
			return null;
		}
		if (value.length() > max) {
			problems.add(new Problem(variable.name(), "is longer than " + max + " characters"));
		}
		if (CONTROL.matcher(value).find()) {
			problems.add(new Problem(variable.name(), "contains control characters"));
		}
		return value;
	}

}
