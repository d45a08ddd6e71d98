package gov.county.platform.rectification;

import static gov.county.platform.cases.Fields.need;
import static gov.county.platform.rectification.RectificationProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import gov.county.platform.cases.CaseClock;
import gov.county.platform.cases.Cases;
import gov.county.platform.cases.CaseState;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.cases.Ladder;
import gov.county.platform.cases.Outcome;
import gov.county.platform.cases.TaskSteps;
import gov.county.platform.cases.TimeLimits;
import gov.county.platform.engine.Actor;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.organization.WellKnownGroups;
import gov.county.platform.rectification.RectificationValues.PlanStage;
import gov.county.platform.rectification.RectificationValues.Source;

/**
 * The rules of rectification (整改): what each step requires, which ledger events it leaves, the
 * deadlines of the plan and of every measure, who is told, and what the public list of commitments
 * shows. Delegates and listeners only map variables in and out of here.
 */
@Service
public class RectificationService {

	/** The ledger's detail of the plan's clock and its escalations starts with this. */
	static final String PLAN_PREFIX = "plan";

	private final Cases cases;

	private final Commitments commitments;

	private final RectificationCase.Plans plans;

	public RectificationService(Cases cases, Commitments commitments) {
		this.cases = cases;
		this.commitments = commitments;
		this.plans = new RectificationCase.Plans() {

			@Override
			public List<Measure> check(Object submitted, String unit, LocalDate today) {
				return MeasurePlan.validate(submitted, unit, cases.directory(), cases.calendar(), today);
			}

			@Override
			public Map<String, Object> variables(List<Measure> measures) {
				return planVariables(measures).variables();
			}

			@Override
			public LocalDate today(Instant now) {
				return cases.calendar().dayOf(now);
			}

		};
	}

