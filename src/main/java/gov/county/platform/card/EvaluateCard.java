package gov.county.platform.card;

import static gov.county.platform.card.CardProcess.*;
import static gov.county.platform.cases.Fields.oneOf;
import static gov.county.platform.cases.Fields.required;

import java.util.List;
import java.util.Map;

import gov.county.platform.cases.Decision;
import gov.county.platform.cases.Deadlines;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.notification.Notice;
import gov.county.platform.organization.WellKnownGroups;

/**
 * "Call back for rating (回访评价)": satisfied closes; dissatisfied reopens the card on a fresh clock
 * of its time limit, with its lead unit the first time and the county platform the second, when the
 * county leaders are told.
 */
final class EvaluateCard {

	record Input(String satisfaction, Integer dissatisfiedBefore, String leadUnit, String subject) {

		static Input from(Map<String, Object> v) {
			return new Input(SATISFACTION.from(v), DISSATISFIED_COUNT.from(v), LEAD_UNIT.from(v), SUBJECT.from(v));
		}

	}

	private EvaluateCard() {
	}

	static Decision decide(Input in, CardCase card) {
		String satisfaction = required(SATISFACTION.name(), in.satisfaction());
		CardValues.Satisfaction rating = oneOf(SATISFACTION.name(), satisfaction, CardValues.Satisfaction.class);
		String caseNo = card.caseNo();
		Decision decision = Decision.of()
			.entry(new LedgerEvent(caseNo, KEY, CardEvent.EVALUATED, WellKnownGroups.COUNTY_PLATFORM, card.actor(), null,
					satisfaction));
		if (rating != CardValues.Satisfaction.DISSATISFIED) {
			return decision;
		}
		int count = (in.dissatisfiedBefore() == null ? 0 : in.dissatisfiedBefore()) + 1;
		int days = card.state().timeLimitDays() == null ? 10 : card.state().timeLimitDays();
		Deadlines fresh = Deadlines.start(card.calendar(), card.limits(), card.now(), days);
		String lead = in.leadUnit();
		decision.clock(fresh, card.now())
			.variable(DISSATISFIED_COUNT.name(), count)
			.entry(new LedgerEvent(caseNo, KEY, CardEvent.REOPENED, count == 1 ? lead : WellKnownGroups.COUNTY_PLATFORM,
					card.actor(), fresh.dueAt().toInstant(), count == 1 ? "dissatisfied: handled again by " + lead
							: "dissatisfied a second time: back to the county platform; county leaders notified"));
		if (count >= 2) {
			decision.notice(new Notice(caseNo, List.of("group:" + WellKnownGroups.COUNTY_LEADERS),
					"[" + caseNo + "] 群众二次不满意 Dissatisfied twice: " + in.subject(),
					"案件 " + caseNo + "「" + in.subject() + "」经两次办理群众仍不满意，已转县协调平台统筹。\n"
							+ "The submitter of case " + caseNo + " is dissatisfied a second time; the county platform "
							+ "coordinates it again.",
					caseNo + "/dissatisfied/" + count));
		}
		return decision;
	}

}
