package gov.county.platform.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.calendar.CalendarProperties;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.cases.CaseClock;
import gov.county.platform.cases.CaseState;
import gov.county.platform.cases.Decision;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.cases.TimeLimits;
import gov.county.platform.ledger.LedgerEvent;

/**
 * The card's step rules as plain functions: what a clerk's entry decides, on a card whose state is
 * given, with no engine or database. The process scenarios run the same rules through Tasklist's path.
 */
class CardStepsTests {

	private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
			new CalendarProperties(ZoneId.of("Asia/Shanghai"), new CalendarProperties.Calendar(null)));

	/** Thursday 3 December 2026, 10:00 in the county. */
	private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

	private static final Set<String> UNITS = Set.of("township-labao", "dept-housing", "dept-commerce");

	/** A card classified with 5 working days on Monday 30 November: due Monday 7 December. */
	private static CardCase card(int extendedDays, Instant now) {
		Deadlines deadlines = Deadlines.start(CALENDAR, TimeLimits.defaults(), Instant.parse("2026-11-30T01:00:00Z"), 5);
		CaseState state = new CaseState("HD-2026-000009", CardProcess.KEY, "township-labao", 5, extendedDays,
				new CaseClock(1, deadlines.dueAt().toInstant(), Instant.parse("2026-11-30T01:00:00Z")), null);
		return new CardCase("HD-2026-000009", "dept-housing-clerk", now, state, CALENDAR, TimeLimits.defaults(),
				UNITS::contains, caseNo -> caseNo.equals("HD-2026-000001") ? Optional.of("dept-commerce") : Optional.empty());
	}

	@Test
	void acceptingNeedsOneOfTheTenLinks() {
		assertThatThrownBy(() -> AcceptCard.decide(new AcceptCard.Input("ACCEPT", "GOSSIP", null, null, "township-labao"),
				card(0, NOW))).isInstanceOf(InvalidInput.class).hasMessageContaining("link").hasMessageContaining("GOSSIP");

		Decision accepted = AcceptCard.decide(new AcceptCard.Input("ACCEPT", "EFFICIENCY", null, null, "township-labao"),
				card(0, NOW));
		assertThat(accepted.events()).containsExactly("ACCEPTED");
		assertThat(accepted.entries().get(0).detail()).isEqualTo("link EFFICIENCY");
	}

	@Test
	void aMergeIsRecordedOnBothCardsEachUnderItsOwnUnit() {
		Decision merged = AcceptCard.decide(
				new AcceptCard.Input("DUPLICATE", null, null, "HD-2026-000001", "township-labao"), card(0, NOW));

		assertThat(merged.entries()).extracting(LedgerEvent::caseNo, LedgerEvent::event, LedgerEvent::unit)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("HD-2026-000009", "MERGED", "township-labao"));
		assertThat(merged.relatedEntries()).extracting(LedgerEvent::caseNo, LedgerEvent::unit)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("HD-2026-000001", "dept-commerce"));
		assertThatThrownBy(() -> AcceptCard.decide(
				new AcceptCard.Input("DUPLICATE", null, null, "HD-1999-000001", "township-labao"), card(0, NOW)))
			.hasMessageContaining("'HD-1999-000001' is not a card of this platform");
	}

	@Test
	void aCardWithCoUnitsGoesToTheCountyPlatformAndTheLeadCannotBeACoUnit() {
		Decision handedUp = DispatchCard.decide(
				new DispatchCard.Input(false, "dept-housing", List.of("dept-commerce"), "township-labao"), card(0, NOW));
		assertThat(handedUp.events()).containsExactly("HANDED_UP");
		assertThat(handedUp.variables()).containsEntry("needsCoordination", true);

		assertThatThrownBy(() -> DispatchCard.decide(
				new DispatchCard.Input(false, "dept-housing", List.of("dept-housing"), "township-labao"), card(0, NOW)))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("coUnits")
			.hasMessageContaining("牵头单位不能同时是协办单位")
			.hasMessageContaining("The lead unit cannot also be a co-handling unit");
		assertThatThrownBy(() -> CoordinateCard.decide(
				new CoordinateCard.Input("dept-housing", List.of("dept-commerce", "dept-housing"), null), card(0, NOW)))
			.as("the county platform's coordination refuses it alike")
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("coUnits")
			.hasMessageContaining("牵头单位不能同时是协办单位")
			.hasMessageContaining("The lead unit cannot also be a co-handling unit");
		assertThatThrownBy(() -> DispatchCard.decide(
				new DispatchCard.Input(false, "county-leaders", null, "township-labao"), card(0, NOW)))
			.hasMessageContaining("'county-leaders' is not a township or department");
	}

	@Test
	void aDispatchedCardGivesItsCoUnitsThreeWorkingDays() {
		Decision dispatched = DispatchCard.decide(new DispatchCard.Input(false, "dept-housing", null, "township-labao"),
				card(0, NOW));
		assertThat(dispatched.events()).containsExactly("DISPATCHED");
		// Thursday + 3 working days: Tuesday 8 December, end of day
		assertThat(dispatched.variables()).containsEntry("coDueAt", "2026-12-08T23:59:59+08:00")
			.containsEntry("hasCoUnits", false);
	}

	@Test
	void anExtensionIsAskedBeforeTheDeadlineAndWithinTheCap() {
		assertThat(HandleCard.decide(new HandleCard.Input("EXTEND", null, null, 3, "勘查 Survey", "dept-housing", null),
				card(0, NOW)).events()).containsExactly("EXTENSION_REQUESTED");

		assertThatThrownBy(() -> HandleCard.decide(
				new HandleCard.Input("EXTEND", null, null, 8, "勘查 Survey", "dept-housing", null), card(3, NOW)))
			.hasMessageContaining("at most 10 working days in total per card; 3 already granted");
		Instant afterTheDeadline = Instant.parse("2026-12-08T02:00:00Z");
		assertThatThrownBy(() -> HandleCard.decide(
				new HandleCard.Input("EXTEND", null, null, 2, "勘查 Survey", "dept-housing", null),
				card(0, afterTheDeadline)))
			.hasMessageContaining("before the deadline (2026-12-07T23:59:59+08:00)");
	}

	@Test
	void aReturnMoreThanTwoWorkingDaysAfterDispatchIsMarkedLate() {
		HandleCard.Input late = new HandleCard.Input("RETURN", null, "不属本单位 Not ours", null, null, "dept-housing",
				"2026-11-30T09:00:00+08:00");
		assertThat(HandleCard.decide(late, card(0, NOW)).entries().get(0).detail())
			.isEqualTo("late return (after 2 working days): 不属本单位 Not ours");
		HandleCard.Input inTime = new HandleCard.Input("RETURN", null, "不属本单位 Not ours", null, null, "dept-housing",
				"2026-12-02T09:00:00+08:00");
		assertThat(HandleCard.decide(inTime, card(0, NOW)).entries().get(0).detail()).isEqualTo("不属本单位 Not ours");
	}

	@Test
	void anApprovedExtensionStartsANewClockFromTheOldDueDay() {
		Decision extended = DecideExtension.decide(new DecideExtension.Input(true, 3), card(2, NOW));

		assertThat(extended.events()).containsExactly("EXTENDED");
		assertThat(extended.extensionDays()).isEqualTo(3);
		// Monday 7 December + 3 working days: Thursday 10 December
		assertThat(Deadlines.iso(extended.clock().dueAt())).isEqualTo("2026-12-10T23:59:59+08:00");
		assertThat(extended.variables()).containsEntry("extendedDays", 5).containsEntry("extensionApproved", true)
			.containsEntry("dueAt", "2026-12-10T23:59:59+08:00");
		assertThat(extended.entries().get(0).detail()).isEqualTo("3 working days, from 2026-12-07T23:59:59+08:00");

		Decision refused = DecideExtension.decide(new DecideExtension.Input(false, 3), card(2, NOW));
		assertThat(refused.events()).containsExactly("EXTENSION_DENIED");
		assertThat(refused.clock()).isNull();
	}

	@Test
	void reworkNeedsAComment() {
		assertThatThrownBy(() -> ReviewCard.decide(new ReviewCard.Input("REWORK", null, "dept-housing"), card(0, NOW)))
			.hasMessageContaining("reviewComment");
		assertThat(ReviewCard.decide(new ReviewCard.Input("PASS", null, "dept-housing"), card(0, NOW)).events())
			.containsExactly("REVIEWED");
	}

	@Test
	void aSecondDissatisfactionGoesBackToTheCountyPlatformAndTellsTheLeaders() {
		Decision first = EvaluateCard.decide(new EvaluateCard.Input("DISSATISFIED", 0, "dept-housing", "路灯"), card(0, NOW));
		assertThat(first.events()).containsExactly("EVALUATED", "REOPENED");
		assertThat(first.entries().get(1).unit()).isEqualTo("dept-housing");
		assertThat(first.notices()).isEmpty();
		// a fresh clock of the card's 5 working days from Thursday: Thursday 10 December
		assertThat(Deadlines.iso(first.clock().dueAt())).isEqualTo("2026-12-10T23:59:59+08:00");

		Decision second = EvaluateCard.decide(new EvaluateCard.Input("DISSATISFIED", 1, "dept-housing", "路灯"),
				card(0, NOW));
		assertThat(second.entries().get(1).unit()).isEqualTo("county-platform");
		assertThat(second.notices()).singleElement()
			.satisfies(notice -> assertThat(notice.recipients()).containsExactly("group:county-leaders"));
		assertThat(second.variables()).containsEntry("dissatisfiedCount", 2);

		assertThat(EvaluateCard.decide(new EvaluateCard.Input("SATISFIED", 0, "dept-housing", "路灯"), card(0, NOW))
			.events()).containsExactly("EVALUATED");
	}

}
