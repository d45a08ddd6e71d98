package gov.county.platform.rectification;

import java.util.List;
import java.util.Map;

import org.camunda.spin.Spin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.cases.CaseWork;
import gov.county.platform.engine.EngineClock;

/**
 * The demo profile's sample rectification, opened once into an empty platform: an inspection found
 * the market-regulation window slow; its plan of two measures is approved and publicly committed,
 * one measure is done, the other in progress — so Tasklist, the case view and the public page of
 * commitments all have something to show. Each step is taken by the demo user who would take it.
 */
@Component
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
class DemoRectifications {

	private static final Logger log = LoggerFactory.getLogger(DemoRectifications.class);

	private static final String UNIT = "dept-market-regulation";

	private final RectificationIntake intake;

	private final CaseWork work;

	private final WorkingDayCalendar calendar;

	DemoRectifications(RectificationIntake intake, CaseWork work, WorkingDayCalendar calendar) {
		this.intake = intake;
		this.work = work;
		this.calendar = calendar;
	}

	@Order(20)
	@EventListener(ApplicationReadyEvent.class)
	public void openOnce() {
		if (this.work.anyOf(RectificationProcess.KEY)) {
			return;
		}
		String caseNo = this.work.as("supervisor", () -> this.intake.file(Map.of("unit", UNIT, "source", "INSPECTION", "title",
				"营业执照办理反复补材料 Business licences: papers asked for again and again", "problems",
				"督查暗访发现：窗口未一次性告知所需材料，群众多次往返。An undercover inspection found that applicants "
						+ "are not told all the papers at once and must come back several times."),
				List.of("supervision-office")).caseNo());
		var today = this.calendar.dayOf(EngineClock.now());
		this.work.complete(caseNo, RectificationProcess.TASK_DRAFT_PLAN, UNIT + "-clerk", Map.of("measures", Spin.JSON(List.of(
				Map.of("measure", "编制并公布一次性告知清单 Publish a one-time checklist of papers", "responsible",
						UNIT + "-clerk", "deadline", this.calendar.plusWorkingDays(today, 5).toString(), "target",
						"清单上墙、上网 Checklist on the wall and online"),
				Map.of("measure", "窗口人员业务培训并考核 Train and test the window staff", "responsible", UNIT + "-head",
						"deadline", this.calendar.plusWorkingDays(today, 20).toString(), "target",
						"窗口人员全部考核合格 Every window clerk passes")))));
		this.work.complete(caseNo, RectificationProcess.TASK_APPROVE_PLAN, "county-platform-clerk",
				Map.of("planApproved", true, "planComment", "同意，公开承诺 Approved for public commitment"));
		this.work.complete(caseNo, RectificationProcess.TASK_IMPLEMENT_MEASURE, UNIT + "-clerk",
				Map.of("measureResult", "清单已在窗口和政务网公布 Checklist published", "evidence",
						"政务网链接 Link on the county website"));
		log.info("Demo profile: sample rectification {} in progress (see /api/public/commitments)", caseNo);
	}

}
