package gov.county.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.Notification;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.support.CaseNumberAssertions;
import gov.county.platform.support.EmbeddedPostgres;
import gov.county.platform.support.TestProcesses;

/**
 * The production profile on a real PostgreSQL 17 (embedded binaries): Camunda's schema and the
 * platform's migrations, the ledger, case numbers and the delegates, and no demo logins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"platform.admin.password=Pg-County-2026!", "camunda.bpm.job-execution.enabled=false",
		"platform.security.clerk-startable-processes=DelegateProbeProcess", "test.postgres.database=production" })
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = EmbeddedPostgres.class)
class PostgresPlatformTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LedgerService ledger;

	@Autowired
	CaseNumberService caseNumbers;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identity;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	NotificationService notifications;

	@Test
	void runsOnPostgresql() {
		assertThat(this.jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
		assertThat(this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM platform_schema_history WHERE success AND version = '1'", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void theJobExecutorFindsDueAndRunningJobsAlongIndexes() {
		// without them every acquisition scans the job table: a storm of deadlines slows down (docs/performance.md)
		assertThat(this.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_job'", String.class))
			.contains("act_idx_job_duedate", "act_idx_job_lock_exp");
	}

	@Test
	void theLedgerPageFindsAUnitsEventsAlongOneIndex() {
		// the auditors' page filtered by unit and event counts its matches along it (docs/performance.md)
		assertThat(this.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'ledger_entry'",
				String.class))
			.contains("ix_ledger_unit_event");
	}

	@Test
	void anInboxPageReadsOnlyTheNewestEntriesOfEachAddressee() {
		// a unit's inbox grows with every card; a page must not read all of it (docs/performance.md)
		assertThat(this.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'notification'",
				String.class))
			.contains("ix_notification_inbox_recent")
			.doesNotContain("ix_notification_inbox");
		this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			this.jdbc.update("INSERT INTO notification (recipient, recipient_type, channel, subject, body, created_at, "
					+ "status) SELECT CASE WHEN n % 10 = 0 THEN 'pg-inbox-clerk' ELSE 'pg-inbox-unit' END, "
					+ "CASE WHEN n % 10 = 0 THEN 'USER' ELSE 'GROUP' END, 'INBOX', 'urging ' || n, 'body', "
					+ "TIMESTAMP WITH TIME ZONE '2026-11-01 00:00:00+00' + n * INTERVAL '1 minute', 'DELIVERED' "
					+ "FROM generate_series(1, 5000) AS n");
			this.jdbc.execute("ANALYZE notification");
			Map<String, Object> before = readsOfNotifications();
			List<Notification> page = this.notifications.inbox("pg-inbox-clerk", List.of("pg-inbox-unit"), 1, 20);
			Map<String, Object> after = readsOfNotifications();

			assertThat(page).extracting(Notification::subject)
				.startsWith("urging 4980", "urging 4979")
				.hasSize(20);
			assertThat(((Number) after.get("seq_tup_read")).longValue())
				.as("rows read by scanning the table").isEqualTo(((Number) before.get("seq_tup_read")).longValue());
			assertThat(((Number) after.get("idx_tup_fetch")).longValue()
					- ((Number) before.get("idx_tup_fetch")).longValue())
				.as("rows read along indexes, for two addressees and the end of page 2").isLessThanOrEqualTo(2 * 40 + 2);
		});
	}

	@Test
	void tasklistReadsTasksAlongTheirDueDate() {
		// every shared filter pages by due date: along this index a page reads its own tasks only (docs/performance.md)
		assertThat(this.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_task'", String.class))
			.contains("act_idx_task_due_date");
	}

	@Test
	void aSignedInTaskQueryFindsTheGroupsHoldingGrantsAlongAnIndex() {
		// each open task adds a grant; reading them all before every command cost a page of Tasklist
		// 88 ms at 100,000 open cards (engine/AuthorizedGroups, docs/performance.md)
		this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			org.camunda.bpm.engine.task.Task task = this.engine.getTaskService().newTask();
			task.setName("grant probe");
			this.engine.getTaskService().saveTask(task);
			this.engine.getTaskService().addCandidateGroup(task.getId(), "township-labao");
			this.jdbc.update("INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, "
					+ "perms_) SELECT 'pg-grant-' || n, 1, 1, 'pg-unit-' || (n % 20), 7, 'pg-task-' || n, 6 "
					+ "FROM generate_series(1, 5000) AS n");
			this.jdbc.execute("ANALYZE act_ru_authorization");
			Map<String, Object> before = readsOf("act_ru_authorization");
			long seen;
			long seenWithoutGrants;
			try {
				this.identity.setAuthentication("pg-clerk", List.of("township-labao", "pg-unit-3"));
				seen = this.engine.getTaskService().createTaskQuery().taskId(task.getId()).count();
				this.identity.setAuthentication("pg-other", List.of("pg-unit-3", "pg-no-grants"));
				seenWithoutGrants = this.engine.getTaskService().createTaskQuery().taskId(task.getId()).count();
			}
			finally {
				this.identity.clearAuthentication();
			}
			Map<String, Object> after = readsOf("act_ru_authorization");

			assertThat(seen).as("the unit's clerk sees the unit's task").isEqualTo(1);
			assertThat(seenWithoutGrants).as("another unit's clerk does not").isZero();
			assertThat(((Number) after.get("seq_tup_read")).longValue())
				.as("grants read by scanning the table").isEqualTo(((Number) before.get("seq_tup_read")).longValue());
		});
	}

	private Map<String, Object> readsOf(String table) {
		return this.jdbc.queryForMap("SELECT COALESCE(seq_tup_read, 0) AS seq_tup_read, "
				+ "COALESCE(idx_tup_fetch, 0) AS idx_tup_fetch FROM pg_stat_xact_user_tables WHERE relname = ?", table);
	}

	private Map<String, Object> readsOfNotifications() {
		return this.jdbc.queryForMap("SELECT COALESCE(seq_tup_read, 0) AS seq_tup_read, "
				+ "COALESCE(idx_tup_fetch, 0) AS idx_tup_fetch FROM pg_stat_xact_user_tables WHERE relname = 'notification'");
	}

	@Test
	void platformConnectionsRunWithJitOff() {
		// a packaged server's LLVM JIT spent seconds compiling Tasklist's task list (docs/performance.md)
		assertThat(this.jdbc.queryForObject("SHOW jit", String.class)).isEqualTo("off");
	}

	@Test
	void onlyTheConfiguredAdminPasswordWorksAndThereAreNoDemoUsers() {
		assertThat(this.rest.withBasicAuth("admin", "Pg-County-2026!").getForEntity("/engine-rest/user", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.rest.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.rest.getForEntity("/api/ledger", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(this.identity.createUserQuery().userId("township-labao-clerk").count()).isZero();
		assertThat(this.identity.createGroupQuery().groupId("township-labao").count()).as("the chart is synced")
			.isEqualTo(1);
	}

	@Test
	void ledgerChainsAndDetectsTamperingOnPostgresql() {
		String caseNo = this.caseNumbers.next("PG");
		this.ledger.append(new LedgerEvent(caseNo, "TestProcess", "FILED", "township-labao", "system", null, "拉包乡"));
		LedgerEntry second = this.ledger.append(
				new LedgerEvent(caseNo, "TestProcess", "CLOSED", "township-labao", "system", null, "done"));
		assertThat(this.ledger.verify().ok()).isTrue();

		this.jdbc.update("UPDATE ledger_entry SET actor = 'someone' WHERE id = ?", second.id());
		try {
			assertThat(this.ledger.verify().firstBroken().id()).isEqualTo(second.id());
		}
		finally {
			this.jdbc.update("UPDATE ledger_entry SET actor = 'system' WHERE id = ?", second.id());
		}
		assertThat(this.ledger.verify().ok()).isTrue();
	}

	@Test
	void caseNumbersAreUniqueAndGapFreeOnPostgresql() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Callable<String>> work = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			work.add(() -> this.transaction.execute(status -> this.caseNumbers.next("PC")));
		}
		List<String> numbers = new ArrayList<>();
		for (Future<String> number : pool.invokeAll(work)) {
			numbers.add(number.get());
		}
		pool.shutdown();
		CaseNumberAssertions.assertUniqueAndGapFree(numbers);
	}

	@Test
	void delegatesWriteTheLedgerInTheEngineTransaction() {
		TestProcesses.deploy(this.engine.getRepositoryService());
		RuntimeService runtime = this.engine.getRuntimeService();
		TaskService tasks = this.engine.getTaskService();
		String caseNo = this.caseNumbers.next("PD");
		ProcessInstance pi = runtime.startProcessInstanceByKey(TestProcesses.DELEGATE_PROBE, caseNo,
				Map.of("unit", "dept-housing", "subject", "s", "dueAt", "2026-12-01T23:59:59+08:00", "fail", true));
		String taskId = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.complete(taskId));
		assertThat(this.ledger.caseHistory(caseNo)).extracting(LedgerEntry::event).containsExactly("FILED");

		runtime.setVariable(pi.getId(), "fail", false);
		tasks.complete(taskId);
		assertThat(this.ledger.caseHistory(caseNo)).extracting(LedgerEntry::event).containsExactly("FILED", "HANDLED");
	}

}
