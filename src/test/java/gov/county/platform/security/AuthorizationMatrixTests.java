package gov.county.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;

/**
 * Every cell of who may do what: each row is a role and an action, allowed or refused. A task of
 * township-labao is the probe for task rights.
 */
@PlatformIntegrationTest
class AuthorizationMatrixTests {

	static final String CLERK = "township-labao-clerk";

	static final String OTHER_CLERK = "township-baipeng-clerk";

	/** Someone else: whose account and groups the roles try to read or change. */
	static final String SOMEONE = "township-chengtuan-clerk";

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	TestRestTemplate rest;

	private ProcessInstance labaoCase;

	private ProcessInstance finishedCase;

	@BeforeEach
	void aCaseOfTownshipLabaoAndAFinishedOne() {
		TestProcesses.deploy(this.engine.getRepositoryService());
		this.labaoCase = this.runtime.startProcessInstanceByKey(TestProcesses.AUTHORIZATION_PROBE,
				Map.of("unit", "township-labao"));
		this.finishedCase = this.runtime.startProcessInstanceByKey(TestProcesses.AUTHORIZATION_PROBE,
				Map.of("unit", "township-labao"));
		this.tasks.complete(this.tasks.createTaskQuery().processInstanceId(this.finishedCase.getId()).singleResult().getId());
	}

	enum Action {

		USE_TASKLIST, USE_COCKPIT, USE_ADMIN, START_CASE, SEE_LABAO_TASK, COMPLETE_LABAO_TASK, READ_HISTORY,
		READ_RUNNING_INSTANCE, CHANGE_VARIABLES, DELETE_INSTANCE, CREATE_USER, LIST_USERS, CHANGE_OTHERS_PASSWORD,
		ADD_MEMBERSHIP, GRANT, DELETE_HISTORY

	}

	/** What the system administrator may not do: the security and audit administrators' part (三员分立). */
	static final List<Action> NOT_FOR_SYSTEM_ADMINISTRATORS = List.of(Action.CHANGE_OTHERS_PASSWORD, Action.ADD_MEMBERSHIP,
			Action.GRANT, Action.DELETE_HISTORY);

