package gov.county.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.support.WebappSession;

/**
 * Identity as an attacker and an unlucky operator try it: weak and empty passwords, an account
 * without one, guessing a password until the account locks (and the lock expiring), guessing many
 * accounts from one address, an old password hash, and the audit trail of all of it.
 */
@PlatformIntegrationTest
class SignInTests {

	static final String STRONG = "Lamp-Post-2026";

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identity;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditTrail audit;

	@Autowired
	FilterRegistrationBean<LoginThrottle> loginThrottle;

	@LocalServerPort
	int port;

	@AfterEach
	void putBackClockAndThrottle() {
		ClockUtil.reset();
		this.loginThrottle.getFilter().forgetAll();
	}

	@Test
	void thePolicyIsCamundasAndWeakOrBlankPasswordsAreRefusedWith400() {
		Map<?, ?> policy = this.rest.withBasicAuth("security-admin", "demo")
			.getForObject("/engine-rest/identity/password-policy", Map.class);
		assertThat(policy.get("rules").toString()).contains("PASSWORD_POLICY_LENGTH").contains("minLength=12")
			.contains("PASSWORD_POLICY_CHARACTER_CLASSES").contains("PASSWORD_POLICY_USER_DATA");

		int n = 0;
		for (String weak : List.of("", " ", "1", "Short-1a", "abcdefghijklmnop", "weakpassword2026", "X-New-Clerk-7-2026")) {
			String id = "new-clerk-" + (++n);
			ResponseEntity<String> created = createUser(id, weak);
			assertThat(created.getStatusCode()).as("'" + weak + "' " + created.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(created.getBody()).contains("password policy");
			assertThat(this.identity.createUserQuery().userId(id).count()).isZero();
		}

		assertThat(createUser("new-clerk-ok", STRONG).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(signIn("new-clerk-ok", STRONG)).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> blanked = this.rest.withBasicAuth("new-clerk-ok", STRONG).exchange(
				"/engine-rest/user/new-clerk-ok/credentials", HttpMethod.PUT,
				new HttpEntity<>(Map.of("password", "", "authenticatedUserPassword", STRONG)), String.class);
		assertThat(blanked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(signIn("new-clerk-ok", "")).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.identity.checkPassword("new-clerk-ok", "")).isFalse();
		this.identity.deleteUser("new-clerk-ok");
	}

	@Test
	void aUserWithoutAPasswordCannotSignInAndIsAnswered401() {
		ResponseEntity<String> created = this.rest.withBasicAuth("security-admin", "demo").postForEntity(
				"/engine-rest/user/create", Map.of("profile", Map.of("id", "no-password", "firstName", "无", "lastName",
						"密码")), String.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		for (String password : List.of("", "x", STRONG)) {
			assertThat(signIn("no-password", password)).as(password).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		this.identity.deleteUser("no-password");
	}

	@Test
	void fiveWrongPasswordsLockAnAccountForThirtyMinutesAndTheLockExpires() {
		newUser("lock-probe");
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(this.identity.checkPassword("lock-probe", "Guess-" + attempt + "-2026")).isFalse();
		}
		assertThat(this.identity.checkPassword("lock-probe", STRONG)).as("four misses and no delay").isTrue();
		assertThat(events("LOCKED_OUT", "lock-probe")).as("the right password starts the count again").isEmpty();

		Instant start = Instant.now();
		at(start);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(this.identity.checkPassword("lock-probe", "Guess-" + attempt + "-2026")).isFalse();
		}
		assertThat(events("LOCKED_OUT", "lock-probe")).hasSize(1);

		at(start.plus(Duration.ofMinutes(25)));
		assertThat(this.identity.checkPassword("lock-probe", STRONG)).as("locked: even the right password").isFalse();
		assertThat(events("LOGIN_REFUSED_LOCKED", "lock-probe")).isNotEmpty();

		at(start.plus(Duration.ofMinutes(31)));
		assertThat(this.identity.checkPassword("lock-probe", STRONG)).as("the lock expired by itself").isTrue();
		this.identity.deleteUser("lock-probe");
	}

	@Test
	void aSecurityAdministratorLiftsALockoutAndNobodyElseCan() {
		newUser("unlock-probe");
		for (int attempt = 1; attempt <= 5; attempt++) {
			this.identity.checkPassword("unlock-probe", "Guess-" + attempt + "-2026");
		}
		assertThat(this.identity.checkPassword("unlock-probe", STRONG)).as("locked").isFalse();
		for (String who : List.of("admin", "audit-admin", "township-labao-clerk")) {
			assertThat(this.rest.withBasicAuth(who, "demo").postForEntity("/api/admin/users/unlock-probe/unlock", null,
					String.class).getStatusCode()).as(who).isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(this.rest.withBasicAuth("security-admin", "demo").postForEntity("/api/admin/users/unlock-probe/unlock",
				null, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.identity.checkPassword("unlock-probe", STRONG)).isTrue();
		assertThat(events("USER_UNLOCKED", "unlock-probe")).singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("security-admin"));
		this.identity.deleteUser("unlock-probe");
	}

	@Test
	void anOldSha512HashBecomesAPbkdf2HashAtTheNextSignIn() {
		newUser("old-hash");
		String salt = "c2FsdHNhbHRzYWx0MTIzNA==";
		this.jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?",
				"{SHA-512}" + new Sha512HashDigest().encrypt(STRONG + salt), salt, "old-hash");

		assertThat(this.identity.checkPassword("old-hash", STRONG)).isTrue();

		String stored = this.jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, "old-hash");
		assertThat(stored).startsWith("{PBKDF2-SHA256}").doesNotContain(STRONG);
		assertThat(this.identity.checkPassword("old-hash", STRONG)).isTrue();
		assertThat(this.identity.checkPassword("old-hash", "Lamp-Post-2025")).isFalse();
		this.identity.deleteUser("old-hash");
	}

	@Test
	void newPasswordsAreHashedWithPbkdf2() {
		newUser("new-hash");
		String stored = this.jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, "new-hash");
		assertThat(stored).matches("\\{PBKDF2-SHA256\\}\\d+\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}");
		assertThat(Pbkdf2Passwords.DEFAULT_ITERATIONS).as("production default").isGreaterThanOrEqualTo(600_000);
		this.identity.deleteUser("new-hash");
	}

