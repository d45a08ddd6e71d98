package gov.county.platform.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A typed process variable: its name exists once, as a constant, and reading it converts what
 * Tasklist forms, the REST API and Java callers send (a Spin JSON array, a list, JSON text) into one
 * Java type. The only place that knows how the engine stores our values.
 */
public final class ProcessVariable<T> {

	private final String name;

	private final BiFunction<String, Object, T> reader;

	private final java.util.function.Function<T, Object> writer;

	private ProcessVariable(String name, BiFunction<String, Object, T> reader,
			java.util.function.Function<T, Object> writer) {
		this.name = name;
		this.reader = reader;
		this.writer = writer;
	}

	public static ProcessVariable<String> string(String name) {
		return new ProcessVariable<>(name, ProcessVariable::toText, v -> v);
	}

	public static ProcessVariable<Boolean> bool(String name) {
		return new ProcessVariable<>(name, ProcessVariable::toBoolean, v -> v);
	}

	public static ProcessVariable<Integer> integer(String name) {
		return new ProcessVariable<>(name, ProcessVariable::toInteger, v -> v);
	}

	/** A list of strings, stored as a JSON array as Camunda Forms submit lists. */
	public static ProcessVariable<List<String>> stringList(String name) {
		return new ProcessVariable<>(name, ProcessVariable::toStringList, v -> v == null ? null : Spin.JSON(v));
	}

	/** A list of JSON objects (e.g. co-units' opinions), stored as a JSON array. */
	public static ProcessVariable<List<Map<String, Object>>> objectList(String name) {
		return new ProcessVariable<>(name, ProcessVariable::toObjectList, v -> v == null ? null : Spin.JSON(v));
	}

	public String name() {
		return this.name;
	}

	/** The value, or null when it is not set. */
	public T from(VariableScope scope) {
		return this.reader.apply(this.name, scope.getVariable(this.name));
	}

	/** The value of a plain map of variables (a request body, a form submission). */
	public T from(Map<String, ?> variables) {
		return this.reader.apply(this.name, variables.get(this.name));
	}

	public T require(VariableScope scope) {
		T value = from(scope);
		if (value == null) {
			throw new IllegalStateException("process variable '" + this.name + "' is not set");
		}
		return value;
	}

	public void set(VariableScope scope, T value) {
		scope.setVariable(this.name, this.writer.apply(value));
	}

	/** The value as the engine should store it, for maps of variables handed to the engine. */
	public Object stored(T value) {
		return this.writer.apply(value);
	}

	private static String toText(String name, Object value) {
		if (value instanceof SpinJsonNode json && json.isString()) {
			value = json.stringValue();
		}
		return value == null || value.toString().isBlank() ? null : value.toString().trim();
	}

	private static Boolean toBoolean(String name, Object value) {
		if (value == null || value instanceof Boolean) {
			return (Boolean) value;
		}
		String text = value.toString().trim();
		if (text.isEmpty()) {
			return null;
		}
		if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
			return Boolean.valueOf(text);
		}
		throw new IllegalArgumentException("'" + name + "' must be true or false, was '" + value + "'");
	}

	private static Integer toInteger(String name, Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Number number) {
			if (number.doubleValue() != Math.rint(number.doubleValue())) {
				throw new IllegalArgumentException("'" + name + "' must be a whole number, was " + value);
			}
			return number.intValue();
		}
		String text = value.toString().trim();
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + name + "' must be a whole number, was '" + value + "'");
		}
	}

	private static List<String> toStringList(String name, Object value) {
		if (value == null) {
			return null;
		}
		List<String> items = new ArrayList<>();
		if (value instanceof SpinJsonNode json) {
			if (!json.isArray()) {
				throw new IllegalArgumentException("'" + name + "' must be a list");
			}
			for (SpinJsonNode element : json.elements()) {
				items.add(element.isString() ? element.stringValue() : element.toString());
			}
		}
		else if (value instanceof Collection<?> collection) {
			collection.forEach(item -> items.add(String.valueOf(item)));
		}
		else {
			String text = value.toString().trim();
			if (text.startsWith("[")) {
				return toStringList(name, Spin.JSON(text));
			}
			for (String part : text.split(",")) {
				if (!part.isBlank()) {
					items.add(part.trim());
				}
			}
		}
		return items.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> toObjectList(String name, Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof SpinJsonNode json) {
			return json.mapTo(List.class);
		}
		if (value instanceof List<?> list) {
			return (List<Map<String, Object>>) list;
		}
		return Spin.JSON(value.toString()).mapTo(List.class);
	}

}
