package gov.county.platform.rectification;

import static gov.county.platform.engine.ProcessVariable.bool;
import static gov.county.platform.engine.ProcessVariable.integer;
import static gov.county.platform.engine.ProcessVariable.objectList;
import static gov.county.platform.engine.ProcessVariable.string;

import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.county.platform.cases.Deadlines;
import gov.county.platform.engine.ProcessVariable;
import gov.county.platform.engine.StartContract;
import gov.county.platform.ledger.EventTypes;

/** The rectification process: its key, element ids and variables, each named once. */
public final class RectificationProcess {

	public static final String KEY = "RectificationProcess";

	/** The ledger events it writes. */
	public static final EventTypes EVENTS = EventTypes.of(KEY, RectificationEvent.class);

	public static final String CASE_PREFIX = "ZG";

	public static final String DECISION_TIME_LIMIT = "RectificationTimeLimitDecision";

	// user tasks (ids other systems rely on: docs/processes.md)
	public static final String TASK_DRAFT_PLAN = "Task_DraftPlan";

	public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";

	public static final String TASK_IMPLEMENT_MEASURE = "Task_ImplementMeasure";

	public static final String TASK_REPORT_PROGRESS = "Task_ReportProgress";

	public static final String TASK_ADMONISHMENT_TALK = "Task_AdmonishmentTalk";

	public static final String TASK_VERIFY = "Task_VerifyRectification";

	// start variables
	public static final ProcessVariable<String> UNIT = string("unit");

	public static final ProcessVariable<String> TITLE = string("title");

	public static final ProcessVariable<String> SOURCE = string("source");

	public static final ProcessVariable<String> PROBLEMS = string("problems");

	/** Optional: the case the problems come from (a survey MY-..., a card HD-...). */
	public static final ProcessVariable<String> ORIGIN_CASE_NO = string("originCaseNo");

	// set by the tasks
	public static final ProcessVariable<List<Map<String, Object>>> MEASURES = objectList("measures");

	public static final ProcessVariable<Boolean> PLAN_APPROVED = bool("planApproved");

	public static final ProcessVariable<String> PLAN_COMMENT = string("planComment");

	public static final ProcessVariable<String> MEASURE_RESULT = string("measureResult");

	public static final ProcessVariable<String> EVIDENCE = string("evidence");

	public static final ProcessVariable<Integer> PROGRESS = integer("progress");

	public static final ProcessVariable<String> PROGRESS_NOTE = string("progressNote");

	public static final ProcessVariable<String> TALK_RECORD = string("talkRecord");

	public static final ProcessVariable<String> VERIFICATION = string("verification");

	public static final ProcessVariable<String> VERIFICATION_COMMENT = string("verificationComment");

	// the case's clock (ISO-8601 with offset, county time), as every clocked process keeps it
	public static final ProcessVariable<String> DUE_AT = Deadlines.DUE_AT;

	public static final ProcessVariable<String> WARN_AT = Deadlines.WARN_AT;

	public static final ProcessVariable<String> REPRIMAND_AT = Deadlines.REPRIMAND_AT;

	// the platform's own
	public static final ProcessVariable<String> CASE_NO = string("caseNo");

	public static final ProcessVariable<String> UNIT_NAME = string("unitName");

	/** FIRST, RETURNED or FAILED_VERIFICATION: the input of the time-limit decision. */
	public static final ProcessVariable<String> PLAN_STAGE = string("planStage");

	public static final ProcessVariable<Integer> PLAN_LIMIT_DAYS = integer("planLimitDays");

	/** Whether the unit head is called to an admonishment talk at once (a survey's last-ranked unit). */
	public static final ProcessVariable<Boolean> ADMONISH_AT_START = bool("admonishAtStart");

	/** The members of the unit, as options of the plan form's "responsible" dropdown. */
	public static final ProcessVariable<List<Map<String, Object>>> UNIT_MEMBERS = objectList("unitMembers");

	/** Why county leaders hold the next admonishment talk; copied onto the talk task. */
	public static final ProcessVariable<String> TALK_REASON = string("talkReason");

	public static final ProcessVariable<String> TALK_HEAD = string("talkHead");

	public static final ProcessVariable<String> PLAN_TEXT = string("planText");

	public static final ProcessVariable<String> OUTCOME = string("outcome");

	// one measure (local to its instance of the measure subprocess)
	/** The multi-instance element of {@code measures} for one measure (a JSON object). */
	public static final String MEASURE_ELEMENT = "measureNode";

	public static final ProcessVariable<Integer> MEASURE_NO = integer("measureNo");

	public static final ProcessVariable<String> MEASURE = string("measure");

	public static final ProcessVariable<String> RESPONSIBLE = string("responsible");

	public static final ProcessVariable<String> DEADLINE = string("deadline");

	public static final ProcessVariable<String> TARGET = string("target");

	public static final ProcessVariable<String> MEASURE_DUE_AT = string("measureDueAt");

	public static final ProcessVariable<String> MEASURE_WARN_AT = string("measureWarnAt");

	public static final ProcessVariable<String> MEASURE_LATE_AT = string("measureLateAt");

	/** What a rectification is started with; none of it is a private person's data. */
	public static final StartContract START = new StartContract(KEY,
			Set.of(UNIT.name(), TITLE.name(), SOURCE.name(), PROBLEMS.name(), ORIGIN_CASE_NO.name()), Set.of());

	private RectificationProcess() {
	}

}
