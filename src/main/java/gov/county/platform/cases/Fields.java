package gov.county.platform.cases;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.engine.ProcessVariable;

/**
 * The checks every step applies to what a clerk or another system entered: a refusal names the
 * field ({@link InvalidInput}, a 400 with a problem body, or the form's error in Tasklist).
 */
public final class Fields {

	private Fields() {
	}

	public static String required(String field, String value) {
		if (value == null) {
			throw new InvalidInput(field, "is required");
		}
		return value;
	}

	public static String required(String field, String value, int maxLength) {
		return optional(field, required(field, value), maxLength);
	}

	public static String optional(String field, String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			throw new InvalidInput(field, "is longer than " + maxLength + " characters");
		}
		return value;
	}

	/** The constant of {@code type} named {@code value}; refused naming the field and the choices. */
	public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
		if (!isOneOf(type, value)) {
			throw new InvalidInput(field, "must be one of " + names(type) + ", was '" + value + "'");
		}
		return Enum.valueOf(type, value);
	}

	public static <E extends Enum<E>> boolean isOneOf(Class<E> type, String value) {
		return value != null && Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
	}

	public static <E extends Enum<E>> List<String> names(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

	/**
	 * A variable the process itself sets before this step; its absence is a fault of the diagram,
	 * not of the clerk.
	 */
	public static <T> T need(ProcessVariable<T> variable, Map<String, Object> variables) {
		T value = variable.from(variables);
		if (value == null) {
			throw new IllegalStateException("process variable '" + variable.name() + "' is not set");
		}
		return value;
	}

}
