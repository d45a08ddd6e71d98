package gov.county.platform.card;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZonedDateTime;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.ledger.LedgerService;

/**
 * Every path of InteractionCardProcess, with the real services; run on H2
 * ({@link InteractionCardProcessTests}) and, in the build's postgres-suite, on PostgreSQL.
 */
abstract class CardProcessScenarios {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	LedgerService ledger;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(this.engine);
	}

	private CardScenario file(Object... overrides) {
		return CardScenario.file(this.engine, this.intake, this.ledger, CardScenario.card(overrides));
	}

	@Test
	void happyPathFromFilingToSatisfiedClose() {
		CardScenario card = file();
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_ACCEPT);
		Assertions.assertThat(card.caseNo).matches("HD-\\d{4}-\\d{6}");

		card.acceptAndDispatchTo("township-labao");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_HANDLE);
		Assertions.assertThat(card.task(CardProcess.TASK_HANDLE).getDueDate())
			.isEqualTo(java.util.Date.from(ZonedDateTime.parse((String) card.variable("dueAt")).toInstant()));

		card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "RESOLVED", "reply", "已修复 Repaired")
			.runJob("Task_SendReply")
			.complete(CardProcess.TASK_REVIEW, "supervisor", "review", "PASS")
			.complete(CardProcess.TASK_EVALUATE, "county-platform-clerk", "satisfaction", "SATISFIED");

		assertThat(card.instance).isEnded().hasPassed("EndEvent_CardClosed");
		Assertions.assertThat(this.notifications.ofCase(card.caseNo)).as("the reply e-mailed to the submitter")
			.anySatisfy(n -> {
				Assertions.assertThat(n.recipient()).isEqualTo("wang@example.org");
				Assertions.assertThat(n.body()).contains("已修复 Repaired");
			});
		Assertions.assertThat(card.entries("FEEDBACK_SENT").get(0).detail()).contains("e-mailed to the submitter")
			.contains("已修复 Repaired")
			.doesNotContain("wang@example.org");
		Assertions.assertThat(card.events()).containsExactly("FILED", "ACCEPTED", "CLASSIFIED", "DISPATCHED", "HANDLED",
				"FEEDBACK_SENT", "REVIEWED", "ORGANIZED", "EVALUATED", "CLOSED");
		Assertions.assertThat(this.ledger.verify().ok()).isTrue();
	}


	@Test
	void rejectionTellsTheSubmitterAndCloses() {
		CardScenario card = file();
		card.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk", "acceptance", "REJECT", "rejectReason",
				"不属于受理范围 Not within our remit");
		assertThat(card.instance).isWaitingAt("Task_NotifyRejection");
		card.runJob("Task_NotifyRejection");

		assertThat(card.instance).isEnded().hasPassed("EndEvent_CardRejected");
		Assertions.assertThat(card.events()).containsExactly("FILED", "REJECTED", "CLOSED");
		Assertions.assertThat(card.entries("CLOSED").get(0).detail()).isEqualTo("REJECTED");
		Assertions.assertThat(this.notifications.ofCase(card.caseNo))
			.anySatisfy(n -> {
				Assertions.assertThat(n.recipient()).isEqualTo("wang@example.org");
				Assertions.assertThat(n.body()).contains("Not within our remit");
			});
	}

	@Test
	void rejectionNeedsAReason() {
		CardScenario card = file();
		Assertions.assertThatThrownBy(() -> card.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk",
				"acceptance", "REJECT")).hasMessageContaining("rejectReason");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_ACCEPT);
		Assertions.assertThat(card.events()).containsExactly("FILED");
	}

	@Test
	void acceptingNeedsALinkOfTheTen() {
		CardScenario card = file();
		Assertions.assertThatThrownBy(() -> card.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk",
				"acceptance", "ACCEPT", "link", "GOSSIP")).hasMessageContaining("link");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_ACCEPT);
	}

	@Test
	void duplicateIsMergedIntoAnExistingCardInBothLedgers() {
		CardScenario original = file();
		CardScenario duplicate = file();

		Assertions.assertThatThrownBy(() -> duplicate.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk",
				"acceptance", "DUPLICATE", "duplicateOf", "HD-1999-000001")).hasMessageContaining("duplicateOf");

		duplicate.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk", "acceptance", "DUPLICATE", "duplicateOf",
				original.caseNo);

		assertThat(duplicate.instance).isEnded().hasPassed("EndEvent_CardMerged");
		Assertions.assertThat(duplicate.events()).containsExactly("FILED", "MERGED", "CLOSED");
		Assertions.assertThat(original.entries("MERGED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).contains(duplicate.caseNo));
		assertThat(original.instance).isWaitingAt(CardProcess.TASK_ACCEPT);
	}

	@Test
	void handedUpCardIsCoordinatedAndCoUnitsOpinionsReachTheLead() {
		CardScenario card = file();
		card.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk", "acceptance", "ACCEPT", "link",
				"PROJECT_CONSTRUCTION")
			.complete(CardProcess.TASK_DISPATCH, "township-labao-clerk", "handUp", true);
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_COORDINATE);

		card.complete(CardProcess.TASK_COORDINATE, "county-platform-clerk", "leadUnit", "dept-housing", "coUnits",
				org.camunda.spin.Spin.JSON("[\"dept-natural-resources\", \"township-labao\"]"), "coordinationNote",
				"住建牵头 Housing leads");
		Assertions.assertThat(this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(card.instance.getId())
			.taskDefinitionKey(CardProcess.TASK_CO_HANDLE)
			.count()).isEqualTo(2);

		card.complete(CardProcess.TASK_CO_HANDLE, "dept-natural-resources-clerk", "opinion", "用地手续齐全 Land use approved");
		card.runContinuations();
		card.complete(CardProcess.TASK_CO_HANDLE, "township-labao-clerk", "opinion", "村委会同意 The village agrees");
		card.runContinuations();

		assertThat(card.instance).isWaitingAt(CardProcess.TASK_HANDLE);
		Assertions.assertThat((String) card.variable("coOpinionsText")).contains("Land use approved")
			.contains("The village agrees")
			.contains("县自然资源局");
		Assertions.assertThat(card.events()).containsSubsequence("HANDED_UP", "COORDINATED", "DISPATCHED", "CO_HANDLED",
				"CO_HANDLED");
		Assertions.assertThat(card.entries("CO_HANDLED")).extracting(e -> e.unit())
			.containsExactlyInAnyOrder("dept-natural-resources", "township-labao");
		Assertions.assertThat(card.task(CardProcess.TASK_HANDLE).getId()).isNotNull();
	}

	@Test
	void clerkOfAnotherUnitCannotHandleTheCard() {
		CardScenario card = file().acceptAndDispatchTo("dept-commerce");
		Assertions.assertThat(gov.county.platform.support.TestProcesses.as(this.engine.getIdentityService(),
				"township-baipeng-clerk", () -> this.engine.getTaskService().createTaskQuery()
					.processInstanceId(card.instance.getId()).count())).isZero();
		Assertions.assertThatThrownBy(() -> card.complete(CardProcess.TASK_HANDLE, "township-baipeng-clerk", "handling",
				"RESOLVED", "reply", "x")).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
	}

	@Test
	void returnGoesBackToTheCountyPlatform() {
		CardScenario card = file().acceptAndDispatchTo("dept-commerce");
		card.complete(CardProcess.TASK_HANDLE, "dept-commerce-clerk", "handling", "RETURN", "returnReason",
				"属市场监管职责 A market-regulation matter");

		assertThat(card.instance).isWaitingAt(CardProcess.TASK_COORDINATE);
		Assertions.assertThat(card.entries("RETURNED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).isEqualTo("属市场监管职责 A market-regulation matter"));

		card.complete(CardProcess.TASK_COORDINATE, "county-platform-clerk", "leadUnit", "dept-market-regulation");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_HANDLE);
		Assertions.assertThat(card.task(CardProcess.TASK_HANDLE).getId()).isNotNull();
	}

	@Test
	void returnAfterTwoWorkingDaysIsRecordedAsLate() {
		CardScenario card = file().acceptAndDispatchTo("dept-commerce");
		java.time.Instant later = this.calendar
			.deadline(gov.county.platform.engine.EngineClock.now(), 3)
			.toInstant();
		gov.county.platform.engine.EngineClock.at(later, () -> card.complete(CardProcess.TASK_HANDLE,
				"dept-commerce-clerk", "handling", "RETURN", "returnReason", "not ours"));
		Assertions.assertThat(card.entries("RETURNED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).startsWith("late return").endsWith("not ours"));
	}

	@Test
	void approvedExtensionMovesAllThreeDeadlines() {
		CardScenario card = file().acceptAndDispatchTo("township-labao");
		String dueBefore = (String) card.variable("dueAt");
		card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "EXTEND", "extensionDays", 3,
				"extensionReason", "需要现场勘查 Site survey needed");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_APPROVE_EXTENSION);

		card.complete(CardProcess.TASK_APPROVE_EXTENSION, "county-platform-clerk", "extensionApproved", true);

		assertThat(card.instance).isWaitingAt(CardProcess.TASK_HANDLE);
		String dueAfter = (String) card.variable("dueAt");
		Assertions.assertThat(dueAfter).isEqualTo(gov.county.platform.cases.Deadlines.iso(
				this.calendar.endOf(this.calendar.plusWorkingDays(ZonedDateTime.parse(dueBefore).toLocalDate(), 3))));
		Assertions.assertThat(card.task(CardProcess.TASK_HANDLE).getDueDate().toInstant())
			.isEqualTo(ZonedDateTime.parse(dueAfter).toInstant());
		Assertions.assertThat(card.variable("extendedDays")).isEqualTo(3);
		Assertions.assertThat(card.events()).containsSubsequence("EXTENSION_REQUESTED", "EXTENDED");

		Assertions.assertThatThrownBy(() -> card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling",
				"EXTEND", "extensionDays", 8, "extensionReason", "more")).hasMessageContaining("at most 10");
	}

	@Test
	void deniedExtensionKeepsTheDeadline() {
		CardScenario card = file().acceptAndDispatchTo("township-labao");
		String due = (String) card.variable("dueAt");
		card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "EXTEND", "extensionDays", 2,
				"extensionReason", "busy")
			.complete(CardProcess.TASK_APPROVE_EXTENSION, "county-platform-clerk", "extensionApproved", "false");

		assertThat(card.instance).isWaitingAt(CardProcess.TASK_HANDLE);
		Assertions.assertThat(card.variable("dueAt")).isEqualTo(due);
		Assertions.assertThat(card.events()).containsSubsequence("EXTENSION_REQUESTED", "EXTENSION_DENIED");
	}

	@Test
	void extensionMustBeAskedBeforeTheDeadline() {
		CardScenario card = file().acceptAndDispatchTo("township-labao");
		java.time.Instant afterDue = ZonedDateTime.parse((String) card.variable("dueAt")).toInstant().plusSeconds(60);
		Assertions.assertThatThrownBy(() -> gov.county.platform.engine.EngineClock.at(afterDue,
				() -> card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "EXTEND",
						"extensionDays", 2, "extensionReason", "late")))
			.hasMessageContaining("before the deadline");
	}

	@Test
	void aCompletionCannotMoveItsOwnDeadline() {
		CardScenario card = file().acceptAndDispatchTo("township-labao");
		String due = (String) card.variable("dueAt");
		card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "EXTEND", "extensionDays", 10,
				"extensionReason", "x", "extendedDays", -90, "dueAt", "2099-12-31T23:59:59+08:00");
		Assertions.assertThat(card.variable("dueAt")).isEqualTo(due);
		Assertions.assertThat(card.variable("extendedDays")).isEqualTo(0);
		card.complete(CardProcess.TASK_APPROVE_EXTENSION, "county-platform-clerk", "extensionApproved", "true");
		Assertions.assertThat(card.variable("extensionApproved")).isEqualTo(true);
		Assertions.assertThat(ZonedDateTime.parse((String) card.variable("dueAt")).getYear()).isLessThan(2099);
		Assertions.assertThatThrownBy(() -> card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling",
				"EXTEND", "extensionDays", 1, "extensionReason", "more", "extendedDays", 0))
			.hasMessageContaining("at most 10");
	}

	@Test
	void aCaseNumberTypedByAClerkIsRefusedAndOneAnAdminTypedIsReplaced() {
		CardScenario original = file();
		Assertions.assertThatThrownBy(() -> gov.county.platform.support.TestProcesses.as(this.engine.getIdentityService(),
				"township-labao-clerk", () -> this.engine.getRuntimeService().startProcessInstanceByKey(CardProcess.KEY,
						original.caseNo, CardScenario.card())))
			.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
			.hasMessageContaining(original.caseNo);
		org.camunda.bpm.engine.runtime.ProcessInstance restarted = gov.county.platform.support.TestProcesses.as(
				this.engine.getIdentityService(), "admin",
				() -> this.engine.getRuntimeService().startProcessInstanceByKey(CardProcess.KEY, original.caseNo,
						CardScenario.card()));
		Assertions.assertThat(restarted.getBusinessKey()).isNotEqualTo(original.caseNo).matches("HD-\\d{4}-\\d{6}");
		Assertions.assertThat(original.events()).containsExactly("FILED");
	}

	@Test
	void mergingDoesNotOpenTheOriginalCaseToTheMerger() {
		CardScenario original = CardScenario.file(this.engine, this.intake, this.ledger,
				CardScenario.card("receivingUnit", "dept-commerce"));
		CardScenario duplicate = file();
		duplicate.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk", "acceptance", "DUPLICATE", "duplicateOf",
				original.caseNo);
		Assertions.assertThat(original.entries("MERGED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.unit()).isEqualTo("dept-commerce"));
	}

	@Test
	void escalationLadderWarnsUrgesAndReprimandsOnceEach() {
		CardScenario card = file().acceptAndDispatchTo("dept-housing");

		card.runJob("BoundaryEvent_CardReprimand").runJob("BoundaryEvent_CardWarning").runJob("BoundaryEvent_CardOverdue");
		Assertions.assertThat(card.events()).as("the ladder in order, whatever order the timers fired in")
			.containsSubsequence("WARNED", "URGED", "REPRIMANDED");

		Assertions.assertThat(card.entries("WARNED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.actor()).isEqualTo("system"));
		Assertions.assertThat(card.entries("URGED")).hasSize(1);
		Assertions.assertThat(card.entries("REPRIMANDED")).hasSize(1);
		var inbox = this.notifications.ofCase(card.caseNo)
			.stream()
			.filter(n -> n.channel().equals("INBOX"))
			.map(n -> n.recipient() + ":" + n.subject().substring(n.subject().indexOf(']') + 2, n.subject().indexOf(']') + 6))
			.toList();
		Assertions.assertThat(inbox).contains("dept-housing:即将到期", "dept-housing:催办通知", "dept-housing-head:催办通知",
				"supervision-office:催办通知", "county-leaders:通报批评");
		Assertions.assertThat(inbox).doesNotContain("county-leaders:催办通知", "dept-housing-head:即将到期");

		// re-entering the task (e.g. after a refused extension) does not warn twice for the same deadline
		card.complete(CardProcess.TASK_HANDLE, "dept-housing-clerk", "handling", "EXTEND", "extensionDays", 1,
				"extensionReason", "x");
	}

	@Test
	void theHandlingTaskTellsOfTheCoUnitsOpinionsAndEveryStepOfTheLadderInCountyTime() {
		CardScenario card = file();
		card.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk", "acceptance", "ACCEPT", "link", "EFFICIENCY")
			.complete(CardProcess.TASK_DISPATCH, "township-labao-clerk", "leadUnit", "dept-housing", "coUnits",
					java.util.List.of("dept-civil-affairs"))
			.complete(CardProcess.TASK_COORDINATE, "county-platform-clerk", "leadUnit", "dept-housing", "coUnits",
					java.util.List.of("dept-civil-affairs"));
		java.time.format.DateTimeFormatter county = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.withZone(java.time.ZoneId.of("Asia/Shanghai"));
		String handedUp = county.format(card.entries("HANDED_UP").get(0).at())
				+ " 拉包乡 上报县协调平台 Handed up to the county platform";
		Assertions.assertThat(local(card.task(CardProcess.TASK_CO_HANDLE))).as("the co-unit's task")
			.containsEntry("coUnitName", "县民政局")
			.containsEntry("leadUnitName", "县住房和城乡建设局")
			.containsEntry("caseHistory", handedUp);
		card.complete(CardProcess.TASK_CO_HANDLE, "dept-civil-affairs-clerk", "opinion", "同意住建局牵头 We agree").runContinuations();

		String due = ((String) card.variable("dueAt")).substring(0, 10);
		String opinion = county.format(card.entries("CO_HANDLED").get(0).at())
				+ " 县民政局 协办意见 Co-handling opinion: 同意住建局牵头 We agree";
		java.util.Map<String, Object> handling = local(card.task(CardProcess.TASK_HANDLE));
		Assertions.assertThat(handling).containsEntry("dueAtText", due + " 23:59")
			.containsEntry("leadUnitName", "县住房和城乡建设局")
			.containsEntry("caseHistory", opinion + "\n" + handedUp);

		card.runJob("BoundaryEvent_CardWarning").runJob("BoundaryEvent_CardOverdue");

		Assertions.assertThat(((String) local(card.task(CardProcess.TASK_HANDLE)).get("caseHistory")).split("\n"))
			.as("the open task brought up to date as the ladder climbs, newest first")
			.containsExactly(
					county.format(card.entries("URGED").get(0).at()) + " 催办：已超过办理期限 " + due
							+ "（县住房和城乡建设局） Urged: overdue since " + due,
					county.format(card.entries("WARNED").get(0).at()) + " 预警：办理期限将于 " + due
							+ " 到期（县住房和城乡建设局） Warned: due " + due,
					opinion, handedUp);
		Assertions.assertThat(card.variable("caseHistory")).as("the process's own variables untouched").isNull();
	}

	private java.util.Map<String, Object> local(org.camunda.bpm.engine.task.Task task) {
		return this.engine.getTaskService().getVariablesLocal(task.getId());
	}

	@Test
	void reworkReturnsToTheLeadWithTheComment() {
		CardScenario card = file().acceptAndDispatchTo("township-labao");
		card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "EXPLAINED", "reply", "已解释")
			.runJob("Task_SendReply");
		Assertions.assertThatThrownBy(() -> card.complete(CardProcess.TASK_REVIEW, "supervisor", "review", "REWORK"))
			.hasMessageContaining("reviewComment");
		card.complete(CardProcess.TASK_REVIEW, "supervisor", "review", "REWORK", "reviewComment", "答复过于简单 Too brief");

		assertThat(card.instance).isWaitingAt(CardProcess.TASK_HANDLE);
		Assertions.assertThat(card.variable("reviewComment")).isEqualTo("答复过于简单 Too brief");
		Assertions.assertThat(card.entries("REWORK")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).isEqualTo("答复过于简单 Too brief"));
	}

	@Test
	void dissatisfiedOnceReopensHandlingTwiceGoesToThePlatformAndLeaders() {
		CardScenario card = file().acceptAndDispatchTo("township-labao");
		finishHandling(card);
		card.complete(CardProcess.TASK_EVALUATE, "county-platform-clerk", "satisfaction", "DISSATISFIED");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_HANDLE);
		Assertions.assertThat(card.entries("REOPENED")).hasSize(1);

		finishHandling(card);
		card.complete(CardProcess.TASK_EVALUATE, "county-platform-clerk", "satisfaction", "DISSATISFIED");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_COORDINATE);
		Assertions.assertThat(card.entries("REOPENED")).hasSize(2);
		Assertions.assertThat(this.notifications.ofCase(card.caseNo))
			.anySatisfy(n -> Assertions.assertThat(n.recipient()).isEqualTo("county-leaders"));
	}

	@Test
	void noAnswerToTheCallBackClosesAsNoResponse() {
		CardScenario card = file().acceptAndDispatchTo("township-labao");
		finishHandling(card);
		card.runJob("BoundaryEvent_NoEvaluation");

		assertThat(card.instance).isEnded().hasPassed("EndEvent_ClosedNoResponse");
		Assertions.assertThat(card.entries("EVALUATED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).isEqualTo("NO_RESPONSE"));
		Assertions.assertThat(card.entries("CLOSED")).singleElement()
			.satisfies(e -> Assertions.assertThat(e.detail()).isEqualTo("NO_RESPONSE"));
	}

	@Test
	void unacceptedCardRemindsTheReceivingUnit() {
		CardScenario card = file();
		card.runJob("BoundaryEvent_AcceptanceOverdue");
		assertThat(card.instance).isWaitingAt(CardProcess.TASK_ACCEPT);
		Assertions.assertThat(this.notifications.ofCase(card.caseNo))
			.anySatisfy(n -> Assertions.assertThat(n.recipient()).isEqualTo("township-labao"));
	}

	@Test
	void coUnitsAreRemindedWhenTheirOpinionIsDue() {
		CardScenario card = file();
		card.complete(CardProcess.TASK_ACCEPT, "township-labao-clerk", "acceptance", "ACCEPT", "link", "EFFICIENCY")
			.complete(CardProcess.TASK_DISPATCH, "township-labao-clerk", "leadUnit", "township-labao", "coUnits",
					java.util.List.of("dept-civil-affairs"));
		card.complete(CardProcess.TASK_COORDINATE, "county-platform-clerk", "leadUnit", "township-labao", "coUnits",
				java.util.List.of("dept-civil-affairs"));
		card.runJob("BoundaryEvent_CoHandlingDue");
		Assertions.assertThat(this.notifications.ofCase(card.caseNo))
			.anySatisfy(n -> Assertions.assertThat(n.recipient()).isEqualTo("dept-civil-affairs"));
	}

	@Test
	void urgentCardHasOneWorkingDayAndOpinionsTen() {
		CardScenario urgent = file("urgent", true).acceptAndDispatchTo("township-labao");
		CardScenario opinion = file("kind", "OPINION").acceptAndDispatchTo("township-labao");
		Assertions.assertThat(urgent.variable("timeLimitDays")).isEqualTo(1);
		Assertions.assertThat(opinion.variable("timeLimitDays")).isEqualTo(10);
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		Assertions.assertThat(ZonedDateTime.parse((String) urgent.variable("dueAt")).toLocalDate())
			.isEqualTo(this.calendar.plusWorkingDays(today, 1));
		Assertions.assertThat(ZonedDateTime.parse((String) opinion.variable("reprimandAt")).toLocalDate())
			.isEqualTo(this.calendar.plusWorkingDays(this.calendar.plusWorkingDays(today, 10), 5));
	}

	private void finishHandling(CardScenario card) {
		card.complete(CardProcess.TASK_HANDLE, "township-labao-clerk", "handling", "RESOLVED", "reply", "done")
			.runJob("Task_SendReply")
			.complete(CardProcess.TASK_REVIEW, "supervisor", "review", "PASS");
	}

	@Autowired
	gov.county.platform.notification.NotificationService notifications;

	@Autowired
	gov.county.platform.calendar.WorkingDayCalendar calendar;

}
