package gov.county.platform.rectification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.cases.CaseClock;
import gov.county.platform.cases.CaseState;
import gov.county.platform.cases.Decision;

/**
 * Rectification's step rules as plain functions, on a case whose state is given, with no engine or
 * database. The process scenarios run the same rules through Tasklist's path.
 */
class RectificationStepsTests {

	private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

	private static final String PLAN = "[{\"measure\":\"增设窗口 More windows\",\"responsible\":\"township-labao-clerk\","
			+ "\"deadline\":\"2026-12-31\",\"target\":\"排队不超过20分钟 Queues under 20 minutes\"}]";

	/** A plan's checks that accept what they are given: the chart is not what these tests are about. */
	private static final RectificationCase.Plans PLANS = new RectificationCase.Plans() {

		@Override
		public List<Measure> check(Object submitted, String unit, LocalDate today) {
			return MeasurePlan.recorded(submitted.toString());
		}

		@Override
		public Map<String, Object> variables(List<Measure> measures) {
			return Map.of("planText", measures.size() + " measure(s)");
		}

		@Override
		public LocalDate today(Instant now) {
			return now.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
		}

	};

	private static RectificationCase rectification(String plan, long summoned, long admonished) {
		CaseState state = new CaseState("ZG-2026-000009", RectificationProcess.KEY, "township-labao", null, 0,
				new CaseClock(1, Instant.parse("2026-12-18T15:59:59Z"), Instant.parse("2026-12-04T01:00:00Z")), plan);
		return new RectificationCase("ZG-2026-000009", "county-platform-clerk", NOW, state, null, PLANS,
				event -> event == RectificationEvent.SUMMONED ? summoned : event == RectificationEvent.ADMONISHED ? admonished
						: 0);
	}

	@Test
	void aSubmittedPlanBecomesTheCasesPlanAndIsRecordedAgainstThePlansDeadline() {
		Decision submitted = SubmitPlan.decide(new SubmitPlan.Input(null, PLAN), rectification(null, 0, 0));

		assertThat(submitted.events()).containsExactly("PLAN_SUBMITTED");
		assertThat(submitted.plan()).contains("More windows").contains("township-labao-clerk");
		assertThat(submitted.entries().get(0).dueAt()).isEqualTo(Instant.parse("2026-12-18T15:59:59Z"));
		assertThat(submitted.entries().get(0).detail()).startsWith("1 measures: [");
		assertThat(submitted.variables()).containsEntry("planText", "1 measure(s)");
	}

	@Test
	void aReturnedPlanSaysWhatToChange() {
		assertThatThrownBy(() -> DecidePlan.decide(new DecidePlan.Input(false, null), rectification(PLAN, 0, 0)))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("planComment");
		Decision returned = DecidePlan.decide(new DecidePlan.Input(false, "期限太长 Too slow"), rectification(PLAN, 0, 0));
		assertThat(returned.events()).containsExactly("PLAN_RETURNED");
		assertThat(returned.variables()).containsEntry("planStage", "RETURNED").containsEntry("planApproved", false);

		assertThat(DecidePlan.decide(new DecidePlan.Input(true, null), rectification(PLAN, 0, 0)).entries().get(0).detail())
			.isEqualTo("1 measures");
		assertThatThrownBy(() -> DecidePlan.decide(new DecidePlan.Input(true, null), rectification(null, 0, 0)))
			.hasMessageContaining("has no submitted plan");
	}

	@Test
	void aMeasureDoneAfterItsDeadlineIsRecordedLateAndUpdatesThePublicList() {
		Decision late = CompleteMeasure.decide(new CompleteMeasure.Input("已增设 Done", "照片 Photos", 1,
				"2026-12-02T23:59:59+08:00"), rectification(PLAN, 0, 0));
		assertThat(late.entries().get(0).detail()).isEqualTo("measure 1: done late: 已增设 Done | evidence: 照片 Photos");
		assertThat(late.afterwards()).as("the public list of commitments is updated").hasSize(1);

		Decision inTime = CompleteMeasure.decide(new CompleteMeasure.Input("已增设 Done", null, 1,
				"2026-12-31T23:59:59+08:00"), rectification(PLAN, 0, 0));
		assertThat(inTime.entries().get(0).detail()).isEqualTo("measure 1: done: 已增设 Done");
	}

	@Test
	void progressIsAWholePerCentage() {
		assertThatThrownBy(() -> ReportProgress.decide(new ReportProgress.Input(120, "done"), rectification(PLAN, 0, 0)))
			.hasMessageContaining("progress");
		assertThatThrownBy(() -> ReportProgress.Input.from(Map.of("progress", "most")))
			.hasMessageContaining("a whole number from 0 to 100");
		assertThat(ReportProgress.decide(new ReportProgress.Input(40, "两个窗口已开 Two windows open"),
				rectification(PLAN, 0, 0)).entries().get(0).detail()).isEqualTo("40%: 两个窗口已开 Two windows open");
	}

	@Test
	void aTalkIsRecordedWithTheHeadAndWhy() {
		Decision held = HoldTalk.decide(new HoldTalk.Input("已谈话 Talked", "township-labao-head", "超期 Late"),
				rectification(PLAN, 1, 0));
		assertThat(held.events()).containsExactly("ADMONISHED");
		assertThat(held.entries().get(0).detail()).isEqualTo("talk with township-labao-head (超期 Late): 已谈话 Talked");
	}

	@Test
	void verificationPassesOnlyWhenEveryTalkWasHeld() {
		assertThatThrownBy(() -> VerifyRectification.decide(new VerifyRectification.Input("PASS", null),
				rectification(PLAN, 2, 1))).hasMessageContaining("1 admonishment talk(s)");
		assertThat(VerifyRectification.decide(new VerifyRectification.Input("PASS", null), rectification(PLAN, 1, 1))
			.events()).containsExactly("VERIFIED");

		Decision failed = VerifyRectification.decide(new VerifyRectification.Input("FAIL", "仍排长队 Still queues"),
				rectification(PLAN, 0, 0));
		assertThat(failed.events()).containsExactly("VERIFICATION_FAILED");
		assertThat(failed.variables()).containsEntry("planStage", "FAILED_VERIFICATION");
		assertThatThrownBy(() -> VerifyRectification.decide(new VerifyRectification.Input("FAIL", null),
				rectification(PLAN, 0, 0))).hasMessageContaining("verificationComment");
		assertThatThrownBy(() -> VerifyRectification.decide(new VerifyRectification.Input("MAYBE", null),
				rectification(PLAN, 0, 0))).hasMessageContaining("must be one of [PASS, FAIL]");
	}

}
