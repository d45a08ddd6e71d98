package gov.county.platform.rectification;

import static gov.county.platform.rectification.RectificationProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.engine.Actor;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.Notice;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.notification.NotificationTemplates;
import gov.county.platform.organization.Directory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.rectification.RectificationValues.PlanStage;
import gov.county.platform.rectification.RectificationValues.Source;
import gov.county.platform.rectification.RectificationValues.Verification;

/**
 * The rules of rectification (整改): what each step requires, which ledger events it leaves, the
 * deadlines of the plan and of every measure, who is told, and what the public list of commitments
 * shows. Delegates and listeners only map variables in and out of here.
 */
@Service
public class RectificationService {

	/** A monthly progress report is due this many working days after it is asked for. */
	static final int PROGRESS_REPORT_DAYS = 5;

	/** The plan's escalation ladder, in the order its steps appear in the ledger. */
	static final List<String> PLAN_LADDER = List.of("WARNED", "URGED", "REPRIMANDED");

	/** A measure's escalation ladder; CRITICIZED comes with an admonishment talk for the unit head. */
	static final List<String> MEASURE_LADDER = List.of("WARNED", "URGED", "CRITICIZED");

	/** The ledger's detail of the plan's clock and its escalations starts with this. */
	static final String PLAN_PREFIX = "plan";

	private final CaseNumberService caseNumbers;

	private final LedgerService ledger;

	private final NotificationService notifications;

	private final NotificationTemplates templates;

	private final WorkingDayCalendar calendar;

	private final Directory directory;

	private final Commitments commitments;

	public RectificationService(CaseNumberService caseNumbers, LedgerService ledger,
			NotificationService notifications, NotificationTemplates templates, WorkingDayCalendar calendar,
			Directory directory, Commitments commitments) {
		this.caseNumbers = caseNumbers;
		this.ledger = ledger;
		this.notifications = notifications;
		this.templates = templates;
		this.calendar = calendar;
		this.directory = directory;
		this.commitments = commitments;
	}

	/** What a step decided: variables to set on the process. */
	public record Outcome(Map<String, Object> variables) {

		static Outcome none() {
			return new Outcome(Map.of());
		}

	}

	/** A new case number ZG-YYYY-NNNNNN, taken in the caller's transaction. */
	public String newCaseNumber() {
		return this.caseNumbers.next(CASE_PREFIX);
	}

	/**
	 * Registers a rectification that just started: checks its data (the Tasklist start form has no
	 * other check) and who opens it, records FILED. A survey's last-ranked unit has its head called
	 * to an admonishment talk at once.
	 */
	public Outcome register(String caseNo, Map<String, Object> variables, String actor) {
		Map<String, Object> start = new HashMap<>();
		variables.forEach((name, value) -> {
			if (RectificationSubmission.START_VARIABLES.contains(name)) {
				start.put(name, value);
			}
		});
		List<String> groups = Actor.SYSTEM.equals(actor) ? null : this.directory.groupsOf(actor);
		Map<String, Object> valid = RectificationSubmission.validate(start, this.directory, groups);
		String unit = (String) valid.get(UNIT.name());
		Map<String, Object> out = new HashMap<>(valid);
		out.put(CASE_NO.name(), caseNo);
		out.put(UNIT_NAME.name(), unitName(unit));
		out.put(PLAN_STAGE.name(), PlanStage.FIRST.name());
		boolean survey = Source.SURVEY.name().equals(valid.get(SOURCE.name()));
		out.put(ADMONISH_AT_START.name(), survey);
		if (survey) {
			out.put(TALK_REASON.name(), "满意度测评排名靠后 Ranked last in a satisfaction survey"
					+ (valid.get(ORIGIN_CASE_NO.name()) == null ? "" : " (" + valid.get(ORIGIN_CASE_NO.name()) + ")")
					+ ": " + valid.get(PROBLEMS.name()));
		}
		this.ledger.append(new LedgerEvent(caseNo, KEY, "FILED", unit, actor, null,
				valid.get(SOURCE.name()) + (valid.get(ORIGIN_CASE_NO.name()) == null ? ""
						: " from " + valid.get(ORIGIN_CASE_NO.name())) + ": " + valid.get(TITLE.name())));
		return new Outcome(out);
	}

