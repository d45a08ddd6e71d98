package gov.county.platform.survey;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.support.TestProcesses;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;

/**
 * Every path of SatisfactionSurveyProcess, with the real services; run on H2
 * ({@link SatisfactionSurveyProcessTests}) and, in the build's postgres-suite, on PostgreSQL.
 */
abstract class SurveyProcessScenarios {

	@Autowired
	ProcessEngine engine;

	@Autowired
	SurveyIntake intake;

	@Autowired
	LedgerService ledger;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(this.engine);
	}

	private ProcessInstance startByHand() {
		gov.county.platform.cases.CaseIntake.Filed started = TestProcesses.as(this.engine.getIdentityService(), "county-platform-clerk",
				() -> this.intake.start(null));
		return this.engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceId(started.processInstanceId()).singleResult();
	}

	private static Map<String, Object> result(String unit, double score) {
		return Map.of("unit", unit, "score", score);
	}

	/** Government: labao and commerce last; party-mass: the women's federation; vertical: public security. */
	private static List<Map<String, Object>> results(String lowGovernment, String lowPartyMass) {
		return List.of(result("dept-housing", 92), result("dept-civil-affairs", 88), result("township-baipeng", 85),
				result(lowGovernment, 70), result("dept-natural-resources", 64.5),
				result("dept-youth-league".equals(lowPartyMass) ? "dept-womens-federation" : "dept-youth-league", 90),
				result(lowPartyMass, 75), result("dept-public-security", 60));
	}

	private void enter(ProcessInstance survey, List<Map<String, Object>> results) {
		complete(survey, Map.of("results", Spin.JSON(results)));
	}

	/** As Tasklist's form sends them: one score field per unit. */
	private void enterInForm(ProcessInstance survey, List<Map<String, Object>> results) {
		Map<String, Object> fields = new HashMap<>();
		results.forEach(r -> fields.put(SurveyProcess.scoreField((String) r.get("unit")), r.get("score")));
		complete(survey, fields);
	}

	private void complete(ProcessInstance survey, Map<String, Object> variables) {
		Task task = this.engine.getTaskService().createTaskQuery().processInstanceId(survey.getId())
			.taskDefinitionKey(SurveyProcess.TASK_ENTER_RESULTS).singleResult();
		TestProcesses.as(this.engine.getIdentityService(), "county-platform-clerk",
				() -> this.engine.getTaskService().complete(task.getId(), variables));
	}

	private List<String> events(ProcessInstance survey) {
		return this.ledger.caseHistory(survey.getBusinessKey()).stream().map(LedgerEntry::event).toList();
	}

	private List<LedgerEntry> entries(ProcessInstance survey, String event) {
		return this.ledger.caseHistory(survey.getBusinessKey()).stream().filter(e -> e.event().equals(event)).toList();
	}

	@Test
	void theTimerStartsASurveyNumberedForTheYear() {
		var timer = this.engine.getManagementService().createJobQuery()
			.processDefinitionKey("SatisfactionSurveyScheduleProcess").timers().activityId("StartEvent_SurveyDue")
			.singleResult();
		Assertions.assertThat(timer).as("the half-yearly timer is scheduled").isNotNull();
		java.time.ZonedDateTime next = timer.getDuedate().toInstant().atZone(java.time.ZoneId.systemDefault());
		Assertions.assertThat(next.getMonthValue()).isIn(5, 11);
		Assertions.assertThat(next.getDayOfMonth()).isEqualTo(15);

		long before = this.engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SurveyProcess.KEY)
			.count();
		this.engine.getManagementService().executeJob(timer.getId());
		ProcessInstance survey = this.engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(SurveyProcess.KEY).orderByProcessInstanceId().desc().list().stream()
			.filter(p -> events(p).equals(List.of("FILED"))).findFirst().orElseThrow();
		Assertions.assertThat(this.engine.getRuntimeService().createProcessInstanceQuery()
			.processDefinitionKey(SurveyProcess.KEY).count()).isEqualTo(before + 1);
		Assertions.assertThat(survey.getBusinessKey()).matches("MY-\\d{4}-\\d{2}");
		assertThat(survey).isWaitingAt(SurveyProcess.TASK_ENTER_RESULTS);
		Assertions.assertThat(entries(survey, "FILED").get(0).actor()).isEqualTo("system");
	}

	@Test
	void lastRankedUnitsGetARectificationEachAndVerticalResultsGoToTheirDepartment() {
		ProcessInstance survey = startByHand();
		enter(survey, results("township-labao", "dept-womens-federation"));

		Assertions.assertThat(entries(survey, "RECTIFICATION_STARTED")).extracting(LedgerEntry::unit)
			.containsExactlyInAnyOrder("township-labao", "dept-natural-resources", "dept-womens-federation");
		for (LedgerEntry started : entries(survey, "RECTIFICATION_STARTED")) {
			String rectification = started.detail().substring(0, started.detail().indexOf(' '));
			ProcessInstance instance = this.engine.getRuntimeService().createProcessInstanceQuery()
				.processInstanceBusinessKey(rectification).singleResult();
			assertThat(instance).isWaitingAt("Task_DraftPlan", "Task_AdmonishmentTalk");
			Map<String, Object> variables = this.engine.getRuntimeService().getVariables(instance.getId());
			Assertions.assertThat(variables).containsEntry("source", "SURVEY")
				.containsEntry("unit", started.unit())
				.containsEntry("originCaseNo", survey.getBusinessKey());
		}
		Assertions.assertThat(entries(survey, "REPORTED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.unit()).isEqualTo("dept-public-security"))
			.satisfies(e -> Assertions.assertThat(e.detail()).contains("survey@gaj.city.invalid"));
		Assertions.assertThat(events(survey)).containsSubsequence("FILED", "RESULTS_ENTERED", "RANKED", "REPORTED",
				"RECTIFICATION_STARTED");
	}

	@Test
	void aUnitLastInTwoConsecutiveSurveysGoesToOrganisationalHandling() {
		ProcessInstance first = startByHand();
		enter(first, results("dept-transport", "dept-youth-league"));
		ProcessInstance second = startByHand();
		enter(second, results("dept-transport", "dept-womens-federation"));

		assertThat(second).isWaitingAt(SurveyProcess.TASK_ORGANIZATIONAL_HANDLING);
		List<Task> handling = this.engine.getTaskService().createTaskQuery().processInstanceId(second.getId())
			.taskDefinitionKey(SurveyProcess.TASK_ORGANIZATIONAL_HANDLING).list();
		Assertions.assertThat(handling).extracting(t -> this.engine.getTaskService().getVariableLocal(t.getId(), "handlingUnit"))
			.containsExactlyInAnyOrder("dept-transport", "dept-natural-resources");
		Assertions.assertThat(this.engine.getTaskService().getIdentityLinksForTask(handling.get(0).getId()))
			.anySatisfy(link -> Assertions.assertThat(link.getGroupId()).isEqualTo("county-leaders"));

		for (Task task : handling) {
			Assertions.assertThatThrownBy(() -> TestProcesses.as(this.engine.getIdentityService(), "leader",
					() -> this.engine.getTaskService().complete(task.getId(), Map.of())))
				.hasMessageContaining("handlingDecision");
			TestProcesses.as(this.engine.getIdentityService(), "leader", () -> this.engine.getTaskService()
				.complete(task.getId(), Map.of("handlingDecision", "调整领导班子 Leadership reshuffled")));
		}
		assertThat(second).isEnded().hasPassed("EndEvent_SurveyClosed");
		Assertions.assertThat(entries(second, "ORGANIZATIONAL_HANDLING")).extracting(LedgerEntry::unit)
			.containsExactlyInAnyOrder("dept-transport", "dept-natural-resources");
		Assertions.assertThat(events(second)).endsWith("CLOSED");
	}

	@Test
	void aSurveyWithoutTwiceLastUnitsCloses() {
		ProcessInstance first = startByHand();
		enter(first, List.of(result("dept-housing", 60), result("dept-commerce", 61), result("dept-civil-affairs", 99)));
		ProcessInstance second = startByHand();
		enter(second, List.of(result("dept-housing", 99), result("dept-commerce", 98), result("dept-transport", 60),
				result("dept-emergency", 61)));
		assertThat(second).isEnded().hasPassed("EndEvent_SurveyClosed").hasNotPassed(SurveyProcess.TASK_ORGANIZATIONAL_HANDLING);
		Assertions.assertThat(entries(second, "RANKED").get(0).detail()).contains("dept-transport").contains("末位 last");
	}

	@Test
	void scoresEnteredInTasklistsFormAreRankedAsAListAndLeaveNoVariablePerUnit() {
		ProcessInstance survey = startByHand();
		enterInForm(survey, results("township-labao", "dept-womens-federation"));

		Assertions.assertThat(entries(survey, "RECTIFICATION_STARTED")).extracting(LedgerEntry::unit)
			.containsExactlyInAnyOrder("township-labao", "dept-natural-resources", "dept-womens-federation");
		Assertions.assertThat(entries(survey, "RESULTS_ENTERED").get(0).detail()).startsWith("8 units");
		var history = this.engine.getHistoryService();
		Object results = history.createHistoricVariableInstanceQuery().processInstanceId(survey.getId())
			.variableName(SurveyProcess.RESULTS.name()).singleResult().getValue();
		Assertions.assertThat(SurveyProcess.RESULTS.from(Map.of("results", results)))
			.as("the chart's order, scores as numbers")
			.startsWith(Map.of("unit", "township-labao", "score", 70.0), Map.of("unit", "township-baipeng", "score", 85.0))
			.hasSize(8);
		Assertions.assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(survey.getId())
			.variableNameLike("score_%").includeDeleted().list())
			.as("the form's fields live on as the results only")
			.hasSize(8)
			.allSatisfy(v -> Assertions.assertThat(v.getState()).isEqualTo("DELETED"));
	}

	@Test
	void aScoreOutOfRangeInTheFormIsRefusedNamingTheUnitAndNothingIsRanked() {
		ProcessInstance survey = startByHand();
		Assertions.assertThatThrownBy(() -> complete(survey, Map.of(SurveyProcess.scoreField("dept-housing"), 90,
				SurveyProcess.scoreField("dept-commerce"), 101)))
			.hasMessageContaining("score_dept_commerce: 县商务局 (dept-commerce)：得分须为 0 到 100 之间的数，填写的是 101。"
					+ "The score must be a number from 0 to 100, was 101.");
		assertThat(survey).isWaitingAt(SurveyProcess.TASK_ENTER_RESULTS);
		Assertions.assertThat(events(survey)).containsExactly("FILED");
	}

	@Test
	void resultsThatBreakARuleAreRefusedAndNothingIsRanked() {
		ProcessInstance survey = startByHand();
		Assertions.assertThatThrownBy(() -> enter(survey, List.of(result("dept-housing", 90),
				result("dept-nowhere", 80), Map.of("unit", "dept-commerce", "score", "lots"))))
			.hasMessageContaining("results[2].score: must be a number, was 'lots'");
		Assertions.assertThatThrownBy(() -> enter(survey, List.of(result("dept-housing", 90),
				result("dept-nowhere", 80), result("dept-housing", 70))))
			.hasMessageContaining("results[1].unit: 'dept-nowhere' is not a unit")
			.hasMessageContaining("results[2].unit: 'dept-housing' has two results");
		assertThat(survey).isWaitingAt(SurveyProcess.TASK_ENTER_RESULTS);
		Assertions.assertThat(events(survey)).containsExactly("FILED");
	}

}
