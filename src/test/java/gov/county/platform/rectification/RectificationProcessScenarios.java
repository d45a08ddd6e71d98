package gov.county.platform.rectification;

import static gov.county.platform.rectification.RectificationScenario.measure;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.NotificationService;

/**
 * Every path of RectificationProcess, with the real services; run on H2
 * ({@link RectificationProcessTests}) and, in the build's postgres-suite, on PostgreSQL.
 */
abstract class RectificationProcessScenarios {

	@Autowired
	ProcessEngine engine;

	@Autowired
	RectificationIntake intake;

	@Autowired
	LedgerService ledger;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	NotificationService notifications;

	@Autowired
	Commitments commitments;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(this.engine);
	}

	private RectificationScenario open(Object... overrides) {
		return RectificationScenario.open(this.engine, this.intake, this.ledger, "county-platform-clerk",
				RectificationScenario.rectification(overrides));
	}

	private LocalDate workingDay(int n) {
		return RectificationScenario.workingDay(this.calendar, n);
	}

	private List<Map<String, Object>> twoMeasures() {
		return List.of(
				measure("编制一次性告知清单 Publish a one-time checklist of papers", "dept-housing-clerk", workingDay(15),
						"清单上墙上网 Checklist on the wall and online"),
				measure("窗口人员培训 Train the window staff", "dept-housing-head", workingDay(20),
						"全员考核合格 Every clerk passes the test"));
	}

	private Commitments.Commitment commitment(String caseNo) {
		return this.commitments.list(this.calendar.dayOf(java.time.Instant.now()))
			.stream()
			.filter(c -> c.caseNo().equals(caseNo))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no public commitment " + caseNo));
	}

	@Test
	void planIsApprovedCommittedImplementedVerifiedAndClosed() {
		RectificationScenario r = open();
		Assertions.assertThat(r.caseNo).matches("ZG-\\d{4}-\\d{6}");
		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_DRAFT_PLAN);
		Task draft = r.task(RectificationProcess.TASK_DRAFT_PLAN);
		Assertions.assertThat(draft.getDueDate().toInstant())
			.isEqualTo(this.calendar.endOf(workingDay(10)).toInstant());
		Assertions.assertThat(RectificationProcess.UNIT_MEMBERS.from(Map.of("unitMembers", r.variable("unitMembers"))))
			.extracting(o -> o.get("value"))
			.contains("dept-housing-clerk", "dept-housing-head")
			.doesNotContain("township-labao-clerk");

		r.submitPlan("dept-housing-clerk", twoMeasures());
		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_APPROVE_PLAN);
		Assertions.assertThat((String) r.variable("planText")).contains("Train the window staff")
			.contains("dept-housing-head");

		r.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk", "planApproved", true);
		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_IMPLEMENT_MEASURE);
		List<Task> measures = r.tasks(RectificationProcess.TASK_IMPLEMENT_MEASURE);
		Assertions.assertThat(measures).extracting(Task::getAssignee)
			.containsExactlyInAnyOrder("dept-housing-clerk", "dept-housing-head");
		Task training = measures.stream().filter(t -> t.getAssignee().equals("dept-housing-head")).findFirst().get();
		Assertions.assertThat(training.getDueDate().toInstant()).isEqualTo(this.calendar.endOf(workingDay(20)).toInstant());

		Commitments.Commitment published = commitment(r.caseNo);
		Assertions.assertThat(published.status()).isEqualTo(RectificationValues.PublicStatus.IN_PROGRESS);
		Assertions.assertThat(published.unitName()).isEqualTo("县住房和城乡建设局");
		Assertions.assertThat(published.measures()).extracting(Commitments.PublicMeasure::deadline)
			.containsExactly(workingDay(15), workingDay(20));

		r.complete(training, "dept-housing-head", "measureResult", "培训两期 Two training sessions held", "evidence",
				"签到表 Attendance sheets");
		Assertions.assertThat(commitment(r.caseNo).progress()).isEqualTo(50);
		r.complete(RectificationProcess.TASK_IMPLEMENT_MEASURE, "dept-housing-clerk", "measureResult",
				"清单已公布 Checklist published");
		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_VERIFY);

		r.complete(RectificationProcess.TASK_VERIFY, "supervisor", "verification", "PASS", "verificationComment",
				"群众回访满意 Applicants confirm");
		assertThat(r.instance).isEnded().hasPassed("EndEvent_RectificationClosed");
		Assertions.assertThat(r.events()).containsExactly("FILED", "PLAN_REQUESTED", "PLAN_SUBMITTED", "PLAN_APPROVED",
				"COMMITTED", "MEASURE_DONE", "MEASURE_DONE", "VERIFIED", "CLOSED");
		Assertions.assertThat(r.entries("MEASURE_DONE")).extracting(e -> e.detail())
			.anySatisfy(d -> Assertions.assertThat(d).startsWith("measure 2: done: "));
		Commitments.Commitment fulfilled = commitment(r.caseNo);
		Assertions.assertThat(fulfilled.status()).isEqualTo(RectificationValues.PublicStatus.FULFILLED);
		Assertions.assertThat(fulfilled.progress()).isEqualTo(100);
		Assertions.assertThat(fulfilled.measures()).allMatch(Commitments.PublicMeasure::done);
		Assertions.assertThat(this.ledger.verify().ok()).isTrue();
	}

	@Test
	void aPlanThatBreaksARuleIsRefusedNamingTheMeasureAndField() {
		RectificationScenario r = open();
		LocalDate saturday = workingDay(3);
		while (this.calendar.isWorkingDay(saturday)) {
			saturday = saturday.plusDays(1);
		}
		LocalDate dayOff = saturday;
		Assertions.assertThatThrownBy(() -> r.submitPlan("dept-housing-clerk", List.of(
				measure("a", "dept-housing-clerk", workingDay(5), "t"),
				measure("b", "township-labao-clerk", workingDay(5), "t"))))
			.hasMessageContaining("measures[1].responsible")
			.hasMessageContaining("not a member of dept-housing");
		Assertions.assertThatThrownBy(() -> r.submitPlan("dept-housing-clerk",
				List.of(measure("a", "dept-housing-clerk", dayOff, "t"))))
			.hasMessageContaining("measures[0].deadline")
			.hasMessageContaining("day off");
		Assertions.assertThatThrownBy(() -> r.submitPlan("dept-housing-clerk",
				List.of(measure("a", "dept-housing-clerk", LocalDate.now().minusDays(1), "t"))))
			.hasMessageContaining("measures[0].deadline")
			.hasMessageContaining("after today");
		Assertions.assertThatThrownBy(() -> r.submitPlan("dept-housing-clerk", List.of()))
			.hasMessageContaining("at least one measure");
		Assertions.assertThatThrownBy(() -> r.submitPlan("dept-housing-clerk",
				List.of(Map.of("measure", "only what", "responsible", "dept-housing-clerk"))))
			.hasMessageContaining("measures[0].deadline: is required")
			.hasMessageContaining("measures[0].target: is required");

		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_DRAFT_PLAN);
		Assertions.assertThat(r.events()).containsExactly("FILED", "PLAN_REQUESTED");
	}

	@Test
	void aReturnedPlanGoesBackWithTheCommentAndFiveWorkingDays() {
		RectificationScenario r = open().submitPlan("dept-housing-clerk", twoMeasures());
		Assertions.assertThatThrownBy(() -> r.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk",
				"planApproved", false)).hasMessageContaining("planComment");

		r.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk", "planApproved", "false", "planComment",
				"措施不够具体 Measures too vague");
		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_DRAFT_PLAN);
		Assertions.assertThat(r.variable("planComment")).isEqualTo("措施不够具体 Measures too vague");
		Assertions.assertThat(r.variable("planLimitDays")).isEqualTo(5);
		Assertions.assertThat(r.task(RectificationProcess.TASK_DRAFT_PLAN).getDueDate().toInstant())
			.isEqualTo(this.calendar.endOf(workingDay(5)).toInstant());
		Assertions.assertThat(r.entries("PLAN_RETURNED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).isEqualTo("措施不够具体 Measures too vague"));
		Assertions.assertThat(this.commitments.list(LocalDate.now())).noneMatch(c -> c.caseNo().equals(r.caseNo));

		r.submitPlan("dept-housing-clerk", twoMeasures());
		Assertions.assertThatThrownBy(() -> r.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk"))
			.as("the first decision does not stand in for the second").hasMessageContaining("planApproved");
	}

	@Test
	void aLatePlanIsWarnedUrgedAndCriticisedOnceEachInOrder() {
		RectificationScenario r = open();
		r.runJob("BoundaryEvent_PlanReprimand").runJob("BoundaryEvent_PlanWarning").runJob("BoundaryEvent_PlanOverdue");

		Assertions.assertThat(r.events()).containsExactly("FILED", "PLAN_REQUESTED", "WARNED", "URGED", "REPRIMANDED");
		var inbox = this.notifications.ofCase(r.caseNo).stream().filter(n -> n.channel().equals("INBOX"))
			.map(n -> n.recipient() + ":" + (n.subject().contains("due soon") ? "warning"
					: n.subject().contains("Urging") ? "urging" : n.subject().contains("criticism") ? "criticism" : "?"))
			.toList();
		Assertions.assertThat(inbox).containsExactlyInAnyOrder("dept-housing:warning", "dept-housing:urging",
				"dept-housing-head:urging", "supervision-office:urging", "dept-housing:criticism",
				"dept-housing-head:criticism", "supervision-office:criticism", "county-leaders:criticism");
		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_DRAFT_PLAN);
		String[] history = history(r.task(RectificationProcess.TASK_DRAFT_PLAN));
		Assertions.assertThat(history).as("the plan's form tells of the ladder, newest first").hasSize(3);
		Assertions.assertThat(history[0]).contains("通报批评").contains("县住房和城乡建设局");
		Assertions.assertThat(history[1]).contains("催办").contains("Urged");
		Assertions.assertThat(history[2]).contains("预警").contains("Warned");
	}

	/** The lines of "办理经过 Case history" in a task's form. */
	private String[] history(Task task) {
		return ((String) this.engine.getTaskService().getVariableLocal(task.getId(), "caseHistory")).split("\n");
	}

	@Test
	void aMeasureFiveDaysLateIsCriticisedAndItsHeadSummonedToATalk() {
		LocalDate sameDay = workingDay(15);
		RectificationScenario r = open().submitPlan("dept-housing-clerk", List.of(
				measure("清单 Checklist", "dept-housing-clerk", sameDay, "上墙 Posted"),
				measure("培训 Training", "dept-housing-head", sameDay, "考核 Tested")));
		r.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk", "planApproved", true);
		Task checklist = r.tasks(RectificationProcess.TASK_IMPLEMENT_MEASURE).stream()
			.filter(t -> t.getAssignee().equals("dept-housing-clerk")).findFirst().get();

		Assertions.assertThat(this.engine.getManagementService().createJobQuery().processInstanceId(r.instance.getId())
			.activityId("BoundaryEvent_MeasureLate").count()).isEqualTo(2);
		runMeasureTimer(r, "BoundaryEvent_MeasureLate", 1);

		Assertions.assertThat(r.events()).containsSubsequence("COMMITTED", "WARNED", "URGED", "CRITICIZED", "SUMMONED");
		Assertions.assertThat(r.entries("CRITICIZED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).startsWith("measure 1: "));
		Task talk = r.task(RectificationProcess.TASK_ADMONISHMENT_TALK);
		Assertions.assertThat(this.engine.getTaskService().getIdentityLinksForTask(talk.getId()))
			.anySatisfy(link -> Assertions.assertThat(link.getGroupId()).isEqualTo("county-leaders"));
		Assertions.assertThat((String) this.engine.getTaskService().getVariableLocal(talk.getId(), "talkReason"))
			.contains("Measure 1 five working days late");
		Assertions.assertThat(this.notifications.ofCase(r.caseNo))
			.anySatisfy(n -> Assertions.assertThat(n.recipient()).isEqualTo("dept-housing-head"));
		Assertions.assertThat(history(talk)[0]).as("the talk's form").contains("约谈").contains("县住房和城乡建设局");
		Assertions.assertThat((String) this.engine.getTaskService().getVariableLocal(talk.getId(), "talkHeadName"))
			.as("the unit head by name").contains("(dept-housing-head)");
		Assertions.assertThat(history(checklist)).as("the late measure's own form, still open")
			.anySatisfy(line -> Assertions.assertThat(line).contains("批评：整改措施逾期未完成"));

		// the other measure with the same deadline still gets its own ladder
		runMeasureTimer(r, "BoundaryEvent_MeasureWarning", 2);
		Assertions.assertThat(r.entries("WARNED")).extracting(e -> e.detail().substring(0, 11))
			.containsExactly("measure 1: ", "measure 2: ");

		r.complete(talk, "leader", "talkRecord", "已诫勉谈话，限期一周完成 Talk held; one week to finish");
		Assertions.assertThat(r.entries("ADMONISHED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).contains("dept-housing-head").contains("one week"));
		r.complete(checklist, "dept-housing-clerk", "measureResult", "补做 Done late");
		Assertions.assertThat(r.entries("MEASURE_DONE")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).startsWith("measure 1: done"));
	}

	/** Fires the timer of one measure's task, as the job executor would when its date comes. */
	private void runMeasureTimer(RectificationScenario r, String activityId, int measureNo) {
		var job = this.engine.getManagementService().createJobQuery().processInstanceId(r.instance.getId())
			.activityId(activityId).list().stream()
			.filter(j -> Integer.valueOf(measureNo).equals(this.engine.getRuntimeService()
				.getVariable(j.getExecutionId(), RectificationProcess.MEASURE_NO.name())))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no timer " + activityId + " of measure " + measureNo));
		this.engine.getManagementService().executeJob(job.getId());
	}

	@Test
	void aSurveysLastUnitHasItsHeadTalkedToBeforeVerificationCanPass() {
		RectificationScenario r = open("source", "SURVEY", "originCaseNo", "MY-2026-01");
		Task talk = r.task(RectificationProcess.TASK_ADMONISHMENT_TALK);
		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_DRAFT_PLAN, RectificationProcess.TASK_ADMONISHMENT_TALK);
		Assertions.assertThat(r.events()).containsExactly("FILED", "PLAN_REQUESTED", "SUMMONED");

		r.submitPlan("dept-housing-clerk", List.of(measure("a", "dept-housing-clerk", workingDay(5), "t")))
			.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk", "planApproved", true)
			.complete(RectificationProcess.TASK_IMPLEMENT_MEASURE, "dept-housing-clerk", "measureResult", "done");
		Assertions.assertThatThrownBy(() -> r.complete(RectificationProcess.TASK_VERIFY, "supervisor", "verification",
				"PASS")).hasMessageContaining("admonishment talk");

		r.complete(talk, "leader", "talkRecord", "谈话记录 Record")
			.complete(RectificationProcess.TASK_VERIFY, "supervisor", "verification", "PASS");
		assertThat(r.instance).isEnded();
	}

	@Test
	void monthlyProgressReportsFeedThePublicPage() {
		RectificationScenario r = open().submitPlan("dept-housing-clerk", twoMeasures())
			.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk", "planApproved", true);
		r.runJob("BoundaryEvent_MonthlyProgress");
		Task report = r.task(RectificationProcess.TASK_REPORT_PROGRESS);
		Assertions.assertThat(this.engine.getTaskService().getIdentityLinksForTask(report.getId()))
			.anySatisfy(link -> Assertions.assertThat(link.getGroupId()).isEqualTo("dept-housing"));
		Assertions.assertThat(report.getDueDate().toInstant())
			.isEqualTo(this.calendar.deadline(java.time.Instant.now(), 5).toInstant());
		Assertions.assertThat(r.tasks(RectificationProcess.TASK_REPORT_PROGRESS)).hasSize(1);
		Assertions.assertThat(this.engine.getManagementService().createJobQuery().processInstanceId(r.instance.getId())
			.activityId("BoundaryEvent_MonthlyProgress").count()).as("next month's report is scheduled").isEqualTo(1);

		Assertions.assertThatThrownBy(() -> r.complete(report, "dept-housing-clerk", "progress", 150, "progressNote", "x"))
			.hasMessageContaining("progress");
		r.complete(report, "dept-housing-clerk", "progress", 40, "progressNote", "清单初稿完成 Draft checklist done");
		Assertions.assertThat(commitment(r.caseNo).progress()).isEqualTo(40);
		Assertions.assertThat(r.entries("PROGRESS_REPORTED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).startsWith("40%"));
	}

	@Test
	void failedVerificationSendsTheUnitBackToARevisedPlan() {
		RectificationScenario r = open().submitPlan("dept-housing-clerk",
				List.of(measure("a", "dept-housing-clerk", workingDay(5), "t")))
			.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk", "planApproved", true)
			.complete(RectificationProcess.TASK_IMPLEMENT_MEASURE, "dept-housing-clerk", "measureResult", "done");
		Assertions.assertThatThrownBy(() -> r.complete(RectificationProcess.TASK_VERIFY, "supervisor", "verification",
				"FAIL")).hasMessageContaining("verificationComment");

		r.complete(RectificationProcess.TASK_VERIFY, "supervisor", "verification", "FAIL", "verificationComment",
				"回访仍有群众反映 Applicants still complain");
		assertThat(r.instance).isWaitingAt(RectificationProcess.TASK_DRAFT_PLAN);
		Assertions.assertThat(r.variable("planLimitDays")).isEqualTo(10);
		Assertions.assertThat(commitment(r.caseNo).status()).isEqualTo(RectificationValues.PublicStatus.REVISING);

		r.submitPlan("dept-housing-clerk", twoMeasures())
			.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk", "planApproved", true);
		Assertions.assertThat(r.tasks(RectificationProcess.TASK_IMPLEMENT_MEASURE)).hasSize(2);
		Assertions.assertThat(commitment(r.caseNo).status()).isEqualTo(RectificationValues.PublicStatus.IN_PROGRESS);
		Assertions.assertThat(commitment(r.caseNo).measures()).hasSize(2).noneMatch(Commitments.PublicMeasure::done);
		Assertions.assertThat(r.events()).containsSubsequence("VERIFICATION_FAILED", "PLAN_REQUESTED", "PLAN_SUBMITTED",
				"PLAN_APPROVED", "COMMITTED");
	}

	@Test
	void aCompletionCannotMoveTheDeadlineChangeTheUnitOrTheApprovedMeasures() {
		RectificationScenario r = open();
		String due = (String) r.variable("dueAt");
		r.submitPlan("dept-housing-clerk", List.of(measure("a", "dept-housing-clerk", workingDay(5), "t")));
		r.complete(RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk", "planApproved", true, "unit",
				"township-labao", "dueAt", "2099-12-31T23:59:59+08:00", "measures",
				org.camunda.spin.Spin.JSON(List.of(measure("forged", "township-labao-clerk", workingDay(9), "x"))));
		Assertions.assertThat(r.variable("unit")).isEqualTo("dept-housing");
		Assertions.assertThat(r.variable("dueAt")).isEqualTo(due);
		Assertions.assertThat(r.tasks(RectificationProcess.TASK_IMPLEMENT_MEASURE)).singleElement()
			.satisfies(t -> Assertions.assertThat(t.getAssignee()).isEqualTo("dept-housing-clerk"));
		Assertions.assertThat(commitment(r.caseNo).measures()).extracting(Commitments.PublicMeasure::measure)
			.containsExactly("a");
		Assertions.assertThat(ZonedDateTime.parse(due).getYear()).isLessThan(2099);
	}

	@Test
	void aUnitOpensRectificationOnlyForItselfAndOnlyForTownshipsAndDepartments() {
		Assertions.assertThatThrownBy(() -> RectificationScenario.open(this.engine, this.intake, this.ledger,
				"township-labao-clerk", RectificationScenario.rectification()))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("unit");
		RectificationScenario own = RectificationScenario.open(this.engine, this.intake, this.ledger,
				"township-labao-clerk", RectificationScenario.rectification("unit", "township-labao", "source", "SELF_CHECK"));
		assertThat(own.instance).isWaitingAt(RectificationProcess.TASK_DRAFT_PLAN);
		Assertions.assertThatThrownBy(() -> open("unit", "supervision-office")).hasMessageContaining("county office");
		Assertions.assertThatThrownBy(() -> open("source", "RUMOUR")).hasMessageContaining("source");
	}

}
