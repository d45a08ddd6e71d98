package gov.county.platform.card;

import static gov.county.platform.engine.ProcessVariable.bool;
import static gov.county.platform.engine.ProcessVariable.integer;
import static gov.county.platform.engine.ProcessVariable.objectList;
import static gov.county.platform.engine.ProcessVariable.string;
import static gov.county.platform.engine.ProcessVariable.stringList;

import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.county.platform.cases.Deadlines;
import gov.county.platform.engine.ProcessVariable;
import gov.county.platform.engine.StartContract;
import gov.county.platform.ledger.EventTypes;

/** The interaction card process: its key, element ids and variables, each named once. */
public final class CardProcess {

	public static final String KEY = "InteractionCardProcess";

	/** The ledger events it writes. */
	public static final EventTypes EVENTS = EventTypes.of(KEY, CardEvent.class);

	public static final String CASE_PREFIX = "HD";

	public static final String DECISION_TIME_LIMIT = "CardTimeLimitDecision";

	// user tasks (ids other systems rely on: docs/processes.md)
	public static final String TASK_ACCEPT = "Task_AcceptCard";

	public static final String TASK_DISPATCH = "Task_DispatchCard";

	public static final String TASK_COORDINATE = "Task_CoordinateCard";

	public static final String TASK_HANDLE = "Task_HandleCard";

	public static final String TASK_CO_HANDLE = "Task_CoHandleCard";

	public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";

	public static final String TASK_REVIEW = "Task_ReviewCard";

	public static final String TASK_EVALUATE = "Task_EvaluateCard";

	// start variables
	public static final ProcessVariable<String> TALK = string("talk");

	public static final ProcessVariable<String> KIND = string("kind");

	public static final ProcessVariable<String> SUBJECT = string("subject");

	public static final ProcessVariable<String> CONTENT = string("content");

	public static final ProcessVariable<String> SUBMITTER_NAME = string("submitterName");

	public static final ProcessVariable<String> SUBMITTER_CONTACT = string("submitterContact");

	public static final ProcessVariable<String> RECEIVING_UNIT = string("receivingUnit");

	public static final ProcessVariable<String> CHANNEL = string("channel");

	public static final ProcessVariable<Boolean> URGENT = bool("urgent");

	// set by the tasks
	public static final ProcessVariable<String> ACCEPTANCE = string("acceptance");

	public static final ProcessVariable<String> REJECT_REASON = string("rejectReason");

	public static final ProcessVariable<String> DUPLICATE_OF = string("duplicateOf");

	public static final ProcessVariable<String> LINK = string("link");

	public static final ProcessVariable<String> LEAD_UNIT = string("leadUnit");

	public static final ProcessVariable<List<String>> CO_UNITS = stringList("coUnits");

	public static final ProcessVariable<Boolean> HAND_UP = bool("handUp");

	public static final ProcessVariable<String> COORDINATION_NOTE = string("coordinationNote");

	public static final ProcessVariable<String> HANDLING = string("handling");

	public static final ProcessVariable<String> REPLY = string("reply");

	public static final ProcessVariable<String> RETURN_REASON = string("returnReason");

	public static final ProcessVariable<Integer> EXTENSION_DAYS = integer("extensionDays");

	public static final ProcessVariable<String> EXTENSION_REASON = string("extensionReason");

	public static final ProcessVariable<String> OPINION = string("opinion");

	public static final ProcessVariable<Boolean> EXTENSION_APPROVED = bool("extensionApproved");

	public static final ProcessVariable<String> REVIEW = string("review");

	public static final ProcessVariable<String> REVIEW_COMMENT = string("reviewComment");

	public static final ProcessVariable<String> SATISFACTION = string("satisfaction");

	// the case's clock (ISO-8601 with offset, county time), as every clocked process keeps it
	public static final ProcessVariable<String> DUE_AT = Deadlines.DUE_AT;

	public static final ProcessVariable<String> WARN_AT = Deadlines.WARN_AT;

	public static final ProcessVariable<String> REPRIMAND_AT = Deadlines.REPRIMAND_AT;

	// the platform's own
	public static final ProcessVariable<String> CASE_NO = string("caseNo");

	public static final ProcessVariable<String> ACCEPT_REMIND_AT = string("acceptRemindAt");

	public static final ProcessVariable<Integer> TIME_LIMIT_DAYS = integer("timeLimitDays");

	public static final ProcessVariable<Integer> EXTENDED_DAYS = integer("extendedDays");

	public static final ProcessVariable<String> DISPATCHED_AT = string("dispatchedAt");

	public static final ProcessVariable<String> CO_DUE_AT = string("coDueAt");

	public static final ProcessVariable<String> CO_UNIT = string("coUnit");

	/** The multi-instance element of {@code coUnits} for one co-handling task. */
	public static final ProcessVariable<String> CO_UNIT_NODE = string("coUnitNode");

	public static final ProcessVariable<List<Map<String, Object>>> CO_OPINIONS = objectList("coOpinions");

	public static final ProcessVariable<String> EVALUATE_DUE_AT = string("evaluateDueAt");

	public static final ProcessVariable<Integer> DISSATISFIED_COUNT = integer("dissatisfiedCount");

	public static final ProcessVariable<Boolean> REOPEN = bool("reopen");

	public static final ProcessVariable<String> OUTCOME = string("outcome");

	/**
	 * What a card is started with; the submitter's name and contact are personal data, kept by the
	 * platform and masked in the process. Releases before it kept the submitter's e-mail address as
	 * the variable {@code submitterEmail}.
	 */
	public static final StartContract START = new StartContract(KEY,
			Set.of(TALK.name(), KIND.name(), SUBJECT.name(), CONTENT.name(), SUBMITTER_NAME.name(),
					SUBMITTER_CONTACT.name(), RECEIVING_UNIT.name(), CHANNEL.name(), URGENT.name()),
			Set.of(SUBMITTER_NAME.name(), SUBMITTER_CONTACT.name()), Set.of("submitterEmail"));

	private CardProcess() {
	}

}
