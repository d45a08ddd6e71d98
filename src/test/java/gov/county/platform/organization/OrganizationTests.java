package gov.county.platform.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.support.PlatformIntegrationTest;

/** The organisation chart in the engine: groups, demo users, Tasklist filters, hyphenated ids. */
@PlatformIntegrationTest
class OrganizationTests {

	@Autowired
	IdentityService identity;

	@Autowired
	FilterService filters;

	@Autowired
	OrganizationSync sync;

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	@Test
	void everyUnitIsAGroupWithItsType() {
		Group labao = this.identity.createGroupQuery().groupId("township-labao").singleResult();
		assertThat(labao.getType()).isEqualTo("TOWNSHIP");
		assertThat(labao.getName()).isEqualTo("拉包乡");
		assertThat(this.identity.createGroupQuery().groupId("dept-public-security").singleResult().getType())
			.isEqualTo("DEPARTMENT");
		assertThat(this.identity.createGroupQuery().groupId("county-platform").singleResult().getType())
			.isEqualTo("COUNTY");
		assertThat(this.identity.createGroupQuery().groupId("auditors").singleResult().getType()).isEqualTo("SYSTEM");
	}

	@Test
	void contractDemoUsersExistInTheirGroups() {
		for (String group : List.of("township-labao", "township-baipeng", "township-chengtuan", "dept-natural-resources",
				"dept-housing", "dept-commerce", "dept-market-regulation", "dept-civil-affairs", "dept-public-security",
				"county-platform", "supervision-office", "county-leaders", "auditors", "camunda-admin")) {
			assertThat(this.identity.createUserQuery().userId(group + "-clerk").memberOfGroup(group).count())
				.as(group + "-clerk").isEqualTo(1);
			assertThat(this.identity.checkPassword(group + "-clerk", "demo")).as(group + "-clerk password").isTrue();
		}
		assertThat(this.identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
		assertThat(this.identity.createUserQuery().userId("auditor").memberOfGroup("auditors").count()).isEqualTo(1);
		assertThat(this.identity.createUserQuery().userId("leader").memberOfGroup("county-leaders").count()).isEqualTo(1);
		assertThat(this.identity.createUserQuery().userId("supervisor").memberOfGroup("supervision-office").count())
			.isEqualTo(1);
	}

	@Test
	void unitsApiListsTheChartWithCategories() {
		List<Map<String, Object>> units = this.rest.withBasicAuth("township-chengtuan-clerk", "demo")
			.getForObject("/api/units", List.class);
		assertThat(units).anySatisfy(unit -> assertThat(unit).containsEntry("id", "dept-public-security")
			.containsEntry("type", "DEPARTMENT")
			.containsEntry("category", "VERTICAL")
			.containsEntry("head", "dept-public-security-head"));
	}

	@Test
	void syncNeverDeletesAndRestoresRenamedUnits() {
		Group extra = this.identity.newGroup("township-dropped");
		extra.setName("撤并乡");
		this.identity.saveGroup(extra);
		Group renamed = this.identity.createGroupQuery().groupId("dept-commerce").singleResult();
		renamed.setName("changed by hand");
		this.identity.saveGroup(renamed);

		this.sync.synchronise();

		assertThat(this.identity.createGroupQuery().groupId("township-dropped").count()).isEqualTo(1);
		assertThat(this.identity.createGroupQuery().groupId("dept-commerce").singleResult().getName())
			.isEqualTo("县商务局");
		assertThat(this.identity.createUserQuery().memberOfGroup("dept-commerce").count()).isPositive();
	}

	@Test
	void sharedTasklistFiltersAreVisibleToEveryClerk() {
		List<Map<String, Object>> visible = this.rest.withBasicAuth("dept-housing-clerk", "demo")
			.getForObject("/engine-rest/filter?resourceType=Task", List.class);
		assertThat(visible).extracting(f -> f.get("name"))
			.contains(TasklistFilters.MY_UNIT, TasklistFilters.ASSIGNED_TO_ME, TasklistFilters.DUE_SOON,
					TasklistFilters.OVERDUE);
		assertThat(this.filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).count()).as("created once")
			.isEqualTo(1);
	}

	@Test
	void adminCreatesHyphenatedUnitsAndUsersThroughCamundaAdmin() throws Exception {
		CamundaWebappSession admin = new CamundaWebappSession(this.port);
		assertThat(admin.login("admin", "admin", "demo")).isEqualTo(200);

		var group = admin.postJson("/camunda/api/engine/engine/default/group/create",
				"{\"id\":\"township-xinzhai\",\"name\":\"新寨乡\",\"type\":\"TOWNSHIP\"}");
		assertThat(group.statusCode()).as(group.headers() + " " + group.body()).isEqualTo(204);
		assertThat(admin.postJson("/camunda/api/engine/engine/default/user/create",
				"{\"profile\":{\"id\":\"township-xinzhai-clerk\",\"firstName\":\"新寨乡\",\"lastName\":\"办事员\","
						+ "\"email\":\"xz@county.invalid\"},\"credentials\":{\"password\":\"Xinzhai-2026!\"}}")
			.statusCode()).isEqualTo(204);

		assertThat(this.identity.createGroupQuery().groupId("township-xinzhai").count()).isEqualTo(1);
		assertThat(this.identity.checkPassword("township-xinzhai-clerk", "Xinzhai-2026!")).isTrue();
	}

	@Test
	void clerksCannotUseCamundaAdmin() throws Exception {
		CamundaWebappSession clerk = new CamundaWebappSession(this.port);
		assertThat(clerk.login("admin", "township-labao-clerk", "demo")).isNotEqualTo(200);
	}

	@Test
	void chartErrorsNameTheUnit() {
		Unit platform = new Unit("county-platform", "平台", UnitType.COUNTY, SurveyCategory.GOVERNMENT, null, null, null);
		Unit office = new Unit("supervision-office", "督查", UnitType.COUNTY, SurveyCategory.GOVERNMENT, null, null, null);
		Unit leaders = new Unit("county-leaders", "领导", UnitType.COUNTY, SurveyCategory.GOVERNMENT, null, null, null);
		Unit badTownship = new Unit("labao", "拉包乡", UnitType.TOWNSHIP, SurveyCategory.GOVERNMENT, null, null, null);
		Unit dept = new Unit("dept-a", "A", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT, null, null, null);

		assertThatThrownBy(() -> new OrganizationProperties("x", List.of(platform, office, leaders, badTownship)))
			.hasMessageContaining("township 'labao'");
		assertThatThrownBy(() -> new OrganizationProperties("x", List.of(platform, office, leaders, dept, dept)))
			.hasMessageContaining("'dept-a' is listed twice");
		assertThatThrownBy(() -> new OrganizationProperties("x", List.of(platform, office, dept)))
			.hasMessageContaining("'county-leaders' is missing");
	}

}