	@Test
	void signInsAndFailuresAreRecordedWithTheAddressAndTheWayIn() {
		newUser("audit-probe");
		this.identity.createMembership("audit-probe", "township-labao");
		assertThat(signIn("audit-probe", "Wrong-Guess-2026")).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(events("LOGIN_FAILED", "audit-probe")).singleElement().satisfies(e -> {
			assertThat(e.address()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
			assertThat(e.channel()).isEqualTo("engine-rest");
			assertThat(e.eventLabel()).contains("登录失败");
		});
		ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(10)));
		WebappSession.login("http://localhost:" + this.port, "audit-probe", STRONG, "tasklist");
		assertThat(events("LOGIN", "audit-probe")).singleElement()
			.satisfies(e -> assertThat(e.channel()).isEqualTo("webapp-login"));
		assertThat(signIn("nobody-at-all", STRONG)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(events("LOGIN_FAILED", "nobody-at-all")).singleElement()
			.satisfies(e -> assertThat(e.detail()).contains("no such user"));
		this.identity.deleteUser("audit-probe");
	}

	@Test
	void anAddressThatKeepsGuessingIsRefusedBeforeAnyPasswordIsChecked() {
		HttpStatus last = null;
		int tries = 0;
		while (tries < 31 && last != HttpStatus.TOO_MANY_REQUESTS) {
			last = signIn("guess-" + tries, "Guess-" + tries + "-2026");
			tries++;
		}
		assertThat(last).as("after " + tries + " failures").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		ResponseEntity<String> right = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.getForEntity("/api/notifications", String.class);
		assertThat(right.getStatusCode()).as("even the right password waits").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(right.getHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(right.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(right.getBody()).contains("登录失败次数过多");
		assertThat(this.audit.page("LOGIN_THROTTLED", null, null, null, null, 0, 5).total()).isPositive();
	}

	@Test
	void theAuditTrailIsForAuditAdministratorsAloneAndVerifies() {
		for (String who : List.of("admin", "security-admin", "auditor", "county-platform-clerk")) {
			assertThat(this.rest.withBasicAuth(who, "demo").getForEntity("/api/audit", String.class).getStatusCode())
				.as(who).isEqualTo(HttpStatus.FORBIDDEN);
		}
		Map<?, ?> page = this.rest.withBasicAuth("audit-admin", "demo").getForObject("/api/audit?size=5", Map.class);
		assertThat((List<?>) page.get("entries")).isNotEmpty();
		Map<?, ?> verified = this.rest.withBasicAuth("audit-admin", "demo").getForObject("/api/audit/verify", Map.class);
		assertThat(verified.get("ok")).isEqualTo(true);
		assertThat(this.rest.withBasicAuth("audit-admin", "demo").getForEntity("/api/audit?event=NOT_AN_EVENT",
				String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void grantsMembershipsAndDeletedHistoryAreRecordedAndEachIsOneAdministratorsAlone() {
		Map<String, Object> grant = Map.of("type", 1, "permissions", List.of("READ"), "groupId", "township-labao",
				"resourceType", 8, "resourceId", "audit-test-instance");
		assertThat(this.rest.withBasicAuth("admin", "demo").postForEntity("/engine-rest/authorization/create", grant,
				String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map> created = this.rest.withBasicAuth("security-admin", "demo")
			.postForEntity("/engine-rest/authorization/create", grant, Map.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(events("GRANT_CREATED", "township-labao")).anySatisfy(e -> {
			assertThat(e.actor()).isEqualTo("security-admin");
			assertThat(e.detail()).contains("audit-test-instance");
		});
		this.rest.withBasicAuth("security-admin", "demo").delete("/engine-rest/authorization/" + created.getBody().get("id"));
		assertThat(events("GRANT_DELETED", "township-labao")).isNotEmpty();

		String member = "/engine-rest/group/county-platform/members/township-chengtuan-clerk";
		assertThat(this.rest.withBasicAuth("admin", "demo").exchange(member, HttpMethod.PUT, null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("security-admin", "demo").exchange(member, HttpMethod.PUT, null, String.class)
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		this.rest.withBasicAuth("security-admin", "demo").delete(member);
		assertThat(events("MEMBERSHIP_ADDED", "township-chengtuan-clerk → county-platform")).hasSize(1);
		assertThat(events("MEMBERSHIP_REMOVED", "township-chengtuan-clerk → county-platform")).hasSize(1);

		TestProcesses.deploy(this.engine.getRepositoryService());
		String finished = this.engine.getRuntimeService()
			.startProcessInstanceByKey(TestProcesses.AUTHORIZATION_PROBE, Map.of("unit", "township-labao"))
			.getId();
		this.engine.getTaskService()
			.complete(this.engine.getTaskService().createTaskQuery().processInstanceId(finished).singleResult().getId());
		assertThat(this.rest.withBasicAuth("admin", "demo").exchange("/engine-rest/history/process-instance/" + finished,
				HttpMethod.DELETE, null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(this.rest.withBasicAuth("audit-admin", "demo").exchange("/engine-rest/history/process-instance/" + finished,
				HttpMethod.DELETE, null, String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(events("HISTORY_DELETED", finished)).singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("audit-admin"));
		assertThat(this.audit.verify().ok()).isTrue();
	}

	@Test
	void aDeploymentIsTheSystemAdministratorsAndIsRecorded() {
		for (var who : List.of(Map.entry("security-admin", HttpStatus.FORBIDDEN), Map.entry("audit-admin",
				HttpStatus.FORBIDDEN), Map.entry("admin", HttpStatus.OK))) {
			org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
			parts.add("deployment-name", "audited-" + who.getKey());
			parts.add("deploy-changed-only", "false");
			parts.add("probe.bpmn", new org.springframework.core.io.ClassPathResource(
					"test-processes/" + TestProcesses.AUTHORIZATION_PROBE + ".bpmn"));
			ResponseEntity<String> deployed = this.rest.withBasicAuth(who.getKey(), "demo")
				.postForEntity("/engine-rest/deployment/create", parts, String.class);
			assertThat(deployed.getStatusCode()).as(who.getKey() + " " + deployed.getBody()).isEqualTo(who.getValue());
		}
		assertThat(this.audit.page("DEPLOYED", "admin", null, null, null, 0, 5).entries())
			.anySatisfy(e -> assertThat(e.detail()).contains("Deployment Create"));
	}

	private ResponseEntity<String> createUser(String id, String password) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("profile", Map.of("id", id, "firstName", "新", "lastName", "办事员", "email", id + "@county.invalid"));
		body.put("credentials", Map.of("password", password));
		return this.rest.withBasicAuth("security-admin", "demo").postForEntity("/engine-rest/user/create", body,
				String.class);
	}

	private HttpStatus signIn(String user, String password) {
		return HttpStatus.valueOf(this.rest.withBasicAuth(user, password)
			.getForEntity("/engine-rest/task/count", String.class)
			.getStatusCode()
			.value());
	}

	private void newUser(String id) {
		User user = this.identity.newUser(id);
		user.setFirstName("测试");
		user.setLastName(id);
		user.setPassword(STRONG);
		this.identity.saveUser(user);
	}

	private List<AuditTrail.AuditEntry> events(String event, String subject) {
		return this.audit.page(event, null, subject, null, null, 0, 50).entries();
	}

	private static void at(Instant instant) {
		ClockUtil.setCurrentTime(Date.from(instant));
	}

}
