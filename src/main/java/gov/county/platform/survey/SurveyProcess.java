package gov.county.platform.survey;

import static gov.county.platform.engine.ProcessVariable.objectList;
import static gov.county.platform.engine.ProcessVariable.string;
import static gov.county.platform.engine.ProcessVariable.stringList;

import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.county.platform.engine.ProcessVariable;
import gov.county.platform.engine.StartContract;
import gov.county.platform.ledger.EventTypes;

/** The satisfaction survey process: its key, element ids and variables, each named once. */
public final class SurveyProcess {

	public static final String KEY = "SatisfactionSurveyProcess";

	/** The ledger events it writes. */
	public static final EventTypes EVENTS = EventTypes.of(KEY, SurveyEvent.class);

	public static final String CASE_PREFIX = "MY";

	/** Survey numbers have two digits: two surveys a year, MY-2026-01 and MY-2026-02. */
	public static final int CASE_DIGITS = 2;

	/** The process a last-ranked unit's rectification runs in (started through the engine). */
	public static final String RECTIFICATION_KEY = "RectificationProcess";

	// user tasks (ids other systems rely on: docs/processes.md)
	public static final String TASK_ENTER_RESULTS = "Task_EnterSurveyResults";

	public static final String TASK_ORGANIZATIONAL_HANDLING = "Task_OrganizationalHandling";

	// variables
	public static final ProcessVariable<String> SURVEY_TITLE = string("surveyTitle");

	public static final ProcessVariable<List<Map<String, Object>>> RESULTS = objectList("results");

	/**
	 * Tasklist's results form ({@code forms/enter-survey-results.form}): its number field
	 * {@code score} is repeated at deployment into one field per surveyed unit, keyed by
	 * {@link #scoreField(String)}; completing the task turns them into {@link #RESULTS}.
	 */
	public static final String SCORE_FIELD = "score";

	public static final ProcessVariable<String> CASE_NO = string("caseNo");

	public static final ProcessVariable<String> RANKING_TEXT = string("rankingText");

	public static final ProcessVariable<List<String>> LAST_RANKED_UNITS = stringList("lastRankedUnits");

	public static final ProcessVariable<List<String>> TWICE_LAST_UNITS = stringList("twiceLastUnits");

	/** The rectifications the ranking started: {@code [{unit, caseNo}]}. */
	public static final ProcessVariable<List<Map<String, Object>>> RECTIFICATIONS = objectList("rectifications");

	/** The multi-instance element of {@code twiceLastUnits}: the unit one handling task is about. */
	public static final ProcessVariable<String> HANDLING_UNIT = string("handlingUnit");

	public static final ProcessVariable<String> HANDLING_UNIT_NODE = string("handlingUnitNode");

	public static final ProcessVariable<String> HANDLING_UNIT_NAME = string("handlingUnitName");

	public static final ProcessVariable<String> HANDLING_DECISION = string("handlingDecision");

	/** What a survey is started with: an optional title. */
	public static final StartContract START = new StartContract(KEY, Set.of(SURVEY_TITLE.name()), Set.of());

	private SurveyProcess() {
	}

	/** The results form's field of one unit's score: {@code score_township_labao} (unit ids have no {@code _}). */
	public static String scoreField(String unit) {
		return SCORE_FIELD + "_" + unit.replace('-', '_');
	}

}