	static Stream<Arguments> matrix() {
		Map<String, List<Action>> allowed = Map.of(
				CLERK, List.of(Action.USE_TASKLIST, Action.START_CASE, Action.SEE_LABAO_TASK, Action.COMPLETE_LABAO_TASK),
				OTHER_CLERK, List.of(Action.USE_TASKLIST, Action.START_CASE),
				"auditor", List.of(Action.USE_COCKPIT, Action.SEE_LABAO_TASK, Action.READ_HISTORY,
						Action.READ_RUNNING_INSTANCE),
				// the county offices open Cockpit for its Cases page (案件), which reads as the platform, and
				// read (not complete) every unit's tasks in Tasklist's county-wide filters
				"leader", List.of(Action.USE_TASKLIST, Action.USE_COCKPIT, Action.START_CASE, Action.SEE_LABAO_TASK),
				"supervisor", List.of(Action.USE_TASKLIST, Action.USE_COCKPIT, Action.START_CASE, Action.SEE_LABAO_TASK),
				"admin", Stream.of(Action.values()).filter(a -> !NOT_FOR_SYSTEM_ADMINISTRATORS.contains(a)).toList(),
				"security-admin", List.of(Action.USE_ADMIN, Action.CREATE_USER, Action.LIST_USERS,
						Action.CHANGE_OTHERS_PASSWORD, Action.ADD_MEMBERSHIP, Action.GRANT),
				"audit-admin", List.of(Action.USE_COCKPIT, Action.SEE_LABAO_TASK, Action.READ_HISTORY,
						Action.READ_RUNNING_INSTANCE, Action.DELETE_HISTORY));
		return allowed.entrySet()
			.stream()
			.flatMap(role -> Stream.of(Action.values())
				.map(action -> Arguments.of(role.getKey(), action, role.getValue().contains(action))));
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("matrix")
	void everyCell(String user, Action action, boolean expected) {
		assertThat(attempt(user, action)).as(user + " " + action).isEqualTo(expected);
	}

	private boolean attempt(String user, Action action) {
		List<String> groups = this.identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
		Function<String, Boolean> app = name -> this.authorizations.isUserAuthorized(user, groups, Permissions.ACCESS,
				Resources.APPLICATION, name);
		String taskId = this.tasks.createTaskQuery().processInstanceId(this.labaoCase.getId()).singleResult().getId();
		org.camunda.bpm.engine.identity.User other = this.identity.createUserQuery().userId(SOMEONE).singleResult();
		try {
			return attempt(user, action, app, taskId, other);
		}
		finally {
			undo(action, other);
		}
	}

	private boolean attempt(String user, Action action, Function<String, Boolean> app, String taskId,
			org.camunda.bpm.engine.identity.User other) {
		return switch (action) {
			case USE_TASKLIST -> app.apply("tasklist");
			case USE_COCKPIT -> app.apply("cockpit");
			case USE_ADMIN -> app.apply("admin");
			default -> TestProcesses.as(this.identity, user, () -> {
				try {
					return switch (action) {
						case START_CASE -> this.runtime.startProcessInstanceByKey(TestProcesses.AUTHORIZATION_PROBE,
								Map.of("unit", "township-labao")) != null;
						case SEE_LABAO_TASK -> this.tasks.createTaskQuery().taskId(taskId).count() == 1;
						case COMPLETE_LABAO_TASK -> {
							this.tasks.complete(taskId);
							yield true;
						}
						case READ_HISTORY -> this.history.createHistoricProcessInstanceQuery()
							.processInstanceId(this.labaoCase.getId())
							.count() == 1;
						case READ_RUNNING_INSTANCE -> this.runtime.createProcessInstanceQuery()
							.processInstanceId(this.labaoCase.getId())
							.count() == 1;
						case CHANGE_VARIABLES -> {
							this.runtime.setVariable(this.labaoCase.getId(), "unit", "township-baipeng");
							yield true;
						}
						case DELETE_INSTANCE -> {
							this.runtime.deleteProcessInstance(this.labaoCase.getId(), "authorization test");
							yield true;
						}
						case CREATE_USER -> {
							this.identity.saveUser(this.identity.newUser("matrix-" + user + "-" + System.nanoTime()));
							yield true;
						}
						case LIST_USERS -> this.identity.createUserQuery().userId(SOMEONE).count() == 1;
						case CHANGE_OTHERS_PASSWORD -> {
							other.setPassword("Taken-Over-2026");
							this.identity.saveUser(other);
							yield true;
						}
						case ADD_MEMBERSHIP -> {
							this.identity.createMembership(SOMEONE, "county-platform");
							yield true;
						}
						case GRANT -> {
							org.camunda.bpm.engine.authorization.Authorization grant = this.authorizations
								.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
							grant.setGroupId(OTHER_CLERK.replace("-clerk", ""));
							grant.setResource(Resources.PROCESS_INSTANCE);
							grant.setResourceId(this.labaoCase.getId());
							grant.addPermission(Permissions.READ);
							this.authorizations.saveAuthorization(grant);
							yield true;
						}
						case DELETE_HISTORY -> {
							this.history.deleteHistoricProcessInstance(this.finishedCase.getId());
							yield true;
						}
						default -> throw new IllegalStateException(action.name());
					};
				}
				catch (AuthorizationException refused) {
					return false;
				}
			});
		};
	}

	/** Takes back what an allowed attempt changed, as the platform itself (no user). */
	private void undo(Action action, org.camunda.bpm.engine.identity.User other) {
		switch (action) {
			case CHANGE_OTHERS_PASSWORD -> gov.county.platform.engine.Identities.saveWithoutPasswordPolicy(this.identity,
					withPassword(SOMEONE, "demo"));
			case ADD_MEMBERSHIP -> this.identity.deleteMembership(SOMEONE, "county-platform");
			case GRANT -> this.authorizations.createAuthorizationQuery()
				.resourceType(Resources.PROCESS_INSTANCE)
				.resourceId(this.labaoCase.getId())
				.list()
				.forEach(a -> this.authorizations.deleteAuthorization(a.getId()));
			default -> {
			}
		}
	}

	private org.camunda.bpm.engine.identity.User withPassword(String userId, String password) {
		org.camunda.bpm.engine.identity.User user = this.identity.createUserQuery().userId(userId).singleResult();
		user.setPassword(password);
		return user;
	}

	@Test
	void grantsAreCheckedTaskByTask() {
		// joining every grant to every open task made Tasklist's list take 10 s on H2 with 100,000 open
		// cards, and one count in seven 15 s on PostgreSQL (docs/performance.md)
		assertThat(this.engine.getProcessEngineConfiguration().getAuthorizationCheckRevokes()).isEqualTo("always");
	}

	@Test
	void anonymousCallersAreRefusedEverywhereButPublic() {
		assertThat(this.rest.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/api/notifications", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/api/public/status", Map.class).getBody()).containsEntry("status", "UP");
	}

	@Test
	void encodedOrParameterisedPathsToTheApiNeedALoginToo() throws Exception {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		for (String path : List.of("/%61pi/units", "/api;x=1/units", "/%61pi/notifications", "/api/./units",
				"/api/public/../units")) {
			var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.rest.getRootUri() + path))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(path).isIn(400, 401, 404);
			assertThat(answer.body()).as(path).doesNotContain("township-labao");
		}
		var filed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.rest.getRootUri() + "/%61pi/cards"))
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
			.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(filed.statusCode()).isEqualTo(401);
	}

	@Test
	void engineRestShowsAClerkOnlyTheirUnitsTasksAndRefusesOthers() {
		String taskId = this.tasks.createTaskQuery().processInstanceId(this.labaoCase.getId()).singleResult().getId();

		List<Map<String, Object>> labaoTasks = this.rest.withBasicAuth(CLERK, "demo")
			.getForObject("/engine-rest/task?processInstanceId=" + this.labaoCase.getId(), List.class);
		assertThat(labaoTasks).extracting(t -> t.get("id")).containsExactly(taskId);

		List<Map<String, Object>> baipengView = this.rest.withBasicAuth(OTHER_CLERK, "demo")
			.getForObject("/engine-rest/task?processInstanceId=" + this.labaoCase.getId(), List.class);
		assertThat(baipengView).isEmpty();

		assertThat(this.rest.withBasicAuth(OTHER_CLERK, "demo")
			.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("auditor", "demo")
			.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth(CLERK, "demo")
			.postForEntity("/engine-rest/task/" + taskId + "/complete", Map.of(), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

}
