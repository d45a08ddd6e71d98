package gov.county.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.county.platform.card.CardIntake;
import gov.county.platform.cases.CaseIntake;
import gov.county.platform.notification.Notice;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestCards;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.support.WebappSession;

/**
 * The Notices plugin's resource as Tasklist calls it, behind the webapps' sign-in: a clerk reads
 * their own and their unit's notices, newest first, in county time, with the unit by name and a link
 * to the case's task they may work on; never another unit's notices, nor a link to another unit's
 * task; nobody unsigned gets anything.
 */
@PlatformIntegrationTest
class NoticesResourceTests {

	private static final String NOTICES = "/camunda/api/tasklist/plugin/county-notices/default/notices";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	NotificationService notifications;

	private String root() {
		return "http://localhost:" + this.port;
	}

	/** A card received by {@code unit}, filed by its clerk: its open task is the unit's acceptance. */
	private CaseIntake.Filed card(String unit) {
		return TestProcesses.as(this.engine.getIdentityService(), unit + "-clerk",
				() -> this.intake.file(TestCards.card(unit)));
	}

	private void notify(String caseNo, String recipient, String subject) {
		this.notifications.notify(new Notice(caseNo, List.of(recipient), subject, "正文 Body of " + subject, null));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> page(WebappSession session, String query) throws Exception {
		var response = session.get(NOTICES + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readValue(response.body(), Map.class);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> noticesOf(Map<String, Object> page, String caseNo) {
		return ((List<Map<String, Object>>) page.get("notices")).stream()
			.filter(n -> caseNo.equals(n.get("caseNo")))
			.toList();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aClerkReadsTheirOwnAndTheirUnitsNoticesNewestFirstWithTheTaskTheyMayOpen() throws Exception {
		CaseIntake.Filed filed = card("township-chengtuan");
		notify(filed.caseNo(), "group:township-chengtuan", "成团镇待受理 For the unit");
		notify(filed.caseNo(), "group:township-baipeng", "百朋镇的通知 Another unit's notice");
		notify(filed.caseNo(), "user:township-chengtuan-clerk", "本人的通知 For the clerk");

		WebappSession clerk = WebappSession.login(root(), "township-chengtuan-clerk", "demo", "tasklist");
		Map<String, Object> page = page(clerk, "?size=50");
		assertThat(page).containsEntry("userId", "township-chengtuan-clerk").containsEntry("zone", "Asia/Shanghai");
		List<Map<String, Object>> mine = noticesOf(page, filed.caseNo());
		assertThat(mine).extracting(n -> n.get("subject"))
			.as("newest first, another unit's left out")
			.containsExactly("本人的通知 For the clerk", "成团镇待受理 For the unit");
		assertThat(mine.get(0)).containsEntry("body", "正文 Body of 本人的通知 For the clerk");
		assertThat((Map<String, Object>) mine.get(0).get("addressedTo")).containsEntry("kind", "USER")
			.containsEntry("id", "township-chengtuan-clerk");
		assertThat((Map<String, Object>) mine.get(1).get("addressedTo")).containsEntry("kind", "UNIT")
			.containsEntry("name", "成团镇");
		Instant sent = Instant.parse((String) mine.get(0).get("createdAt"));
		assertThat(mine.get(0)).containsEntry("time",
				TasklistNotices.COUNTY_TIME.format(sent.atZone(ZoneId.of("Asia/Shanghai"))));

		// the link: the case's acceptance, which Tasklist shows this clerk
		Task accept = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(filed.processInstanceId())
			.singleResult();
		assertThat(mine).allSatisfy(n -> assertThat((Map<String, Object>) n.get("task"))
			.containsEntry("id", accept.getId())
			.containsEntry("name", accept.getName()));
		assertThat(TestProcesses.as(this.engine.getIdentityService(), "township-chengtuan-clerk",
				() -> this.engine.getTaskService().createTaskQuery().taskId(accept.getId()).count()))
			.as("a task the clerk may see")
			.isEqualTo(1);

		// another unit's clerk sees that unit's notice only, with no link to a task it may not see
		WebappSession other = WebappSession.login(root(), "township-baipeng-clerk", "demo", "tasklist");
		List<Map<String, Object>> theirs = noticesOf(page(other, "?size=50"), filed.caseNo());
		assertThat(theirs).extracting(n -> n.get("subject")).containsExactly("百朋镇的通知 Another unit's notice");
		assertThat(theirs.get(0)).containsEntry("task", null);
		assertThat(clerk.get(NOTICES + "?size=500").body()).doesNotContain("百朋镇的通知");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aNoticeOfACaseWhoseTaskIsAnotherUnitsLinksNoTask() throws Exception {
		CaseIntake.Filed elsewhere = card("township-labao");
		notify(elsewhere.caseNo(), "group:dept-housing", "请关注 Keep an eye on it");

		WebappSession clerk = WebappSession.login(root(), "dept-housing-clerk", "demo", "tasklist");
		List<Map<String, Object>> notices = noticesOf(page(clerk, "?size=50"), elsewhere.caseNo());
		assertThat(notices).singleElement().satisfies(n -> assertThat(n).containsEntry("task", null));
		assertThat((Map<String, Object>) notices.get(0).get("addressedTo")).containsEntry("name", "县住房和城乡建设局");
	}

	@Test
	@SuppressWarnings("unchecked")
	void pagesFollowEachOtherAndSayWhetherMoreFollow() throws Exception {
		CaseIntake.Filed filed = card("township-baipeng");
		for (int i = 1; i <= 3; i++) {
			notify(filed.caseNo(), "user:township-baipeng-head", "第" + i + "条 Notice " + i);
		}
		WebappSession head = WebappSession.login(root(), "township-baipeng-head", "demo", "tasklist");
		Map<String, Object> first = page(head, "?page=0&size=2");
		Map<String, Object> second = page(head, "?page=1&size=2");
		assertThat(first).containsEntry("more", true).containsEntry("size", 2);
		assertThat((List<Map<String, Object>>) first.get("notices")).extracting(n -> n.get("subject"))
			.containsExactly("第3条 Notice 3", "第2条 Notice 2");
		assertThat((List<Map<String, Object>>) second.get("notices")).extracting(n -> n.get("subject"))
			.startsWith("第1条 Notice 1");

		assertThat(head.get(NOTICES + "?size=0").statusCode()).isEqualTo(400);
		assertThat(head.get(NOTICES + "?page=-1").statusCode()).isEqualTo(400);
	}

	@Test
	void nobodySignedInGetsNothing() {
		var anonymous = WebappSession.anonymous(root()).get(NOTICES);
		assertThat(anonymous.statusCode()).isIn(401, 403);
		assertThat(anonymous.body()).doesNotContain("subject");
	}

}
