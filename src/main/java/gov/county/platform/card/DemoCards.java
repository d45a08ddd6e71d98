package gov.county.platform.card;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import gov.county.platform.cases.CaseWork;
import gov.county.platform.engine.EngineClock;

/**
 * The demo profile's sample cards, filed once into an empty platform: one waiting for acceptance,
 * one being handled, one waiting for the county platform's coordination, one overdue (filed three
 * weeks ago, so the escalation ladder fires as soon as the job executor runs), one answered and
 * waiting for the supervision office's review, one rejected. Each step is taken by the demo user who would take it.
 * Runs before the node lets go of its start-up lock, so nodes started together file them once.
 */
@Component
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
class DemoCards {

	private static final Logger log = LoggerFactory.getLogger(DemoCards.class);

	private final CardIntake intake;

	private final CaseWork work;

	DemoCards(CardIntake intake, CaseWork work) {
		this.intake = intake;
		this.work = work;
	}

	@Order(70)
	@EventListener(ApplicationReadyEvent.class)
	public void fileOnce() {
		if (this.work.anyOf(CardProcess.KEY)) {
			return;
		}
		file("township-labao", "PUBLIC_SERVICE", "REQUEST", "村道路灯不亮 Street lights out on the village road",
				"进村道路路灯已坏一个月，夜间出行不便。The lights have been out for a month.", "王大姐", "13800000001");

		String handling = file("township-baipeng", "OWNER_ENTREPRENEURSHIP", "REQUEST",
				"企业用电报装慢 Slow grid connection for a workshop", "新厂房报装用电两个月未接通。", "陈老板",
				"chen@example.org");
		accept(handling, "township-baipeng", "EFFICIENCY");
		complete(handling, CardProcess.TASK_DISPATCH, "township-baipeng-clerk", Map.of("leadUnit", "dept-housing",
				"handUp", false));

		String coordination = file("township-chengtuan", "LEADER_PROJECT", "SUGGESTION",
				"产业园道路与用地协调 Road and land for the industrial park", "产业园二期道路涉及用地和住建审批。", "县人大代表",
				null);
		accept(coordination, "township-chengtuan", "PROJECT_CONSTRUCTION");
		complete(coordination, CardProcess.TASK_DISPATCH, "township-chengtuan-clerk",
				Map.of("leadUnit", "dept-natural-resources", "handUp", false, "coUnits",
						List.of("dept-housing", "township-chengtuan")));

		EngineClock.at(EngineClock.now().minus(Duration.ofDays(21)), () -> {
			String overdue = file("township-labao", "CADRE_STYLE", "CRITICISM", "窗口办事推诿 Runaround at the permit window",
					"多次办理营业执照被要求补材料。", "刘先生", "liu@example.org");
			accept(overdue, "township-labao", "SERVICE_WINDOWS");
			complete(overdue, CardProcess.TASK_DISPATCH, "township-labao-clerk",
					Map.of("leadUnit", "dept-market-regulation", "handUp", false));
		});

		String rejected = file("dept-commerce", "PUBLIC_SERVICE", "OPINION", "邻里纠纷 A quarrel between neighbours",
				"邻居装修噪音。", "赵某", null);
		complete(rejected, CardProcess.TASK_ACCEPT, "dept-commerce-clerk",
				Map.of("acceptance", "REJECT", "rejectReason", "属民间纠纷，请向所在乡镇调解委员会反映 A private dispute: the township's mediation committee handles it"));

		String answered = file("dept-civil-affairs", "PUBLIC_SERVICE", "REQUEST", "低保复核进度 Status of a benefit review",
				"想了解低保复核进度。", "孙阿姨", "13800000002");
		accept(answered, "dept-civil-affairs", "PERSONAL_SERVICE");
		complete(answered, CardProcess.TASK_DISPATCH, "dept-civil-affairs-clerk",
				Map.of("leadUnit", "dept-civil-affairs", "handUp", false));
		complete(answered, CardProcess.TASK_HANDLE, "dept-civil-affairs-clerk",
				Map.of("handling", "EXPLAINED", "reply", "复核已完成，本月起按新标准发放。The review is done; the new amount is paid from this month."));
		log.info("Demo profile: sample cards filed (one overdue, escalating once the job executor runs)");
	}

	private String file(String unit, String talk, String kind, String subject, String content, String submitter,
			String contact) {
		Map<String, Object> card = new HashMap<>(Map.of("talk", talk, "kind", kind, "subject", subject, "content",
				content, "submitterName", submitter, "receivingUnit", unit, "channel", "CARD"));
		if (contact != null) {
			card.put("submitterContact", contact);
		}
		return this.work.as(unit + "-clerk", () -> this.intake.file(card).caseNo());
	}

	private void accept(String caseNo, String unit, String link) {
		complete(caseNo, CardProcess.TASK_ACCEPT, unit + "-clerk", Map.of("acceptance", "ACCEPT", "link", link));
	}

	private void complete(String caseNo, String taskKey, String user, Map<String, Object> variables) {
		this.work.complete(caseNo, taskKey, user, variables);
	}

}
