package gov.county.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.QueryPlans;
import gov.county.platform.ledger.CaseNumberService;

/** The outbox, the inbox and e-mail through a real SMTP server (GreenMail). */
@PlatformIntegrationTest
class NotificationTests {

	/** E-mails sent before, for the dispatcher to pass over. */
	private static final int ARCHIVE = 20_000;

	/** Inbox entries of a unit and its clerk, many pages' worth. */
	private static final int INBOX = 3_000;

	/** A storm's worth of e-mails for one look: six rounds. */
	private static final int BACKLOG = 300;

	/**
	 * The clock of a look the test runs itself, ahead of the platform's own looks: a backlog due in
	 * three minutes is due to it and not yet to them, so they cannot send any of it meanwhile.
	 */
	private static final Clock AHEAD = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4));

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
		.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

	@Autowired
	NotificationService notifications;

	@Autowired
	CaseNumberService caseNumbers;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	IdentityService identity;

	@Autowired
	NotificationDispatcher dispatcher;

	@Test
	void emailArrivesWithTheCaseNumber() throws Exception {
		String caseNo = this.caseNumbers.next("TN");
		this.notifications.notify(new Notice(caseNo, List.of("user:dept-housing-clerk", "email:citizen@example.org"),
				"办理结果 Reply", "已修复 The road is repaired.", null));

		await().atMost(Duration.ofSeconds(15)).until(() -> statuses(caseNo).values().stream().allMatch("SENT"::equals));
		MimeMessage toCitizen = List.of(smtp.getReceivedMessagesForDomain("citizen@example.org")).get(0);
		assertThat(toCitizen.getSubject()).isEqualTo("办理结果 Reply");
		assertThat(GreenMailUtil.getBody(toCitizen)).isNotBlank();
		assertThat(toCitizen.getContent().toString()).contains("已修复").contains(caseNo);
		assertThat(statuses(caseNo)).containsEntry("citizen@example.org", "SENT")
			.containsEntry("dept-housing-clerk@demo.county.invalid", "SENT");
	}

	@Test
	void groupNoticeReachesEveryMemberInboxAndMail() {
		String caseNo = this.caseNumbers.next("TN");
		this.notifications.notify(new Notice(caseNo, List.of("group:township-baipeng"), "催办 Urging", "请办理", null));

		List<Map<String, Object>> clerkInbox = inbox("township-baipeng-clerk");
		assertThat(clerkInbox).anySatisfy(n -> assertThat(n).containsEntry("caseNo", caseNo)
			.containsEntry("recipient", "township-baipeng")
			.containsEntry("channel", "INBOX")
			.containsKeys("id", "subject", "body", "createdAt", "status"));
		assertThat(inbox("township-baipeng-head")).anySatisfy(n -> assertThat(n).containsEntry("caseNo", caseNo));
		assertThat(inbox("dept-housing-clerk")).noneSatisfy(n -> assertThat(n).containsEntry("caseNo", caseNo));

		await().atMost(Duration.ofSeconds(15))
			.until(() -> smtp.getReceivedMessagesForDomain("demo.county.invalid").length >= 2);
	}

	@Test
	void inboxPagesShowTheUsersAndGroupsNoticesNewestFirstWithoutGapsOrRepeats() {
		String caseNo = this.caseNumbers.next("TN");
		for (int i = 0; i < 7; i++) {
			String to = i % 3 == 0 ? "user:township-baipeng-clerk" : "group:township-baipeng";
			this.notifications.notify(new Notice(caseNo, List.of(to), "催办 " + i, "请办理", null));
		}
		List<String> groups = this.identity.createGroupQuery().groupMember("township-baipeng-clerk").list().stream()
			.map(Group::getId)
			.toList();
		assertThat(groups).contains("township-baipeng");
		List<Long> newestFirst = this.jdbc.queryForList("SELECT id FROM notification WHERE channel = 'INBOX' AND "
				+ "((recipient_type = 'USER' AND recipient = 'township-baipeng-clerk') OR (recipient_type = 'GROUP' "
				+ "AND recipient IN (" + String.join(", ", groups.stream().map(g -> "'" + g + "'").toList()) + "))) "
				+ "ORDER BY created_at DESC, id DESC", Long.class);
		assertThat(newestFirst).hasSizeGreaterThanOrEqualTo(7);

		List<Long> paged = new ArrayList<>();
		for (int page = 0; page * 3 < newestFirst.size() + 3; page++) {
			List<Map<String, Object>> entries = inbox("township-baipeng-clerk", page, 3);
			assertThat(entries).hasSizeLessThanOrEqualTo(3);
			entries.forEach(n -> paged.add(((Number) n.get("id")).longValue()));
		}
		assertThat(paged).as("every page in turn, newest first").isEqualTo(newestFirst);
		assertThat(inbox("township-baipeng-clerk", 0, 7)).extracting(n -> n.get("subject"))
			.containsExactly("催办 6", "催办 5", "催办 4", "催办 3", "催办 2", "催办 1", "催办 0");
		assertThat(this.notifications.inbox("township-baipeng-clerk", List.of("township-baipeng", "township-baipeng"),
				0, 500)).as("a group named twice counts once")
			.isEqualTo(this.notifications.inbox("township-baipeng-clerk", List.of("township-baipeng"), 0, 500));
		assertThat(this.notifications.inbox("township-baipeng-clerk", List.of(), 0, 500))
			.as("without groups, what was addressed to the user alone")
			.extracting(Notification::subject)
			.startsWith("催办 6", "催办 3", "催办 0")
			.doesNotContain("催办 5", "催办 4", "催办 2", "催办 1");

		// the members' e-mails go out before the next test may stop the mail server
		await().atMost(Duration.ofSeconds(15)).until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM notification "
				+ "WHERE case_no = ? AND channel = 'EMAIL' AND status <> 'SENT'", Integer.class, caseNo) == 0);
	}

	@Test
	void anInboxPageReadsEachAddresseesNewestEntriesAlongTheirIndex() {
		// a unit's inbox grows with every card it gets: a page must read each addressee's entries up to
		// the page's end along their index, not all of them (docs/performance.md)
		this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			OffsetDateTime start = OffsetDateTime.of(2026, 11, 1, 0, 0, 0, 0, ZoneOffset.UTC);
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < INBOX; i++) {
				boolean clerks = i % 10 == 0;
				rows.add(new Object[] { clerks ? "nt-inbox-clerk" : "nt-inbox-unit", clerks ? "USER" : "GROUP",
						"催办 Urging " + i, start.plusMinutes(i) });
			}
			this.jdbc.batchUpdate("INSERT INTO notification (recipient, recipient_type, channel, subject, body, "
					+ "created_at, status) VALUES (?, ?, 'INBOX', ?, 'body', ?, 'DELIVERED')", rows);
			boolean postgres = QueryPlans.onPostgres(this.jdbc);
			if (postgres) {
				this.jdbc.execute("ANALYZE notification");
			}

			assertThat(this.notifications.inbox("nt-inbox-clerk", List.of("nt-inbox-unit"), 1, 20))
				.extracting(Notification::subject)
				.as("page 2, newest first, the clerk's and the unit's together")
				.startsWith("催办 Urging " + (INBOX - 21), "催办 Urging " + (INBOX - 22))
				.hasSize(20);
			String plan = QueryPlans.explainAnalyze(this.jdbc, NotificationService.inboxStatement(2, 40), "nt-inbox-clerk",
					"USER", "nt-inbox-unit", "GROUP", 20, 20);
			if (postgres) {
				assertThat(plan).as(plan).contains("ix_notification_inbox_recent").doesNotContain("Seq Scan");
			}
			else {
				assertThat(QueryPlans.h2RowsRead(plan)).as(plan).isNotEmpty().allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(2 * 40 + 1));
				assertThat(plan.split("index sorted", -1)).as("each branch read in its index's order: " + plan).hasSize(3);
			}
		});
	}

	@Test
	void smtpOutageNeitherRollsBackNorLosesTheNotice() throws Exception {
		smtp.stop();
		String caseNo = this.caseNumbers.next("TN");
		this.transaction.executeWithoutResult(
				status -> this.notifications.notify(new Notice(caseNo, List.of("email:outage@example.org"), "Reply",
						"body", null)));

		await().atMost(Duration.ofSeconds(10)).until(() -> attempts(caseNo) >= 1);
		assertThat(statuses(caseNo)).containsEntry("outage@example.org", "PENDING");
		assertThat(this.jdbc.queryForObject("SELECT last_error FROM notification WHERE case_no = ?", String.class,
				caseNo)).isNotBlank();

		smtp.start();
		await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(statuses(caseNo).get("outage@example.org")));
		assertThat(smtp.getReceivedMessagesForDomain("example.org")).hasSize(1);
	}

	@Test
	void givesUpAfterTheLastAttemptAndSaysSo() {
		smtp.stop();
		try {
			String caseNo = this.caseNumbers.next("TN");
			this.notifications.notify(new Notice(caseNo, List.of("email:never@example.org"), "Reply", "body", null));
			await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(statuses(caseNo).get("never@example.org")));
			assertThat(attempts(caseNo)).isEqualTo(4);
		}
		finally {
			smtp.start();
		}
	}

	@Test
	void dueEmailsAreFoundAlongTheirIndexHoweverManyWereSentBefore() throws Exception {
		// years of sent e-mails: the outbox keeps every one
		String archive = this.caseNumbers.next("TN");
		OffsetDateTime longAgo = OffsetDateTime.of(2025, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
		try {
			writeEmails(archive, ARCHIVE, "archive.example.org", "SENT", 1, longAgo, longAgo);
			boolean postgres = QueryPlans.onPostgres(this.jdbc);
			if (postgres) {
				this.jdbc.execute("ANALYZE notification");
			}
			String caseNo = this.caseNumbers.next("TN");
			this.notifications.notify(new Notice(caseNo, List.of("email:behind@example.org"), "Reply", "body", null));
			await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(statuses(caseNo).get("behind@example.org")));

			OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
			for (String statement : List.of(NotificationDispatcher.DUE, NotificationDispatcher.STALE_CLAIMS)) {
				String plan = QueryPlans.explainAnalyze(this.jdbc, statement, now);
				if (postgres) {
					assertThat(plan).as(plan).containsIgnoringCase("ix_notification_due").doesNotContain("Seq Scan");
				}
				else {
					List<Long> read = QueryPlans.h2RowsRead(plan);
					assertThat(read).as(plan).isNotEmpty();
					assertThat(read.get(0)).as(plan).isLessThan(100);
				}
				if (statement.equals(NotificationDispatcher.DUE)) {
					// read in the round's order, so the look stops at the round's end in a backlog too
					assertThat(plan).as(plan).doesNotContain("Sort Key");
					assertThat(postgres || plan.contains("index sorted")).as(plan).isTrue();
				}
			}
		}
		finally {
			this.jdbc.update("DELETE FROM notification WHERE case_no = ?", archive);
		}
	}

	@Test
	void aBacklogGoesOutInOneLookNotOneRoundOfFiftyPerPollInterval() {
		String caseNo = backlog(BACKLOG, "backlog.invalid");
		this.dispatcher.dispatch(AHEAD);

		assertThat(countBy("status", caseNo)).isEqualTo(Map.of("SENT", BACKLOG));
		assertThat(smtp.getReceivedMessagesForDomain("backlog.invalid")).hasSize(BACKLOG);
	}

	@Test
	void aMailServerDownEndsTheLookAfterOneRoundAndTheOthersKeepTheirAttempts() {
		smtp.stop();
		String caseNo = backlog(120, "outage-backlog.invalid");
		try {
			this.dispatcher.dispatch(AHEAD);

			Map<String, Integer> byAttempts = countBy("attempts", caseNo);
			assertThat(countBy("status", caseNo)).isEqualTo(Map.of("PENDING", 120));
			// the round may hold e-mails of other tests that fell due before these
			assertThat(byAttempts.getOrDefault("1", 0)).as("tried in the one round: %s", byAttempts)
				.isLessThanOrEqualTo(50);
			assertThat(byAttempts.getOrDefault("0", 0)).as("left for the next look: %s", byAttempts)
				.isGreaterThanOrEqualTo(70);
		}
		finally {
			// not sent later to the mail server of another test class
			this.jdbc.update("DELETE FROM notification WHERE case_no = ?", caseNo);
			smtp.start();
		}
	}

	@Test
	void sameDedupKeyNotifiesOnce() {
		String caseNo = this.caseNumbers.next("TN");
		Notice notice = new Notice(caseNo, List.of("group:dept-commerce"), "Warning", "due soon", "warn-" + caseNo);
		assertThat(this.notifications.notify(notice)).isGreaterThan(0);
		assertThat(this.notifications.notify(notice)).isZero();
		assertThat(this.notifications.ofCase(caseNo)).filteredOn(n -> n.channel().equals("INBOX")).hasSize(1);
	}

	@Test
	void unknownRecipientsAreRefusedByName() {
		assertThatThrownBy(() -> this.notifications.notify(new Notice("TN-X", List.of("township-nowhere"), "s", "b", null)))
			.hasMessageContaining("township-nowhere");
		assertThatThrownBy(() -> this.notifications.notify(new Notice("TN-X", List.of("email:not-an-address"), "s", "b", null)))
			.hasMessageContaining("not an e-mail address");
		assertThatThrownBy(() -> this.notifications.notify(new Notice("TN-X", List.of("fax:123"), "s", "b", null)))
			.hasMessageContaining("unknown kind 'fax'");
		assertThat(this.notifications.ofCase("TN-X")).isEmpty();
	}

	private List<Map<String, Object>> inbox(String user) {
		return inbox(user, 0, 500);
	}

	private List<Map<String, Object>> inbox(String user, int page, int size) {
		return this.rest.withBasicAuth(user, "demo")
			.exchange("/api/notifications?page=" + page + "&size=" + size, HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					})
			.getBody();
	}

	private Map<String, String> statuses(String caseNo) {
		Map<String, String> byRecipient = new HashMap<>();
		this.jdbc.query("SELECT recipient, status FROM notification WHERE case_no = ? AND channel = 'EMAIL'",
				(ResultSet rs) -> {
					byRecipient.put(rs.getString(1), rs.getString(2));
				}, caseNo);
		return byRecipient;
	}

	/** {@code count} e-mails of a new case to {@code domain}, waiting to be sent in three minutes. */
	private String backlog(int count, String domain) {
		String caseNo = this.caseNumbers.next("TN");
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		writeEmails(caseNo, count, domain, "PENDING", 0, now, now.plusMinutes(3));
		return caseNo;
	}

	/** Writes {@code count} e-mails of the case straight into the outbox, each to its own address at {@code domain}. */
	private void writeEmails(String caseNo, int count, String domain, String status, int attempts,
			OffsetDateTime created, OffsetDateTime nextAttempt) {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { "r" + i + "@" + domain, caseNo, created, status, attempts, nextAttempt });
		}
		this.jdbc.batchUpdate("INSERT INTO notification (recipient, recipient_type, channel, subject, body, case_no, "
				+ "created_at, status, attempts, next_attempt_at) VALUES (?, 'EMAIL', 'EMAIL', '催办 Urging', 'body', ?, ?, "
				+ "?, ?, ?)", rows);
	}

	/** How many of the case's e-mails have each value of {@code column}. */
	private Map<String, Integer> countBy(String column, String caseNo) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.query("SELECT " + column + ", COUNT(*) FROM notification WHERE case_no = ? GROUP BY " + column,
				(ResultSet rs) -> {
					counts.put(rs.getString(1), rs.getInt(2));
				}, caseNo);
		return counts;
	}

	private int attempts(String caseNo) {
		return this.jdbc.queryForObject("SELECT MAX(attempts) FROM notification WHERE case_no = ? AND channel = 'EMAIL'",
				Integer.class, caseNo);
	}

}