	/** A new case number ZG-YYYY-NNNNNN, taken in the caller's transaction. */
	public String newCaseNumber() {
		return this.cases.caseNumbers().next(CASE_PREFIX);
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
		List<String> groups = Actor.SYSTEM.equals(actor) ? null : this.cases.directory().groupsOf(actor);
		Map<String, Object> valid = RectificationSubmission.validate(start, this.cases.directory(), groups);
		String unit = (String) valid.get(UNIT.name());
		Map<String, Object> out = new HashMap<>(valid);
		out.put(CASE_NO.name(), caseNo);
		out.put(UNIT_NAME.name(), this.cases.unitName(unit));
		out.put(PLAN_STAGE.name(), PlanStage.FIRST.name());
		boolean survey = Source.SURVEY.name().equals(valid.get(SOURCE.name()));
		out.put(ADMONISH_AT_START.name(), survey);
		if (survey) {
			out.put(TALK_REASON.name(), "满意度测评排名靠后 Ranked last in a satisfaction survey"
					+ (valid.get(ORIGIN_CASE_NO.name()) == null ? "" : " (" + valid.get(ORIGIN_CASE_NO.name()) + ")")
					+ ": " + valid.get(PROBLEMS.name()));
		}
		this.cases.states().open(caseNo, KEY, unit, (String) valid.get(TITLE.name()));
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, RectificationEvent.FILED, unit, actor, null,
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
		Deadlines deadlines = Deadlines.start(this.cases.calendar(), this.cases.limits(), now, days);
		String unit = unit(caseNo);
		this.cases.states().startClock(caseNo, deadlines.dueAt().toInstant(), now);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, RectificationEvent.PLAN_REQUESTED, unit, actor, deadlines.dueAt().toInstant(),
				PLAN_PREFIX + " within " + days + " working days (" + PLAN_STAGE.from(v) + ")"));
		return new Outcome(deadlines.asVariables());
	}

	/** When the plan task opens: the unit's members, for the "responsible" dropdown of the form. */
	public Outcome draftOpened(String unit) {
		List<Map<String, Object>> options = new ArrayList<>();
		for (String member : this.cases.directory().membersOf(unit)) {
			Map<String, Object> option = new LinkedHashMap<>();
			option.put("label", this.cases.directory().displayName(member));
			option.put("value", member);
			options.add(option);
		}
		return new Outcome(Map.of(UNIT_MEMBERS.name(), UNIT_MEMBERS.stored(options)));
	}

	/** The rule of each of rectification's user tasks. */
	private static final TaskSteps<RectificationCase> TASKS = new TaskSteps<>(KEY, Map.of(
			TASK_DRAFT_PLAN, (v, rectification) -> SubmitPlan.decide(SubmitPlan.Input.from(v), rectification),
			TASK_APPROVE_PLAN, (v, rectification) -> DecidePlan.decide(DecidePlan.Input.from(v), rectification),
			TASK_IMPLEMENT_MEASURE,
			(v, rectification) -> CompleteMeasure.decide(CompleteMeasure.Input.from(v), rectification),
			TASK_REPORT_PROGRESS, (v, rectification) -> ReportProgress.decide(ReportProgress.Input.from(v), rectification),
			TASK_ADMONISHMENT_TALK, (v, rectification) -> HoldTalk.decide(HoldTalk.Input.from(v), rectification),
			TASK_VERIFY,
			(v, rectification) -> VerifyRectification.decide(VerifyRectification.Input.from(v), rectification)));

	/**
	 * Checks and records the completion of a user task by its step rule; throws naming the field
	 * when it is not complete. The unit, the plan's deadlines and the measures are the case's state,
	 * not the submitted variables: a completion cannot move its deadline or change what was approved.
	 *
	 * @param local the task's own variables (a measure's number, the talk's unit head)
	 */
	public Outcome completeTask(String taskKey, String caseNo, Map<String, Object> submitted,
			Map<String, Object> local, String actor) {
		Map<String, Object> v = new HashMap<>(submitted);
		v.putAll(local);
		RectificationCase rectification = new RectificationCase(caseNo, actor, EngineClock.now(),
				this.cases.states().get(caseNo), this.commitments, this.plans, event -> count(caseNo, event));
		return this.cases.recorder().record(caseNo, TASKS.decide(taskKey, v, rectification));
	}

	/**
	 * The approved plan goes public: COMMITTED, and the case enters the public list of commitments.
	 * Sets the measures the implementation runs over, as approved.
	 */
	public Outcome commit(String caseNo, Map<String, Object> v, String actor) {
		String unit = unit(caseNo);
		List<Measure> measures = recordedMeasures(caseNo);
		Instant now = EngineClock.now();
		this.commitments.publish(caseNo, unit, this.cases.unitName(unit), need(TITLE, v), need(PROBLEMS, v), need(SOURCE, v),
				measures, now);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, RectificationEvent.COMMITTED, unit, actor, null, "publicly committed: "
				+ measures.stream().map(m -> m.no() + ". " + m.measure() + " by " + m.deadline()).toList()));
		return planVariables(measures);
	}

	/** The local variables of one measure's instance of the implementation subprocess. */
	public Outcome enterMeasure(Map<String, Object> measureVariable, int loopCounter) {
		Measure m = new Measure(loopCounter + 1, (String) measureVariable.get("measure"),
				(String) measureVariable.get("responsible"), LocalDate.parse((String) measureVariable.get("deadline")),
				(String) measureVariable.get("target"));
		Deadlines deadlines = Deadlines.around(this.cases.calendar(), this.cases.limits(), m.deadline(), EngineClock.now());
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

	/** When a monthly report is asked for: due in {@link TimeLimits#progressReportDays()} working days. */
	public Instant progressReportDue() {
		return this.cases.calendar().deadline(EngineClock.now(), this.cases.limits().progressReportDays()).toInstant();
	}

	/**
	 * When county leaders are asked to hold an admonishment talk: SUMMONED, and the unit head is
	 * told. Returns the talk's own variables: the head and why.
	 */
	public Outcome talkCalled(String caseNo, Map<String, Object> v) {
		String unit = unit(caseNo);
		String head = this.cases.directory().headOf(unit).orElse(null);
		String reason = TALK_REASON.from(v) == null ? "rectification " + caseNo : TALK_REASON.from(v);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, RectificationEvent.SUMMONED, unit, LedgerEvent.SYSTEM_ACTOR, null,
				"head " + (head == null ? "(not named in the organisation chart)" : head) + " of " + unit
						+ " summoned to an admonishment talk: " + reason));
		List<String> recipients = new ArrayList<>(List.of("group:" + WellKnownGroups.COUNTY_LEADERS));
		if (head != null && this.cases.directory().userExists(head)) {
			recipients.add("head:" + unit);
		}
		Map<String, Object> values = new HashMap<>(v);
		values.put(TALK_REASON.name(), reason);
		values.put(UNIT_NAME.name(), this.cases.unitName(unit));
		this.cases.notices().send(caseNo, "rectification-admonishment", values, recipients,
				caseNo + "/SUMMONED/" + this.cases.ledger().caseHistory(caseNo).size());
		Map<String, Object> out = new HashMap<>();
		out.put(TALK_REASON.name(), reason);
		out.put(TALK_HEAD.name(), head == null ? this.cases.unitName(unit) : head);
		return new Outcome(out);
	}

	/** The case ends after verification: CLOSED, and the public commitment reads fulfilled. */
	public Outcome close(String caseNo) {
		this.cases.states().close(caseNo);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, RectificationEvent.CLOSED, unit(caseNo), LedgerEvent.SYSTEM_ACTOR, null,
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
		CaseState state = this.cases.states().get(caseNo);
		CaseClock clock = state.currentClock()
			.orElseThrow(() -> new IllegalStateException("rectification " + caseNo + " has no plan deadline"));
		String unit = state.unit();
		String due = Deadlines.iso(Deadlines.of(this.cases.calendar(), this.cases.limits(), clock).dueAt());
		Map<String, Object> values = new HashMap<>(v);
		values.put(UNIT_NAME.name(), this.cases.unitName(unit));
		this.cases.escalations().climb(caseNo, "plan-" + clock.no(), Ladder.DEADLINE, level, step -> {
			this.cases.ledger().append(new LedgerEvent(caseNo, KEY, EVENTS.require(step), unit, LedgerEvent.SYSTEM_ACTOR, clock.dueAt(),
					PLAN_PREFIX + " of " + unit + " due " + due));
			this.cases.notices().send(caseNo, "rectification-plan-" + step.toLowerCase(), values,
					this.cases.escalations().recipients(Ladder.DEADLINE, step, unit, null), caseNo + "/plan/" + step + "/" + due);
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
		values.put(UNIT_NAME.name(), this.cases.unitName(unit));
		this.cases.escalations().climb(caseNo, "measure-" + no + "@" + due, Ladder.MEASURE, level, step -> {
			this.cases.ledger().append(new LedgerEvent(caseNo, KEY, EVENTS.require(step), unit, LedgerEvent.SYSTEM_ACTOR, due,
					measurePrefix(no) + MEASURE.from(v) + " (responsible " + responsible + ") due " + DEADLINE.from(v)));
			this.cases.notices().send(caseNo, "rectification-measure-" + step.toLowerCase(), values,
					this.cases.escalations().recipients(Ladder.MEASURE, step, unit, responsible),
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
		CaseState state = this.cases.states().get(caseNo);
		out.put(UNIT.name(), state.unit());
		state.currentClock()
			.ifPresent(clock -> out.putAll(Deadlines.of(this.cases.calendar(), this.cases.limits(), clock).asVariables()));
		state.submittedPlan()
			.ifPresent(plan -> out.put(MEASURES.name(),
					MEASURES.stored(MeasurePlan.recorded(plan).stream().map(Measure::asVariable).toList())));
		return out;
	}

	private List<Measure> recordedMeasures(String caseNo) {
		return MeasurePlan.recorded(this.cases.states().get(caseNo)
			.submittedPlan()
			.orElseThrow(() -> new IllegalStateException("case " + caseNo + " has no submitted plan")));
	}

	private String unit(String caseNo) {
		return this.cases.states().get(caseNo).unit();
	}


	private Outcome planVariables(List<Measure> measures) {
		Map<String, Object> out = new HashMap<>();
		out.put(MEASURES.name(), MeasurePlan.asVariable(measures));
		out.put(PLAN_TEXT.name(), MeasurePlan.text(measures, this.cases.directory()));
		return new Outcome(out);
	}

	/** A head the chart names but no admin has created yet cannot be told; the unit still is. */
	private void addHead(List<String> recipients, String unit) {
		this.cases.directory().headOf(unit).filter(this.cases.directory()::userExists).ifPresent(head -> recipients.add("head:" + unit));
	}

	private long count(String caseNo, RectificationEvent event) {
		return this.cases.ledger().caseHistory(caseNo).stream().filter(e -> e.is(event)).count();
	}

	static String measurePrefix(int no) {
		return "measure " + no + ": ";
	}

}
