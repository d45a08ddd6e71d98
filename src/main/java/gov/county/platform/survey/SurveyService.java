package gov.county.platform.survey;

import static gov.county.platform.survey.SurveyProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.api.InvalidInput.Problem;
import gov.county.platform.cases.Cases;
import gov.county.platform.cases.Outcome;
import gov.county.platform.cases.TaskSteps;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.notification.Notice;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.organization.SurveyCategory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.WellKnownGroups;

/**
 * The rules of a satisfaction survey (满意度测评, the county's survey rules in docs/processes.md): its number, checked results, the
 * ranking and what follows from it — a rectification (with an admonishment talk) for every
 * last-ranked party-mass and government unit, organisational handling for the twice last, and the
 * vertical units' results for their supervising departments. Delegates only map variables.
 */
@Service
public class SurveyService {

	private final Cases cases;

	private final NotificationService notifications;

	private final SurveyResults results;

	private final RuntimeService runtime;

	public SurveyService(Cases cases, NotificationService notifications, SurveyResults results,
			RuntimeService runtime) {
		this.cases = cases;
		this.notifications = notifications;
		this.results = results;
		this.runtime = runtime;
	}

	public String newCaseNumber() {
		return this.cases.caseNumbers().next(CASE_PREFIX, CASE_DIGITS);
	}

