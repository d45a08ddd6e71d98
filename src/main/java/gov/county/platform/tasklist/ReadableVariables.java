package gov.county.platform.tasklist;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.calendar.CalendarProperties;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.engine.OnEveryUserTask;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;

/**
 * What the forms show instead of ids and ISO date-times, on every task of every process: beside each
 * variable of {@link #READABLE} the task sees, a task variable with its readable value — a unit by
 * name ({@code leadUnit} "dept-housing" → {@code leadUnitName} "县住房和城乡建设局"), a person by name
 * ({@code talkHead} → {@code talkHeadName}), a date-time in county time ({@code dueAt}
 * "2026-12-11T23:59:59+08:00" → {@code dueAtText} "2026-12-11 23:59"). Set when the task is created
 * (a case's deadlines move only between tasks). Task-local: the value Tasklist submits back with a
 * read-only field stays on the task, and the process's own variables (which the step rules read)
 * are never shown raw, nor written back by a form.
 */
@Component
@Order(20)
class ReadableVariables implements OnEveryUserTask {

	/** How a variable's value is read by people, and the suffix of the variable holding it. */
	enum Kind {

		UNIT("Name"), PERSON("Name"), TIME("Text");

		final String suffix;

		Kind(String suffix) {
			this.suffix = suffix;
		}

	}

	/**
	 * The variables the forms show (names the processes fix): the card's
	 * receiving, lead and co-unit, the admonishment talk's unit head, and the deadlines.
	 */
	static final Map<String, Kind> READABLE = Map.of("receivingUnit", Kind.UNIT, "leadUnit", Kind.UNIT, "coUnit",
			Kind.UNIT, "talkHead", Kind.PERSON, Deadlines.DUE_AT.name(), Kind.TIME, Deadlines.WARN_AT.name(), Kind.TIME,
			"coDueAt", Kind.TIME, "evaluateDueAt", Kind.TIME);

	/** The task variable that holds {@code variable}'s readable value, e.g. {@code dueAtText}. */
	static String readable(String variable) {
		return variable + READABLE.get(variable).suffix;
	}

	private final Directory directory;

	private final DateTimeFormatter minute;

	ReadableVariables(Directory directory, CalendarProperties calendar) {
		this.directory = directory;
		this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(calendar.zone());
	}

	@Override
	public Set<String> events() {
		return Set.of(TaskListener.EVENTNAME_CREATE);
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariablesLocal(values(task::getVariable));
	}

	/** The readable values of the variables a task sees ({@code variables}: a variable's value by name). */
	Map<String, Object> values(Function<String, Object> variables) {
		Map<String, Object> values = new HashMap<>();
		READABLE.forEach((variable, kind) -> {
			Object value = variables.apply(variable);
			if (value != null) {
				values.put(readable(variable), read(kind, value));
			}
		});
		return values;
	}

	String read(Kind kind, Object value) {
		return switch (kind) {
			case UNIT -> this.directory.unit(value.toString()).map(Unit::name).orElse(value.toString());
			case PERSON -> this.directory.displayName(value.toString());
			case TIME -> time(value);
		};
	}

	private String time(Object value) {
		if (value instanceof Date date) {
			return this.minute.format(date.toInstant());
		}
		try {
			Instant at = Deadlines.instant(value);
			return this.minute.format(at);
		}
		catch (DateTimeParseException notADateTime) {
			return value.toString();
		}
	}

}
