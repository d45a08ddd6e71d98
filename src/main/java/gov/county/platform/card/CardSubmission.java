package gov.county.platform.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Fields;
import gov.county.platform.engine.ProcessVariable;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;
import gov.county.platform.organization.WellKnownGroups;

/**
 * The rules for a new card, the same for the API and the Tasklist start form: required fields,
 * known values, a receiving unit of the organisation chart, sane lengths, no control characters.
 */
public final class CardSubmission {

	static final int MAX_SUBJECT = 200;

	static final int MAX_CONTENT = 5000;

	static final int MAX_NAME = 100;

	static final int MAX_CONTACT = 200;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	/** The variables a card may be started with; anything else is refused. */
	static final Set<String> START_VARIABLES = CardProcess.START.variables();

	private CardSubmission() {
	}

	/**
	 * Checks a submission and returns it normalised (trimmed text, {@code urgent} a boolean,
	 * {@code channel} defaulted), or throws naming every field at fault.
	 */
	public static Map<String, Object> validate(Map<String, ?> submitted, Directory directory, String defaultChannel) {
		List<InvalidInput.Problem> problems = new ArrayList<>();
		Map<String, Object> card = new LinkedHashMap<>();
		for (String field : submitted.keySet()) {
			if (!START_VARIABLES.contains(field)) {
				problems.add(new InvalidInput.Problem(field, "is not a field of a card; known fields: " + START_VARIABLES));
			}
		}
		card.put(CardProcess.TALK.name(), oneOf(submitted, CardProcess.TALK, CardValues.Talk.class, problems));
		card.put(CardProcess.KIND.name(), oneOf(submitted, CardProcess.KIND, CardValues.Kind.class, problems));
		card.put(CardProcess.SUBJECT.name(), text(submitted, CardProcess.SUBJECT, true, MAX_SUBJECT, problems));
		card.put(CardProcess.CONTENT.name(), text(submitted, CardProcess.CONTENT, true, MAX_CONTENT, problems));
		card.put(CardProcess.SUBMITTER_NAME.name(), text(submitted, CardProcess.SUBMITTER_NAME, true, MAX_NAME, problems));
		card.put(CardProcess.SUBMITTER_CONTACT.name(),
				text(submitted, CardProcess.SUBMITTER_CONTACT, false, MAX_CONTACT, problems));
		String unit = text(submitted, CardProcess.RECEIVING_UNIT, true, 64, problems);
		if (unit != null) {
			Unit receiving = directory.unit(unit).orElse(null);
			if (receiving == null) {
				problems.add(new InvalidInput.Problem(CardProcess.RECEIVING_UNIT.name(),
						"'" + unit + "' is not a unit of the organisation chart"));
			}
			else if (receiving.type() == UnitType.COUNTY && !receiving.id().equals(WellKnownGroups.COUNTY_PLATFORM)) {
				problems.add(new InvalidInput.Problem(CardProcess.RECEIVING_UNIT.name(), "'" + unit
						+ "' does not receive cards: choose a township, a department or the county platform"));
			}
		}
		card.put(CardProcess.RECEIVING_UNIT.name(), unit);
		Object channel = submitted.get(CardProcess.CHANNEL.name());
		if (channel == null || channel.toString().isBlank()) {
			if (defaultChannel == null) {
				problems.add(new InvalidInput.Problem(CardProcess.CHANNEL.name(), "is required"));
			}
			card.put(CardProcess.CHANNEL.name(), defaultChannel);
		}
		else {
			card.put(CardProcess.CHANNEL.name(), oneOf(submitted, CardProcess.CHANNEL, CardValues.Channel.class, problems));
		}
		try {
			Boolean urgent = CardProcess.URGENT.from(submitted);
			card.put(CardProcess.URGENT.name(), urgent != null && urgent);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidInput.Problem(CardProcess.URGENT.name(), "must be true or false"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return card;
	}

	private static String text(Map<String, ?> submitted, ProcessVariable<String> variable, boolean required, int max,
			List<InvalidInput.Problem> problems) {
		Object raw = submitted.get(variable.name());
		if (raw != null && !(raw instanceof String)) {
			problems.add(new InvalidInput.Problem(variable.name(), "must be text"));
			return null;
		}
		String value = variable.from(submitted);
		if (value == null) {
			if (required) {
				problems.add(new InvalidInput.Problem(variable.name(), "is required"));
			}
			return null;
		}
		if (value.length() > max) {
			problems.add(new InvalidInput.Problem(variable.name(), "is longer than " + max + " characters"));
		}
		if (CONTROL.matcher(value).find()) {
			problems.add(new InvalidInput.Problem(variable.name(), "contains control characters"));
		}
		return value;
	}

	private static <E extends Enum<E>> String oneOf(Map<String, ?> submitted, ProcessVariable<String> variable,
			Class<E> type, List<InvalidInput.Problem> problems) {
		Object raw = submitted.get(variable.name());
		if (raw != null && !(raw instanceof String)) {
			problems.add(new InvalidInput.Problem(variable.name(), "must be one of " + Fields.names(type)));
			return null;
		}
		String value = variable.from(submitted);
		if (value == null) {
			problems.add(new InvalidInput.Problem(variable.name(), "is required; one of " + Fields.names(type)));
			return null;
		}
		if (!Fields.isOneOf(type, value)) {
			problems.add(new InvalidInput.Problem(variable.name(), "must be one of " + Fields.names(type)));
		}
		return value;
	}

}