	/** A new survey: its title (the half-year unless given) and FILED. */
	public Map<String, Object> register(String caseNo, Map<String, Object> v, String actor) {
		String title = SURVEY_TITLE.from(v);
		if (title != null && title.length() > 200) {
			throw new InvalidInput(SURVEY_TITLE.name(), "is longer than 200 characters");
		}
		if (title == null) {
			LocalDate today = this.cases.calendar().dayOf(EngineClock.now());
			boolean firstHalf = today.getMonthValue() <= 6;
			title = today.getYear() + (firstHalf ? "年上半年" : "年下半年") + "作风建设满意度测评 Satisfaction survey "
					+ today.getYear() + (firstHalf ? " H1" : " H2");
		}
		this.cases.states().open(caseNo, KEY, WellKnownGroups.COUNTY_PLATFORM, title);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, SurveyEvent.FILED, WellKnownGroups.COUNTY_PLATFORM, actor, null, title));
		Map<String, Object> out = new HashMap<>();
		out.put(CASE_NO.name(), caseNo);
		out.put(SURVEY_TITLE.name(), title);
		return out;
	}

	/** The results as entered in Tasklist's list or imported: {@code [{unit, score}]}, checked. */
	public List<SurveyRanking.Result> parse(Object submitted) {
		List<Map<String, Object>> items;
		try {
			items = RESULTS.from(submitted == null ? Map.of() : Map.of(RESULTS.name(), submitted));
		}
		catch (RuntimeException notAList) {
			throw new InvalidInput(RESULTS.name(), "must be a list of {unit, score}");
		}
		if (items == null || items.isEmpty()) {
			throw new InvalidInput(RESULTS.name(), "is required: at least one unit and its score");
		}
		List<Problem> problems = new ArrayList<>();
		List<SurveyRanking.Result> out = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Object raw = items.get(i);
			if (!(raw instanceof Map<?, ?> item)) {
				problems.add(new Problem(RESULTS.name() + "[" + i + "]", "must be {unit, score}"));
				continue;
			}
			Object unit = item.get("unit");
			Object score = item.get("score");
			BigDecimal value = null;
			try {
				value = score == null || score.toString().isBlank() ? null : new BigDecimal(score.toString().trim());
			}
			catch (NumberFormatException ex) {
				problems.add(new Problem(RESULTS.name() + "[" + i + "].score", "must be a number, was '" + score + "'"));
				continue;
			}
			if (value == null) {
				problems.add(new Problem(RESULTS.name() + "[" + i + "].score", "is required"));
				continue;
			}
			out.add(new SurveyRanking.Result(unit == null ? null : unit.toString().trim(), value));
		}
		InvalidInput.throwIfAny(problems);
		return out;
	}

	/** Checks results against the ranking's rules without recording anything; throws naming the entry. */
	public void check(Object results) {
		SurveyRanking.rank(this.cases.directory().units(), parse(results), java.util.Set.of());
	}

	/** The rule of each of the survey's user tasks. */
	private static final TaskSteps<SurveyCase> TASKS = new TaskSteps<>(KEY, Map.of(
			TASK_ENTER_RESULTS, (v, survey) -> EnterResults.decide(EnterResults.Input.from(v), survey),
			TASK_ORGANIZATIONAL_HANDLING, (v, survey) -> DecideHandling.decide(DecideHandling.Input.from(v), survey)));

	/** Checks and records the completion of a user task by its step rule; a refusal names the entry. */
	public Outcome completeTask(String taskKey, String caseNo, Map<String, Object> submitted, String actor) {
		SurveyCase survey = new SurveyCase(caseNo, actor, this.cases.directory().units(), this::parse);
		return this.cases.recorder().record(caseNo, TASKS.decide(taskKey, submitted, survey));
	}

	/**
	 * Ranks the entered results, keeps them for the next survey, records RANKED, and returns who is
	 * last-ranked and who twice last.
	 */
	public Map<String, Object> rank(String caseNo, Map<String, Object> v) {
		SurveyRanking.Ranking outcome = SurveyRanking.rank(this.cases.directory().units(), parse(v.get(RESULTS.name())),
				this.results.lastRankedBefore(caseNo));
		this.results.store(caseNo, outcome.ranked(), EngineClock.now());
		String text = rankingText(outcome);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, SurveyEvent.RANKED, WellKnownGroups.COUNTY_PLATFORM,
				LedgerEvent.SYSTEM_ACTOR, null, text));
		Map<String, Object> out = new HashMap<>();
		out.put(RANKING_TEXT.name(), text);
		out.put(LAST_RANKED_UNITS.name(),
				LAST_RANKED_UNITS.stored(outcome.lastRanked().stream().map(SurveyRanking.Ranked::unit).toList()));
		out.put(TWICE_LAST_UNITS.name(),
				TWICE_LAST_UNITS.stored(outcome.twiceLast().stream().map(SurveyRanking.Ranked::unit).toList()));
		return out;
	}

	/**
	 * The vertical units' results go to their supervising departments (e-mail), copied to the
	 * county platform; a unit last twice comes with the suggestion of organisational handling.
	 */
	public void reportVerticalUnits(String caseNo, Map<String, Object> v) {
		SurveyRanking.Ranking outcome = SurveyRanking.rank(this.cases.directory().units(), parse(v.get(RESULTS.name())),
				this.results.lastRankedBefore(caseNo));
		String title = SURVEY_TITLE.from(v);
		for (SurveyRanking.Ranked r : outcome.vertical()) {
			Unit unit = this.cases.directory().unit(r.unit()).orElseThrow();
			String email = unit.supervisingDepartmentEmail();
			List<String> recipients = new ArrayList<>(List.of("group:" + WellKnownGroups.COUNTY_PLATFORM));
			if (email != null && !email.isBlank()) {
				recipients.add("email:" + email);
			}
			String suggestion = r.twiceLast() ? "\n该单位连续两次排名末位，建议主管部门作组织处理。Last in two consecutive surveys: "
					+ "organisational handling is suggested." : "";
			this.notifications.notify(new Notice(caseNo, recipients,
					"[" + caseNo + "] " + unit.name() + " 满意度测评结果 Survey result",
					title + "\n" + unit.name() + "：得分 " + r.score().stripTrailingZeros().toPlainString() + "，垂直管理部门第 "
							+ r.rank() + "/" + r.of() + " 名。\n" + unit.name() + ": score " + r.score().stripTrailingZeros().toPlainString()
							+ ", rank " + r.rank() + " of " + r.of() + " vertically managed units." + suggestion,
					caseNo + "/vertical/" + r.unit()));
			this.cases.ledger().append(new LedgerEvent(caseNo, KEY, SurveyEvent.REPORTED, r.unit(), LedgerEvent.SYSTEM_ACTOR, null,
					"result sent to " + (email == null ? "the county platform (no supervising department in the chart)"
							: unit.supervisingDepartment() + " <" + email + ">")
							+ (r.twiceLast() ? "; last twice: organisational handling suggested" : "")));
		}
	}

	/**
	 * One RectificationProcess (source SURVEY, plan within 10 working days, the head summoned to
	 * an admonishment talk) per last-ranked unit, started through the engine in this transaction.
	 */
	public Map<String, Object> startRectifications(String caseNo, Map<String, Object> v) {
		SurveyRanking.Ranking outcome = SurveyRanking.rank(this.cases.directory().units(), parse(v.get(RESULTS.name())),
				this.results.lastRankedBefore(caseNo));
		List<Map<String, Object>> started = new ArrayList<>();
		for (SurveyRanking.Ranked r : outcome.lastRanked()) {
			String score = r.score().stripTrailingZeros().toPlainString();
			Map<String, Object> start = new HashMap<>();
			start.put("unit", r.unit());
			start.put("title", "满意度测评排名靠后整改 Rectification after ranking last in survey " + caseNo);
			start.put("source", "SURVEY");
			start.put("problems", SURVEY_TITLE.from(v) + "：" + category(r.category()) + "排名第 " + r.rank() + "/" + r.of()
					+ "（得分 " + score + "）。Ranked " + r.rank() + " of " + r.of() + " " + r.category().name()
					+ " units with a score of " + score + ".");
			start.put("originCaseNo", caseNo);
			ProcessInstance rectification = this.runtime.startProcessInstanceByKey(RECTIFICATION_KEY, start);
			this.cases.ledger().append(new LedgerEvent(caseNo, KEY, SurveyEvent.RECTIFICATION_STARTED, r.unit(), LedgerEvent.SYSTEM_ACTOR,
					null, rectification.getBusinessKey() + " for " + r.unit() + " (rank " + r.rank() + "/" + r.of() + ", "
							+ score + ")"));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("unit", r.unit());
			row.put("caseNo", rectification.getBusinessKey());
			started.add(row);
		}
		return Map.of(RECTIFICATIONS.name(), RECTIFICATIONS.stored(started));
	}

	/** When a handling task opens: the unit's name for the form. */
	public String unitName(String unit) {
		return this.cases.directory().unit(unit).map(Unit::name).orElse(unit);
	}

	public void close(String caseNo) {
		this.cases.states().close(caseNo);
		this.cases.ledger().append(new LedgerEvent(caseNo, KEY, SurveyEvent.CLOSED, WellKnownGroups.COUNTY_PLATFORM,
				LedgerEvent.SYSTEM_ACTOR, null, "ranked and followed up"));
	}

	private String rankingText(SurveyRanking.Ranking outcome) {
		StringBuilder text = new StringBuilder();
		for (SurveyRanking.Ranked r : outcome.ranked()) {
			text.append(category(r.category())).append(' ').append(r.rank()).append('/').append(r.of()).append(' ')
				.append(unitName(r.unit())).append(" (").append(r.unit()).append(") ")
				.append(r.score().stripTrailingZeros().toPlainString())
				.append(r.last() ? " 末位 last" : "")
				.append(r.twiceLast() ? "，连续两次 twice" : "")
				.append('\n');
		}
		if (!outcome.notSurveyed().isEmpty()) {
			text.append("未参评 not surveyed: ").append(outcome.notSurveyed());
		}
		return text.toString().trim();
	}

	private static String category(SurveyCategory category) {
		return switch (category) {
			case VERTICAL -> "垂直管理部门 VERTICAL";
			case PARTY_MASS -> "党群部门 PARTY_MASS";
			case GOVERNMENT -> "政府职能部门 GOVERNMENT";
		};
	}

}
