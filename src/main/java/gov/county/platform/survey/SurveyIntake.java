package gov.county.platform.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.CaseFiling;
import gov.county.platform.cases.CaseIntake;
import gov.county.platform.cases.CaseIntake.Filed;
import gov.county.platform.engine.Callers;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.security.PlatformUser;

/**
 * Surveys from the API: start one by hand, and enter its results (JSON or a CSV file of
 * {@code unit,score}) by completing its results task as the caller, in one transaction with the
 * ranking and the rectifications it starts.
 */
@Service
public class SurveyIntake implements CaseFiling {

	static final int MAX_CSV_LINES = 1000;

	/** What the results set off: the rectifications started and the units for organisational handling. */
	public record Ranked(String caseNo, List<String> lastRankedUnits, List<String> twiceLastUnits,
			List<Map<String, Object>> rectifications) {
	}

	private final CaseIntake cases;

	private final TaskService tasks;

	private final HistoryService history;

	private final IdentityService identity;

	private final SurveyService surveys;

	private final LedgerService ledger;

	public SurveyIntake(CaseIntake cases, TaskService tasks, HistoryService history, IdentityService identity,
			SurveyService surveys, LedgerService ledger) {
		this.cases = cases;
		this.tasks = tasks;
		this.history = history;
		this.identity = identity;
		this.surveys = surveys;
		this.ledger = ledger;
	}

	@Override
	public String collection() {
		return "surveys";
	}

	/** {@code POST /api/surveys}, optionally with {@code {"surveyTitle": "..."}}. */
	@Override
	@Transactional
	public Filed file(Map<String, Object> body, PlatformUser caller) {
		Object title = body.get(SurveyProcess.SURVEY_TITLE.name());
		if (title != null && !(title instanceof String)) {
			throw new InvalidInput(SurveyProcess.SURVEY_TITLE.name(), "must be text");
		}
		return start((String) title);
	}

	@Transactional
	public Filed start(String title) {
		Map<String, Object> start = new HashMap<>();
		if (title != null && !title.isBlank()) {
			start.put(SurveyProcess.SURVEY_TITLE.name(), title.trim());
		}
		return this.cases.start(SurveyProcess.KEY, start);
	}

	/**
	 * Completes the survey's results task with {@code results}; the caller must be allowed to work
	 * on it (the county platform).
	 *
	 * @return null when the survey has no open results task the caller may see
	 */
	@Transactional
	public Ranked enterResults(String caseNo, Object results) {
		this.surveys.check(results);
		String owner = this.ledger.owner(caseNo).orElse(null);
		if (owner == null) {
			return null;
		}
		Task task = this.tasks.createTaskQuery()
			.processInstanceId(owner)
			.taskDefinitionKey(SurveyProcess.TASK_ENTER_RESULTS)
			.singleResult();
		if (task == null) {
			return null;
		}
		this.tasks.complete(task.getId(), Map.of(SurveyProcess.RESULTS.name(), SurveyProcess.RESULTS.stored(
				normalise(results))));
		Map<String, Object> variables = Callers.asPlatform(this.identity, () -> {
			Map<String, Object> out = new HashMap<>();
			for (HistoricVariableInstance v : this.history.createHistoricVariableInstanceQuery()
				.processInstanceId(task.getProcessInstanceId())
				.variableNameIn(SurveyProcess.LAST_RANKED_UNITS.name(), SurveyProcess.TWICE_LAST_UNITS.name(),
						SurveyProcess.RECTIFICATIONS.name())
				.list()) {
				out.put(v.getName(), v.getValue());
			}
			return out;
		});
		return new Ranked(caseNo, SurveyProcess.LAST_RANKED_UNITS.from(variables),
				SurveyProcess.TWICE_LAST_UNITS.from(variables), SurveyProcess.RECTIFICATIONS.from(variables));
	}

	/**
	 * A CSV file of results, one {@code unit,score} per line (comma, semicolon or tab), an optional
	 * header line, UTF-8; as the results list the form submits. Names the line at fault.
	 */
	public static List<Map<String, Object>> fromCsv(String csv) {
		if (csv == null || csv.isBlank()) {
			throw new InvalidInput("results", "the CSV file is empty: send one line 'unit,score' per unit");
		}
		String[] lines = csv.replace("\uFEFF", "").split("\\r?\\n");
		if (lines.length > MAX_CSV_LINES) {
			throw new InvalidInput("results", "at most " + MAX_CSV_LINES + " lines");
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		List<InvalidInput.Problem> problems = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].trim();
			if (line.isEmpty()) {
				continue;
			}
			String[] cells = line.split("[,;\\t]", -1);
			if (cells.length != 2) {
				problems.add(new InvalidInput.Problem("results", "line " + (i + 1) + ": expected 'unit,score', was '"
						+ (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "'"));
				continue;
			}
			String unit = unquote(cells[0]);
			String score = unquote(cells[1]);
			if (rows.isEmpty() && problems.isEmpty() && unit.equalsIgnoreCase("unit")) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("unit", unit);
			row.put("score", score);
			rows.add(row);
		}
		InvalidInput.throwIfAny(problems);
		return rows;
	}

	private List<Map<String, Object>> normalise(Object results) {
		return this.surveys.parse(results).stream().map(r -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("unit", r.unit());
			row.put("score", r.score().doubleValue());
			return row;
		}).toList();
	}

	private static String unquote(String cell) {
		String value = cell.trim();
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1).replace("\"\"", "\"").trim();
		}
		return value;
	}

}