	/** After the time-limit decision: the plan's deadlines from now, PLAN_REQUESTED. */
	public Outcome requestPlan(String caseNo, Map<String, Object> v, String actor) {
		Integer days = PLAN_LIMIT_DAYS.from(v);
		if (days == null || days < 1) {
			throw new IllegalStateException("the decision " + DECISION_TIME_LIMIT + " gave no time limit for stage "
					+ PLAN_STAGE.from(v));
		}
		RectificationDeadlines deadlines = RectificationDeadlines.start(this.calendar, EngineClock.now(), days);
		String unit = recordedUnit(caseNo);
		this.ledger.append(new LedgerEvent(caseNo, KEY, "PLAN_REQUESTED", unit, actor, deadlines.dueAt().toInstant(),
				PLAN_PREFIX + " within " + days + " working days (" + PLAN_STAGE.from(v) + ")"));
		return new Outcome(planDeadlineVariables(deadlines));
	}

	/** When the plan task opens: the unit's members, for the "responsible" dropdown of the form. */
	public Outcome draftOpened(String unit) {
		List<Map<String, Object>> options = new ArrayList<>();
		for (String member : this.directory.membersOf(unit)) {
			Map<String, Object> option = new LinkedHashMap<>();
			option.put("label", this.directory.user(member)
				.map(u -> ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
						+ (u.getLastName() == null ? "" : u.getLastName())).trim())
				.filter(name -> !name.isEmpty())
				.map(name -> name + " (" + member + ")")
				.orElse(member));
			option.put("value", member);
			options.add(option);
		}
		return new Outcome(Map.of(UNIT_MEMBERS.name(), UNIT_MEMBERS.stored(options)));
	}

	/**
	 * Checks and records the completion of a user task; throws naming the field when it is not
	 * complete. The unit, the plan's deadlines and the measures are taken from the ledger, not from
	 * the submitted variables: a completion cannot move its deadline or change what was approved.
	 *
	 * @param local the task's own variables (a measure's number, the talk's unit head)
	 */
	public Outcome completeTask(String taskKey, String caseNo, Map<String, Object> submitted,
			Map<String, Object> local, String actor) {
		Map<String, Object> v = new HashMap<>(submitted);
		v.putAll(local);
		return switch (taskKey) {
			case TASK_DRAFT_PLAN -> submitPlan(caseNo, v, actor);
			case TASK_APPROVE_PLAN -> decidePlan(caseNo, v, actor);
			case TASK_IMPLEMENT_MEASURE -> measureDone(caseNo, v, actor);
			case TASK_REPORT_PROGRESS -> reportProgress(caseNo, v, actor);
			case TASK_ADMONISHMENT_TALK -> talkHeld(caseNo, v, actor);
			case TASK_VERIFY -> verify(caseNo, v, actor);
			default -> throw new IllegalArgumentException("no rectification rules for task '" + taskKey + "'");
		};
	}

	private Outcome submitPlan(String caseNo, Map<String, Object> v, String actor) {
		String unit = recordedUnit(caseNo);
		// Tasklist sends the form's numbered fields (shown pre-filled with a returned plan); an API
		// client sends the list. A list that differs from the plan on record is the one submitted.
		List<Map<String, Object>> slots = MeasurePlan.fromSlots(v);
		Object listed = v.get(MEASURES.name());
		Object onRecord = recorded(caseNo).get(MEASURES.name());
		boolean listChanged = listed != null && (onRecord == null
				|| !Objects.equals(MEASURES.from(Map.of(MEASURES.name(), listed)), MEASURES.from(Map.of(MEASURES.name(), onRecord))));
		List<Measure> measures = MeasurePlan.validate(slots == null || listChanged ? listed : slots, unit,
				this.directory, this.calendar,
				this.calendar.dayOf(EngineClock.now()));
		Instant due = instant(recorded(caseNo).get(DUE_AT.name()));
		String json = MeasurePlan.asVariable(measures).toString();
		this.ledger.append(new LedgerEvent(caseNo, KEY, "PLAN_SUBMITTED", unit, actor, due,
				measures.size() + " measures: " + json));
		return planVariables(measures);
	}

	private Outcome decidePlan(String caseNo, Map<String, Object> v, String actor) {
		Boolean approved;
		try {
			approved = PLAN_APPROVED.from(v);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(PLAN_APPROVED.name(), "must be true (approve) or false (return)");
		}
		if (approved == null) {
			throw new InvalidInput(PLAN_APPROVED.name(), "is required: approve the plan or return it");
		}
		String comment = PLAN_COMMENT.from(v);
		List<Measure> measures = recordedMeasures(caseNo);
		Map<String, Object> out = new HashMap<>(planVariables(measures).variables());
		out.put(PLAN_APPROVED.name(), approved);
		if (approved) {
			this.ledger.append(new LedgerEvent(caseNo, KEY, "PLAN_APPROVED", WellKnownGroups.COUNTY_PLATFORM, actor, null,
					measures.size() + " measures" + (comment == null ? "" : ": " + comment)));
		}
		else {
			if (comment == null) {
				throw new InvalidInput(PLAN_COMMENT.name(), "is required when the plan is returned: say what to change");
			}
			this.ledger.append(new LedgerEvent(caseNo, KEY, "PLAN_RETURNED", recordedUnit(caseNo), actor, null, comment));
			out.put(PLAN_STAGE.name(), PlanStage.RETURNED.name());
			out.put(PLAN_COMMENT.name(), comment);
		}
		return new Outcome(out);
	}

	/**
	 * The approved plan goes public: COMMITTED, and the case enters the public list of commitments.
	 * Sets the measures the implementation runs over, as approved.
	 */
	public Outcome commit(String caseNo, Map<String, Object> v, String actor) {
		String unit = recordedUnit(caseNo);
		List<Measure> measures = recordedMeasures(caseNo);
		Instant now = EngineClock.now();
		this.commitments.publish(caseNo, unit, unitName(unit), need(TITLE, v), need(PROBLEMS, v), need(SOURCE, v),
				measures, now);
		this.ledger.append(new LedgerEvent(caseNo, KEY, "COMMITTED", unit, actor, null, "publicly committed: "
				+ measures.stream().map(m -> m.no() + ". " + m.measure() + " by " + m.deadline()).toList()));
		return planVariables(measures);
	}

	/** The local variables of one measure's instance of the implementation subprocess. */
	public Outcome enterMeasure(Map<String, Object> measureVariable, int loopCounter) {
		Measure m = new Measure(loopCounter + 1, (String) measureVariable.get("measure"),
				(String) measureVariable.get("responsible"), LocalDate.parse((String) measureVariable.get("deadline")),
				(String) measureVariable.get("target"));
		RectificationDeadlines deadlines = RectificationDeadlines.around(this.calendar, m.deadline(), EngineClock.now());
		Map<String, Object> out = new HashMap<>();
		out.put(MEASURE_NO.name(), m.no());
		out.put(MEASURE.name(), m.measure());
		out.put(RESPONSIBLE.name(), m.responsible());
		out.put(DEADLINE.name(), m.deadline().toString());
		out.put(TARGET.name(), m.target());
		out.put(MEASURE_DUE_AT.name(), RectificationDeadlines.iso(deadlines.dueAt()));
		out.put(MEASURE_WARN_AT.name(), RectificationDeadlines.iso(deadlines.warnAt()));
		out.put(MEASURE_LATE_AT.name(), RectificationDeadlines.iso(deadlines.lateAt()));
		return new Outcome(out);
	}

	private Outcome measureDone(String caseNo, Map<String, Object> v, String actor) {
		String result = required(MEASURE_RESULT.name(), MEASURE_RESULT.from(v), 2000);
		String evidence = optional(EVIDENCE.name(), EVIDENCE.from(v), 2000);
		int no = need(MEASURE_NO, v);
		Instant now = EngineClock.now();
		Instant due = instant(MEASURE_DUE_AT.from(v));
		boolean late = due != null && now.isAfter(due);
		this.ledger.append(new LedgerEvent(caseNo, KEY, "MEASURE_DONE", recordedUnit(caseNo), actor, due,
				measurePrefix(no) + (late ? "done late: " : "done: ") + result
						+ (evidence == null ? "" : " | evidence: " + evidence)));
		this.commitments.measureDone(caseNo, no, now);
		return Outcome.none();
	}

	/** When a monthly report is asked for: due in {@value #PROGRESS_REPORT_DAYS} working days. */
	public Instant progressReportDue() {
		return this.calendar.deadline(EngineClock.now(), PROGRESS_REPORT_DAYS).toInstant();
	}

	private Outcome reportProgress(String caseNo, Map<String, Object> v, String actor) {
		Integer progress;
		try {
			progress = PROGRESS.from(v);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(PROGRESS.name(), "must be a whole number from 0 to 100");
		}
		if (progress == null || progress < 0 || progress > 100) {
			throw new InvalidInput(PROGRESS.name(), "is required: a whole number from 0 to 100 (per cent done)");
		}
		String note = required(PROGRESS_NOTE.name(), PROGRESS_NOTE.from(v), 2000);
		this.ledger.append(new LedgerEvent(caseNo, KEY, "PROGRESS_REPORTED", recordedUnit(caseNo), actor, null,
				progress + "%: " + note));
		this.commitments.progress(caseNo, progress, EngineClock.now());
		return Outcome.none();
	}

	/**
	 * When county leaders are asked to hold an admonishment talk: SUMMONED, and the unit head is
	 * told. Returns the talk's own variables: the head and why.
	 */
	public Outcome talkCalled(String caseNo, Map<String, Object> v) {
		String unit = recordedUnit(caseNo);
		String head = this.directory.headOf(unit).orElse(null);
		String reason = TALK_REASON.from(v) == null ? "rectification " + caseNo : TALK_REASON.from(v);
		this.ledger.append(new LedgerEvent(caseNo, KEY, "SUMMONED", unit, LedgerEvent.SYSTEM_ACTOR, null,
				"head " + (head == null ? "(not named in the organisation chart)" : head) + " of " + unit
						+ " summoned to an admonishment talk: " + reason));
		List<String> recipients = new ArrayList<>(List.of("group:" + WellKnownGroups.COUNTY_LEADERS));
		if (head != null && this.directory.userExists(head)) {
			recipients.add("head:" + unit);
		}
		Map<String, Object> values = new HashMap<>(v);
		values.put(TALK_REASON.name(), reason);
		values.put(UNIT_NAME.name(), unitName(unit));
		notify(caseNo, "rectification-admonishment", values, recipients,
				caseNo + "/SUMMONED/" + this.ledger.caseHistory(caseNo).size());
		Map<String, Object> out = new HashMap<>();
		out.put(TALK_REASON.name(), reason);
		out.put(TALK_HEAD.name(), head == null ? unitName(unit) : head);
		return new Outcome(out);
	}

	private Outcome talkHeld(String caseNo, Map<String, Object> v, String actor) {
		String record = required(TALK_RECORD.name(), TALK_RECORD.from(v), 5000);
		this.ledger.append(new LedgerEvent(caseNo, KEY, "ADMONISHED", recordedUnit(caseNo), actor, null,
				"talk with " + TALK_HEAD.from(v) + " (" + TALK_REASON.from(v) + "): " + record));
		return Outcome.none();
	}

	private Outcome verify(String caseNo, Map<String, Object> v, String actor) {
		String verification = required(VERIFICATION.name(), VERIFICATION.from(v), 40);
		if (!RectificationValues.isOneOf(Verification.class, verification)) {
			throw new InvalidInput(VERIFICATION.name(), "must be one of " + RectificationValues.names(Verification.class)
					+ ", was '" + verification + "'");
		}
		String comment = optional(VERIFICATION_COMMENT.name(), VERIFICATION_COMMENT.from(v), 5000);
		String unit = recordedUnit(caseNo);
		if (Verification.valueOf(verification) == Verification.FAIL) {
			if (comment == null) {
				throw new InvalidInput(VERIFICATION_COMMENT.name(),
						"is required when verification fails: say what is still wrong");
			}
			this.ledger.append(new LedgerEvent(caseNo, KEY, "VERIFICATION_FAILED", unit, actor, null, comment));
			this.commitments.revising(caseNo, EngineClock.now());
			return new Outcome(Map.of(PLAN_STAGE.name(), PlanStage.FAILED_VERIFICATION.name(), VERIFICATION.name(),
					verification, VERIFICATION_COMMENT.name(), comment));
		}
		long pendingTalks = count(caseNo, "SUMMONED") - count(caseNo, "ADMONISHED");
		if (pendingTalks > 0) {
			throw new InvalidInput(VERIFICATION.name(), "cannot pass while " + pendingTalks
					+ " admonishment talk(s) of this case are not yet held by the county leaders");
		}
		this.ledger.append(new LedgerEvent(caseNo, KEY, "VERIFIED", unit, actor, null,
				comment == null ? "passed" : "passed: " + comment));
		return new Outcome(Map.of(VERIFICATION.name(), verification));
	}

	/** The case ends after verification: CLOSED, and the public commitment reads fulfilled. */
	public Outcome close(String caseNo) {
		this.ledger.append(new LedgerEvent(caseNo, KEY, "CLOSED", recordedUnit(caseNo), LedgerEvent.SYSTEM_ACTOR, null,
				"VERIFIED"));
		this.commitments.fulfilled(caseNo, EngineClock.now());
		return new Outcome(Map.of(OUTCOME.name(), "VERIFIED"));
	}

	/**
	 * A step of the plan's ladder, recorded once per deadline: WARNED to the unit, URGED also to its
	 * head and the supervision office, REPRIMANDED (notice of criticism) also to the county leaders.
	 * Missing lower steps are recorded first, so the ledger always reads in order.
	 */
	public void escalatePlan(String caseNo, String level, Map<String, Object> v) {
		int top = PLAN_LADDER.indexOf(level);
		if (top < 0) {
			throw new IllegalArgumentException("plan escalation level must be one of " + PLAN_LADDER + ", was '" + level
					+ "'");
		}
		Instant due = instant(need(DUE_AT, v));
		String unit = recordedUnit(caseNo);
		this.ledger.lockCase(caseNo);
		for (String step : PLAN_LADDER.subList(0, top + 1)) {
			if (this.ledger.hasEntry(caseNo, step, due, PLAN_PREFIX + " ")) {
				continue;
			}
			List<String> recipients = new ArrayList<>(List.of("group:" + unit));
			if (!step.equals("WARNED")) {
				addHead(recipients, unit);
				recipients.add("group:" + WellKnownGroups.SUPERVISION_OFFICE);
			}
			if (step.equals("REPRIMANDED")) {
				recipients.add("group:" + WellKnownGroups.COUNTY_LEADERS);
			}
			this.ledger.append(new LedgerEvent(caseNo, KEY, step, unit, LedgerEvent.SYSTEM_ACTOR, due,
					PLAN_PREFIX + " of " + unit + " due " + DUE_AT.from(v)));
			Map<String, Object> values = new HashMap<>(v);
			values.put(UNIT_NAME.name(), unitName(unit));
			notify(caseNo, "rectification-plan-" + step.toLowerCase(), values, recipients,
					caseNo + "/plan/" + step + "/" + DUE_AT.from(v));
		}
	}

	/**
	 * A step of a measure's ladder, recorded once per measure and deadline: WARNED to the
	 * responsible person, URGED also to the unit, its head and the supervision office, CRITICIZED
	 * (notice of criticism, five working days late) to the same. Returns the reason for the
	 * admonishment talk that follows a criticism.
	 */
	public Outcome escalateMeasure(String caseNo, String level, Map<String, Object> v) {
		int top = MEASURE_LADDER.indexOf(level);
		if (top < 0) {
			throw new IllegalArgumentException("measure escalation level must be one of " + MEASURE_LADDER + ", was '"
					+ level + "'");
		}
		int no = need(MEASURE_NO, v);
		Instant due = instant(need(MEASURE_DUE_AT, v));
		String unit = recordedUnit(caseNo);
		String responsible = need(RESPONSIBLE, v);
		this.ledger.lockCase(caseNo);
		for (String step : MEASURE_LADDER.subList(0, top + 1)) {
			if (this.ledger.hasEntry(caseNo, step, due, measurePrefix(no))) {
				continue;
			}
			List<String> recipients = new ArrayList<>();
			if (this.directory.userExists(responsible)) {
				recipients.add("user:" + responsible);
			}
			recipients.add("group:" + unit);
			if (!step.equals("WARNED")) {
				addHead(recipients, unit);
				recipients.add("group:" + WellKnownGroups.SUPERVISION_OFFICE);
			}
			this.ledger.append(new LedgerEvent(caseNo, KEY, step, unit, LedgerEvent.SYSTEM_ACTOR, due,
					measurePrefix(no) + MEASURE.from(v) + " (responsible " + responsible + ") due " + DEADLINE.from(v)));
			Map<String, Object> values = new HashMap<>(v);
			values.put(UNIT_NAME.name(), unitName(unit));
			notify(caseNo, "rectification-measure-" + step.toLowerCase(), values, recipients,
					caseNo + "/measure/" + no + "/" + step + "/" + DEADLINE.from(v));
		}
		if (!level.equals("CRITICIZED")) {
			return Outcome.none();
		}
		return new Outcome(Map.of(TALK_REASON.name(), "整改措施超期5个工作日 Measure " + no + " five working days late: "
				+ MEASURE.from(v) + " (deadline " + DEADLINE.from(v) + ")"));
	}

	/**
	 * What the ledger says of the case, for the variables a completion must not change: the unit,
	 * the plan's current deadlines and the measures last submitted.
	 */
	public Map<String, Object> recorded(String caseNo) {
		Map<String, Object> out = new HashMap<>();
		LedgerEntry clock = null;
		LedgerEntry plan = null;
		for (LedgerEntry entry : this.ledger.caseHistory(caseNo)) {
			switch (entry.event()) {
				case "FILED" -> out.put(UNIT.name(), entry.unit());
				case "PLAN_REQUESTED" -> clock = entry;
				case "PLAN_SUBMITTED" -> plan = entry;
				default -> {
				}
			}
		}
		if (clock != null) {
			RectificationDeadlines deadlines = RectificationDeadlines.around(this.calendar,
					clock.dueAt().atZone(this.calendar.zone()).toLocalDate(), clock.at());
			out.putAll(planDeadlineVariables(deadlines));
		}
		if (plan != null) {
			out.put(MEASURES.name(), MEASURES.stored(MeasurePlan.recorded(planJson(plan))
				.stream()
				.map(Measure::asVariable)
				.toList()));
		}
		return out;
	}

	private List<Measure> recordedMeasures(String caseNo) {
		LedgerEntry plan = null;
		for (LedgerEntry entry : this.ledger.caseHistory(caseNo)) {
			if (entry.event().equals("PLAN_SUBMITTED")) {
				plan = entry;
			}
		}
		if (plan == null) {
			throw new IllegalStateException("case " + caseNo + " has no submitted plan");
		}
		return MeasurePlan.recorded(planJson(plan));
	}

	private String recordedUnit(String caseNo) {
		return this.ledger.caseHistory(caseNo)
			.stream()
			.filter(e -> e.event().equals("FILED"))
			.map(LedgerEntry::unit)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("case " + caseNo + " was never filed"));
	}

	private Outcome planVariables(List<Measure> measures) {
		Map<String, Object> out = new HashMap<>();
		out.put(MEASURES.name(), MeasurePlan.asVariable(measures));
		out.put(PLAN_TEXT.name(), MeasurePlan.text(measures, this.directory));
		return new Outcome(out);
	}

	private static String planJson(LedgerEntry plan) {
		return plan.detail().substring(plan.detail().indexOf('['));
	}

	private Map<String, Object> planDeadlineVariables(RectificationDeadlines deadlines) {
		Map<String, Object> out = new HashMap<>();
		out.put(DUE_AT.name(), RectificationDeadlines.iso(deadlines.dueAt()));
		out.put(WARN_AT.name(), RectificationDeadlines.iso(deadlines.warnAt()));
		out.put(REPRIMAND_AT.name(), RectificationDeadlines.iso(deadlines.lateAt()));
		return out;
	}

	private void notify(String caseNo, String template, Map<String, Object> values, List<String> recipients,
			String dedupKey) {
		Function<String, Object> lookup = name -> name.equals(CASE_NO.name()) ? caseNo : values.get(name);
		NotificationTemplates.Rendered message = this.templates.render(template, lookup);
		this.notifications.notify(new Notice(caseNo, recipients, message.subject(), message.body(), dedupKey));
	}

	/** A head the chart names but no admin has created yet cannot be told; the unit still is. */
	private void addHead(List<String> recipients, String unit) {
		this.directory.headOf(unit).filter(this.directory::userExists).ifPresent(head -> recipients.add("head:" + unit));
	}

	private long count(String caseNo, String event) {
		return this.ledger.caseHistory(caseNo).stream().filter(e -> e.event().equals(event)).count();
	}

	private String unitName(String unit) {
		return this.directory.unit(unit).map(Unit::name).orElse(unit);
	}

	static String measurePrefix(int no) {
		return "measure " + no + ": ";
	}

	private static String required(String field, String value, int max) {
		if (value == null) {
			throw new InvalidInput(field, "is required");
		}
		return optional(field, value, max);
	}

	private static String optional(String field, String value, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidInput(field, "is longer than " + max + " characters");
		}
		return value;
	}

	private static <T> T need(gov.county.platform.engine.ProcessVariable<T> variable, Map<String, Object> v) {
		T value = variable.from(v);
		if (value == null) {
			throw new IllegalStateException("process variable '" + variable.name() + "' is not set");
		}
		return value;
	}

	private static Instant instant(Object iso) {
		return iso == null ? null : ZonedDateTime.parse(iso.toString()).toInstant();
	}

}
