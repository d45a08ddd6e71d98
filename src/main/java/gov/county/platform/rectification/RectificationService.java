package gov.county.platform.rectification;

import static gov.county.platform.cases.Fields.need;
import static gov.county.platform.cases.Fields.optional;
import static gov.county.platform.cases.Fields.required;
import static gov.county.platform.rectification.RectificationProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.Fields;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.cases.CaseClock;
import gov.county.platform.cases.CaseNotices;
import gov.county.platform.cases.CaseState;
import gov.county.platform.cases.CaseStates;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.cases.Escalations;
import gov.county.platform.cases.Fields;
import gov.county.platform.cases.Ladder;
import gov.county.platform.cases.Outcome;
import gov.county.platform.cases.TimeLimits;
import gov.county.platform.engine.Actor;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerService;
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

	/** The ledger's detail of the plan's clock and its escalations starts with this. */
	static final String PLAN_PREFIX = "plan";

	private final CaseNumberService caseNumbers;

	private final LedgerService ledger;

	private final CaseNotices notices;

	private final CaseStates states;

	private final Escalations escalations;

	private final TimeLimits limits;

	private final WorkingDayCalendar calendar;

	private final Directory directory;

	private final Commitments commitments;

	public RectificationService(CaseNumberService caseNumbers, LedgerService ledger, CaseNotices notices,
			CaseStates states, Escalations escalations, TimeLimits limits, WorkingDayCalendar calendar,
			Directory directory, Commitments commitments) {
		this.caseNumbers = caseNumbers;
		this.ledger = ledger;
		this.notices = notices;
		this.states = states;
		this.escalations = escalations;
		this.limits = limits;
		this.calendar = calendar;
		this.directory = directory;
		this.commitments = commitments;
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
		this.states.open(caseNo, KEY, unit);
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.FILED, unit, actor, null,
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
		Instant now = EngineClock.now();
		Deadlines deadlines = Deadlines.start(this.calendar, this.limits, now, days);
		String unit = unit(caseNo);
		this.states.startClock(caseNo, deadlines.dueAt().toInstant(), now);
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.PLAN_REQUESTED, unit, actor, deadlines.dueAt().toInstant(),
				PLAN_PREFIX + " within " + days + " working days (" + PLAN_STAGE.from(v) + ")"));
		return new Outcome(deadlines.asVariables());
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
	 * complete. The unit, the plan's deadlines and the measures are taken from the case's state, not
	 * from the submitted variables: a completion cannot move its deadline or change what was approved.
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
		CaseState state = this.states.get(caseNo);
		String unit = state.unit();
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
		Instant due = state.currentClock().map(CaseClock::dueAt).orElse(null);
		String json = MeasurePlan.asVariable(measures).toString();
		this.states.setPlan(caseNo, json);
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.PLAN_SUBMITTED, unit, actor, due,
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
			this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.PLAN_APPROVED, WellKnownGroups.COUNTY_PLATFORM, actor, null,
					measures.size() + " measures" + (comment == null ? "" : ": " + comment)));
		}
		else {
			if (comment == null) {
				throw new InvalidInput(PLAN_COMMENT.name(), "is required when the plan is returned: say what to change");
			}
			this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.PLAN_RETURNED, unit(caseNo), actor, null, comment));
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
		String unit = unit(caseNo);
		List<Measure> measures = recordedMeasures(caseNo);
		Instant now = EngineClock.now();
		this.commitments.publish(caseNo, unit, unitName(unit), need(TITLE, v), need(PROBLEMS, v), need(SOURCE, v),
				measures, now);
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.COMMITTED, unit, actor, null, "publicly committed: "
				+ measures.stream().map(m -> m.no() + ". " + m.measure() + " by " + m.deadline()).toList()));
		return planVariables(measures);
	}

	/** The local variables of one measure's instance of the implementation subprocess. */
	public Outcome enterMeasure(Map<String, Object> measureVariable, int loopCounter) {
		Measure m = new Measure(loopCounter + 1, (String) measureVariable.get("measure"),
				(String) measureVariable.get("responsible"), LocalDate.parse((String) measureVariable.get("deadline")),
				(String) measureVariable.get("target"));
		Deadlines deadlines = Deadlines.around(this.calendar, this.limits, m.deadline(), EngineClock.now());
		Map<String, Object> out = new HashMap<>();
		out.put(MEASURE_NO.name(), m.no());
		out.put(MEASURE.name(), m.measure());
		out.put(RESPONSIBLE.name(), m.responsible());
		out.put(DEADLINE.name(), m.deadline().toString());
		out.put(TARGET.name(), m.target());
		out.put(MEASURE_DUE_AT.name(), Deadlines.iso(deadlines.dueAt()));
		out.put(MEASURE_WARN_AT.name(), Deadlines.iso(deadlines.warnAt()));
		out.put(MEASURE_LATE_AT.name(), Deadlines.iso(deadlines.lateAt()));
		return new Outcome(out);
	}

	private Outcome measureDone(String caseNo, Map<String, Object> v, String actor) {
		String result = required(MEASURE_RESULT.name(), MEASURE_RESULT.from(v), 2000);
		String evidence = optional(EVIDENCE.name(), EVIDENCE.from(v), 2000);
		int no = need(MEASURE_NO, v);
		Instant now = EngineClock.now();
		Instant due = Deadlines.instant(MEASURE_DUE_AT.from(v));
		boolean late = due != null && now.isAfter(due);
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.MEASURE_DONE, unit(caseNo), actor, due,
				measurePrefix(no) + (late ? "done late: " : "done: ") + result
						+ (evidence == null ? "" : " | evidence: " + evidence)));
		this.commitments.measureDone(caseNo, no, now);
		return Outcome.none();
	}

	/** When a monthly report is asked for: due in {@link TimeLimits#progressReportDays()} working days. */
	public Instant progressReportDue() {
		return this.calendar.deadline(EngineClock.now(), this.limits.progressReportDays()).toInstant();
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
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.PROGRESS_REPORTED, unit(caseNo), actor, null,
				progress + "%: " + note));
		this.commitments.progress(caseNo, progress, EngineClock.now());
		return Outcome.none();
	}

	/**
	 * When county leaders are asked to hold an admonishment talk: SUMMONED, and the unit head is
	 * told. Returns the talk's own variables: the head and why.
	 */
	public Outcome talkCalled(String caseNo, Map<String, Object> v) {
		String unit = unit(caseNo);
		String head = this.directory.headOf(unit).orElse(null);
		String reason = TALK_REASON.from(v) == null ? "rectification " + caseNo : TALK_REASON.from(v);
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.SUMMONED, unit, LedgerEvent.SYSTEM_ACTOR, null,
				"head " + (head == null ? "(not named in the organisation chart)" : head) + " of " + unit
						+ " summoned to an admonishment talk: " + reason));
		List<String> recipients = new ArrayList<>(List.of("group:" + WellKnownGroups.COUNTY_LEADERS));
		if (head != null && this.directory.userExists(head)) {
			recipients.add("head:" + unit);
		}
		Map<String, Object> values = new HashMap<>(v);
		values.put(TALK_REASON.name(), reason);
		values.put(UNIT_NAME.name(), unitName(unit));
		this.notices.send(caseNo, "rectification-admonishment", values, recipients,
				caseNo + "/SUMMONED/" + this.ledger.caseHistory(caseNo).size());
		Map<String, Object> out = new HashMap<>();
		out.put(TALK_REASON.name(), reason);
		out.put(TALK_HEAD.name(), head == null ? unitName(unit) : head);
		return new Outcome(out);
	}

	private Outcome talkHeld(String caseNo, Map<String, Object> v, String actor) {
		String record = required(TALK_RECORD.name(), TALK_RECORD.from(v), 5000);
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.ADMONISHED, unit(caseNo), actor, null,
				"talk with " + TALK_HEAD.from(v) + " (" + TALK_REASON.from(v) + "): " + record));
		return Outcome.none();
	}

	private Outcome verify(String caseNo, Map<String, Object> v, String actor) {
		String verification = required(VERIFICATION.name(), VERIFICATION.from(v), 40);
		Fields.oneOf(VERIFICATION.name(), verification, Verification.class);
		String comment = optional(VERIFICATION_COMMENT.name(), VERIFICATION_COMMENT.from(v), 5000);
		String unit = unit(caseNo);
		if (Verification.valueOf(verification) == Verification.FAIL) {
			if (comment == null) {
				throw new InvalidInput(VERIFICATION_COMMENT.name(),
						"is required when verification fails: say what is still wrong");
			}
			this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.VERIFICATION_FAILED, unit, actor, null, comment));
			this.commitments.revising(caseNo, EngineClock.now());
			return new Outcome(Map.of(PLAN_STAGE.name(), PlanStage.FAILED_VERIFICATION.name(), VERIFICATION.name(),
					verification, VERIFICATION_COMMENT.name(), comment));
		}
		long pendingTalks = count(caseNo, RectificationEvent.SUMMONED) - count(caseNo, RectificationEvent.ADMONISHED);
		if (pendingTalks > 0) {
			throw new InvalidInput(VERIFICATION.name(), "cannot pass while " + pendingTalks
					+ " admonishment talk(s) of this case are not yet held by the county leaders");
		}
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.VERIFIED, unit, actor, null,
				comment == null ? "passed" : "passed: " + comment));
		return new Outcome(Map.of(VERIFICATION.name(), verification));
	}

	/** The case ends after verification: CLOSED, and the public commitment reads fulfilled. */
	public Outcome close(String caseNo) {
		this.ledger.append(new LedgerEvent(caseNo, KEY, RectificationEvent.CLOSED, unit(caseNo), LedgerEvent.SYSTEM_ACTOR, null,
				"VERIFIED"));
		this.commitments.fulfilled(caseNo, EngineClock.now());
		return new Outcome(Map.of(OUTCOME.name(), "VERIFIED"));
	}

	/**
	 * A step of the plan's ladder ({@link Ladder#DEADLINE}), recorded once per plan deadline: WARNED
	 * to the unit, URGED also to its head and the supervision office, REPRIMANDED (notice of
	 * criticism) also to the county leaders; missing lower steps first.
	 */
	public void escalatePlan(String caseNo, String level, Map<String, Object> v) {
		CaseState state = this.states.get(caseNo);
		CaseClock clock = state.currentClock()
			.orElseThrow(() -> new IllegalStateException("rectification " + caseNo + " has no plan deadline"));
		String unit = state.unit();
		String due = Deadlines.iso(Deadlines.of(this.calendar, this.limits, clock).dueAt());
		Map<String, Object> values = new HashMap<>(v);
		values.put(UNIT_NAME.name(), unitName(unit));
		this.escalations.climb(caseNo, "plan-" + clock.no(), Ladder.DEADLINE, level, step -> {
			this.ledger.append(new LedgerEvent(caseNo, KEY, EVENTS.require(step), unit, LedgerEvent.SYSTEM_ACTOR, clock.dueAt(),
					PLAN_PREFIX + " of " + unit + " due " + due));
			this.notices.send(caseNo, "rectification-plan-" + step.toLowerCase(), values,
					this.escalations.recipients(Ladder.DEADLINE, step, unit, null), caseNo + "/plan/" + step + "/" + due);
		});
	}

	/**
	 * A step of a measure's ladder ({@link Ladder#MEASURE}), recorded once per measure and deadline:
	 * WARNED to the responsible person and the unit, URGED also to its head and the supervision
	 * office, CRITICIZED (notice of criticism, five working days late) to the same. Returns the
	 * reason for the admonishment talk that follows a criticism.
	 */
	public Outcome escalateMeasure(String caseNo, String level, Map<String, Object> v) {
		int no = need(MEASURE_NO, v);
		Instant due = Deadlines.instant(need(MEASURE_DUE_AT, v));
		String unit = unit(caseNo);
		String responsible = need(RESPONSIBLE, v);
		Map<String, Object> values = new HashMap<>(v);
		values.put(UNIT_NAME.name(), unitName(unit));
		this.escalations.climb(caseNo, "measure-" + no + "@" + due, Ladder.MEASURE, level, step -> {
			this.ledger.append(new LedgerEvent(caseNo, KEY, EVENTS.require(step), unit, LedgerEvent.SYSTEM_ACTOR, due,
					measurePrefix(no) + MEASURE.from(v) + " (responsible " + responsible + ") due " + DEADLINE.from(v)));
			this.notices.send(caseNo, "rectification-measure-" + step.toLowerCase(), values,
					this.escalations.recipients(Ladder.MEASURE, step, unit, responsible),
					caseNo + "/measure/" + no + "/" + step + "/" + DEADLINE.from(v));
		});
		if (!level.equals("CRITICIZED")) {
			return Outcome.none();
		}
		return new Outcome(Map.of(TALK_REASON.name(), "整改措施超期5个工作日 Measure " + no + " five working days late: "
				+ MEASURE.from(v) + " (deadline " + DEADLINE.from(v) + ")"));
	}

	/**
	 * What the case's state says, for the variables a completion must not change: the unit, the
	 * plan's current deadlines and the measures last submitted.
	 */
	public Map<String, Object> recorded(String caseNo) {
		Map<String, Object> out = new HashMap<>();
		CaseState state = this.states.get(caseNo);
		out.put(UNIT.name(), state.unit());
		state.currentClock()
			.ifPresent(clock -> out.putAll(Deadlines.of(this.calendar, this.limits, clock).asVariables()));
		state.submittedPlan()
			.ifPresent(plan -> out.put(MEASURES.name(),
					MEASURES.stored(MeasurePlan.recorded(plan).stream().map(Measure::asVariable).toList())));
		return out;
	}

	private List<Measure> recordedMeasures(String caseNo) {
		return MeasurePlan.recorded(this.states.get(caseNo)
			.submittedPlan()
			.orElseThrow(() -> new IllegalStateException("case " + caseNo + " has no submitted plan")));
	}

	private String unit(String caseNo) {
		return this.states.get(caseNo).unit();
	}


	private Outcome planVariables(List<Measure> measures) {
		Map<String, Object> out = new HashMap<>();
		out.put(MEASURES.name(), MeasurePlan.asVariable(measures));
		out.put(PLAN_TEXT.name(), MeasurePlan.text(measures, this.directory));
		return new Outcome(out);
	}

	/** A head the chart names but no admin has created yet cannot be told; the unit still is. */
	private void addHead(List<String> recipients, String unit) {
		this.directory.headOf(unit).filter(this.directory::userExists).ifPresent(head -> recipients.add("head:" + unit));
	}

	private long count(String caseNo, RectificationEvent event) {
		return this.ledger.caseHistory(caseNo).stream().filter(e -> e.is(event)).count();
	}

	private String unitName(String unit) {
		return this.directory.unit(unit).map(Unit::name).orElse(unit);
	}

	static String measurePrefix(int no) {
		return "measure " + no + ": ";
	}

}
