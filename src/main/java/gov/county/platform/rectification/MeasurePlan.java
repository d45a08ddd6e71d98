package gov.county.platform.rectification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.api.InvalidInput.Problem;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.organization.Directory;

/**
 * A unit's plan: the measures as Tasklist's dynamic list (or the REST API) submits them, checked
 * against the county's rectification rules (docs/processes.md): every measure has what, who (a member of the unit), a deadline (a
 * working day after today) and a target.
 */
final class MeasurePlan {

	static final int MAX_MEASURES = 20;

	static final int MAX_TEXT = 500;

	private MeasurePlan() {
	}

	/** The checked measures, numbered from 1, or an error naming every field at fault. */
	static List<Measure> validate(Object submitted, String unit, Directory directory, WorkingDayCalendar calendar,
			LocalDate today) {
		String field = RectificationProcess.MEASURES.name();
		List<Map<String, Object>> items;
		try {
			items = RectificationProcess.MEASURES.from(submitted == null ? Map.of() : Map.of(field, submitted));
		}
		catch (RuntimeException notAList) {
			throw new InvalidInput(field, "must be a list of measures {measure, responsible, deadline, target}");
		}
		if (items == null || items.isEmpty()) {
			throw new InvalidInput(field, "is required: at least one measure");
		}
		if (items.size() > MAX_MEASURES) {
			throw new InvalidInput(field, "at most " + MAX_MEASURES + " measures per plan");
		}
		List<Problem> problems = new ArrayList<>();
		List<Measure> measures = new ArrayList<>();
		List<String> members = directory.membersOf(unit);
		for (int i = 0; i < items.size(); i++) {
			Object raw = items.get(i);
			String at = field + "[" + i + "]";
			if (!(raw instanceof Map<?, ?> item)) {
				problems.add(new Problem(at, "must be a measure {measure, responsible, deadline, target}"));
				continue;
			}
			String measure = text(item, "measure", at, problems);
			String target = text(item, "target", at, problems);
			String responsible = text(item, "responsible", at, problems);
			if (responsible != null && !members.contains(responsible)) {
				problems.add(new Problem(at + ".responsible", "'" + responsible + "' is not a member of " + unit
						+ (directory.userExists(responsible) ? "" : " (no such user)")));
			}
			LocalDate deadline = null;
			String deadlineText = text(item, "deadline", at, problems);
			if (deadlineText != null) {
				try {
					// Tasklist's date field sends 2026-12-01; a date-time names its day
					deadline = LocalDate.parse(deadlineText.length() > 10 ? deadlineText.substring(0, 10) : deadlineText);
					if (!deadline.isAfter(today)) {
						problems.add(new Problem(at + ".deadline", "must be after today (" + today + ")"));
					}
					else if (!calendar.isWorkingDay(deadline)) {
						problems.add(new Problem(at + ".deadline",
								deadline + " is a day off (weekend or public holiday): choose a working day"));
					}
				}
				catch (DateTimeParseException ex) {
					problems.add(new Problem(at + ".deadline", "must be a date such as 2026-12-01"));
				}
			}
			measures.add(new Measure(i + 1, measure, responsible, deadline, target));
		}
		InvalidInput.throwIfAny(problems);
		return List.copyOf(measures);
	}

	/** How many numbered measures the Tasklist plan form offers (more go through the API's list). */
	static final int SLOTS = 8;

	private static final List<String> SLOT_FIELDS = List.of("measure", "responsible", "deadline", "target");

	/**
	 * The measures a Tasklist form sent in its numbered fields ({@code measure1}, {@code responsible1},
	 * {@code deadline1}, {@code target1}, ...), empty slots left out; null when it sent none. (Tasklist
	 * 7.24 cannot complete a form with a dynamic list: its form library keeps an error entry for every
	 * edited list field, so the form offers fixed slots instead.)
	 */
	static List<Map<String, Object>> fromSlots(Map<String, ?> variables) {
		boolean sent = false;
		List<Map<String, Object>> items = new ArrayList<>();
		for (int slot = 1; slot <= SLOTS; slot++) {
			Map<String, Object> item = new java.util.LinkedHashMap<>();
			for (String field : SLOT_FIELDS) {
				sent |= variables.containsKey(field + slot);
				Object value = variables.get(field + slot);
				if (value != null && !value.toString().isBlank()) {
					item.put(field, value.toString());
				}
			}
			if (!item.isEmpty()) {
				items.add(item);
			}
		}
		return sent ? items : null;
	}

	/** The names of the form's numbered fields. */
	static List<String> slotNames() {
		List<String> names = new ArrayList<>();
		for (int slot = 1; slot <= SLOTS; slot++) {
			for (String field : SLOT_FIELDS) {
				names.add(field + slot);
			}
		}
		return names;
	}

	/** A plan in the form's numbered fields, to show a returned plan again for revision. */
	static Map<String, Object> slots(List<Measure> measures) {
		Map<String, Object> out = new java.util.HashMap<>();
		int slot = 0;
		for (Measure m : measures.subList(0, Math.min(SLOTS, measures.size()))) {
			slot++;
			out.put("measure" + slot, m.measure());
			out.put("responsible" + slot, m.responsible());
			out.put("deadline" + slot, m.deadline() == null ? null : m.deadline().toString());
			out.put("target" + slot, m.target());
		}
		return out;
	}

	/** The measures as the process keeps them: a JSON array of {@code {measure, responsible, deadline, target}}. */
	static SpinJsonNode asVariable(List<Measure> measures) {
		return Spin.JSON(measures.stream().map(Measure::asVariable).toList());
	}

	/** Reads the measures the platform itself recorded (no checks: they were checked when submitted). */
	static List<Measure> recorded(String json) {
		List<Measure> measures = new ArrayList<>();
		int no = 1;
		for (SpinJsonNode node : Spin.JSON(json).elements()) {
			measures.add(new Measure(no++, node.prop("measure").stringValue(), node.prop("responsible").stringValue(),
					LocalDate.parse(node.prop("deadline").stringValue()), node.prop("target").stringValue()));
		}
		return measures;
	}

	/** The plan as a clerk reads it in a form: one numbered line per measure. */
	static String text(List<Measure> measures, Directory directory) {
		StringBuilder text = new StringBuilder();
		for (Measure m : measures) {
			String who = directory.user(m.responsible())
				.map(u -> (u.getFirstName() == null ? "" : u.getFirstName() + " ")
						+ (u.getLastName() == null ? "" : u.getLastName()))
				.map(String::trim)
				.filter(name -> !name.isEmpty())
				.map(name -> name + " (" + m.responsible() + ")")
				.orElse(m.responsible());
			text.append(m.no()).append(". ").append(m.measure()).append("\n   责任人 responsible: ").append(who)
				.append("；时限 deadline: ").append(m.deadline()).append("\n   目标 target: ").append(m.target()).append('\n');
		}
		return text.toString().trim();
	}

	private static String text(Map<?, ?> item, String name, String at, List<Problem> problems) {
		Object value = item.get(name);
		if (value == null || value.toString().isBlank()) {
			problems.add(new Problem(at + "." + name, "is required"));
			return null;
		}
		if (!(value instanceof String)) {
			problems.add(new Problem(at + "." + name, "must be text"));
			return null;
		}
		String text = value.toString().trim();
		if (text.length() > MAX_TEXT) {
			problems.add(new Problem(at + "." + name, "is longer than " + MAX_TEXT + " characters"));
		}
		if (RectificationSubmission.CONTROL.matcher(text).find()) {
			problems.add(new Problem(at + "." + name, "contains control characters"));
		}
		return text;
	}

}
