package gov.county.platform.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.ObjectMapper;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.WebappSession;

/**
 * The Cases plugin's resources as Cockpit calls them, behind Cockpit's own sign-in: the auditor finds
 * every process's cases, opens a finished or running one with its ledger, completed tasks and chain
 * checked, and reads the dashboard; a clerk signed in to the webapps cannot open another unit's case
 * through them; nobody unsigned gets anything.
 */
@PlatformIntegrationTest
class CasesCockpitResourceTests {

	private static final String PLUGIN = "/camunda/api/cockpit/plugin/county-cases/default";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	RuntimeService runtime;

	private String root() {
		return "http://localhost:" + this.port;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> read(WebappSession session, String path) throws Exception {
		var response = session.get(PLUGIN + path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readValue(response.body(), Map.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAuditorFindsEveryProcesssCasesAndOpensOneWithItsHistoryAndCheck() throws Exception {
		WebappSession auditor = WebappSession.login(root(), "auditor", "demo", "cockpit");

		Map<String, Object> page = read(auditor, "/cases?size=200");
		List<Map<String, Object>> cases = (List<Map<String, Object>>) page.get("cases");
		assertThat(cases).extracting(c -> c.get("process"))
			.contains("InteractionCardProcess", "RectificationProcess", "SatisfactionSurveyProcess");

		String answered = (String) ((List<Map<String, Object>>) read(auditor,
				"/cases?event=HANDLED&unit=dept-civil-affairs&process=InteractionCardProcess").get("cases")).get(0).get("caseNo");
		Map<String, Object> view = read(auditor, "/cases/" + answered);
		assertThat((List<Map<String, Object>>) view.get("ledger")).extracting(e -> e.get("event"))
			.startsWith("FILED", "ACCEPTED");
		assertThat((Map<String, String>) view.get("events")).containsEntry("FILED", "登记 Filed");
		assertThat((List<Map<String, Object>>) view.get("completedTasks")).extracting(t -> t.get("completedBy"))
			.contains("dept-civil-affairs-clerk");
		assertThat((Map<String, Object>) view.get("verification")).containsEntry("ok", true);
		Map<String, Object> engineHistory = (Map<String, Object>) view.get("engineHistory");
		assertThat((List<Map<String, Object>>) engineHistory.get("activities")).extracting(a -> a.get("activityId"))
			.contains("Task_AcceptCard", "Task_DispatchCard", "Task_HandleCard");
		assertThat((List<Map<String, Object>>) engineHistory.get("operations"))
			.anySatisfy(o -> assertThat(o).containsEntry("operation", "Complete")
				.containsEntry("user", "dept-civil-affairs-clerk"));
		assertThat((List<Map<String, Object>>) engineHistory.get("variables"))
			.anySatisfy(v -> assertThat(v).containsEntry("name", "handling").containsEntry("value", "EXPLAINED"))
			.noneSatisfy(v -> assertThat(String.valueOf(v.get("value"))).contains("13800000002"));
		assertThat((Map<String, String>) view.get("units")).containsEntry("dept-civil-affairs", "县民政局");
		assertThat((Map<String, String>) view.get("personalData")).allSatisfy(
				(field, value) -> assertThat(value).as("masked for auditors").contains("*"));
		assertThat(view).as("who may open them deliberately").containsEntry("mayReveal", true);

		// the diagram, with the path taken: the handling passed, the case's open steps where it is now
		Map<String, Object> diagram = (Map<String, Object>) view.get("diagram");
		Map<String, String> states = new java.util.HashMap<>();
		((List<Map<String, Object>>) diagram.get("shapes")).forEach(shape -> states.put((String) shape.get("id"),
				(String) shape.get("state")));
		assertThat(states).containsEntry("Task_AcceptCard", "passed")
			.containsEntry("Task_HandleCard", "passed")
			.containsEntry("Task_CoordinateCard", "");
		List<String> waiting = this.runtime.getActiveActivityIds((String) view.get("processInstanceId"));
		assertThat(states.entrySet().stream().filter(e -> e.getValue().equals("current")).map(Map.Entry::getKey))
			.isNotEmpty()
			.containsExactlyInAnyOrderElementsOf(waiting);
		assertThat((List<Map<String, Object>>) diagram.get("lines")).filteredOn(l -> Boolean.TRUE.equals(l.get("taken")))
			.extracting(l -> l.get("id"))
			.contains("SequenceFlow_ToAccept", "SequenceFlow_ToHandle");

		Map<String, Object> dashboard = read(auditor, "/dashboard");
		assertThat((List<Map<String, Object>>) dashboard.get("units")).isNotEmpty()
			.allSatisfy(u -> assertThat(u).containsKeys("unit", "unitName", "open", "overdue", "escalated"));

		assertThat(read(auditor, "/ledger/verify")).containsEntry("ok", true);

		var csv = auditor.get(PLUGIN + "/cases.csv?process=RectificationProcess", "text/html,*/*;q=0.8");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("\ufeff案件编号 case,").contains("ZG-2026-").doesNotContain("HD-2026-");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aClerkCannotOpenAnotherUnitsCaseThroughThePlugin() throws Exception {
		WebappSession auditor = WebappSession.login(root(), "auditor", "demo", "cockpit");
		String commerceCase = (String) ((List<Map<String, Object>>) read(auditor, "/cases?event=REJECTED&unit=dept-commerce")
			.get("cases")).get(0).get("caseNo");

		WebappSession clerk = WebappSession.login(root(), "township-labao-clerk", "demo", "tasklist");
		var refused = clerk.get(PLUGIN + "/cases/" + commerceCase);
		assertThat(refused.statusCode()).isIn(403, 404);
		assertThat(refused.body()).doesNotContain("邻里纠纷");
		var list = clerk.get(PLUGIN + "/cases?size=200");
		if (list.statusCode() == 200) {
			assertThat(list.body()).doesNotContain(commerceCase);
		}
		else {
			assertThat(list.statusCode()).isIn(401, 403);
		}
		assertThat(WebappSession.anonymous(root()).get(PLUGIN + "/cases").statusCode()).isIn(401, 403);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSupervisionOfficeSignsInToCockpitAndSeesEveryCaseWithSubmittersInFull() throws Exception {
		WebappSession supervisor = WebappSession.login(root(), "supervisor", "demo", "cockpit");
		List<Map<String, Object>> cases = (List<Map<String, Object>>) read(supervisor, "/cases?size=200").get("cases");
		assertThat(cases).extracting(c -> c.get("process")).contains("InteractionCardProcess", "RectificationProcess");
		String card = (String) ((List<Map<String, Object>>) read(supervisor, "/cases?event=HANDLED").get("cases")).get(0)
			.get("caseNo");
		Map<String, Object> view = read(supervisor, "/cases/" + card);
		assertThat((String) view.get("personalDataShown")).isEqualTo("FULL");
		assertThat(view).containsEntry("mayReveal", false);
	}

	@Test
	void aBadParameterIsNamed() {
		WebappSession auditor = WebappSession.login(root(), "auditor", "demo", "cockpit");
		var bad = auditor.get(PLUGIN + "/cases?status=LATE");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("status");
	}

}
