package gov.county.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.PlatformIntegrationTest;
import gov.county.platform.ledger.CaseNumberService;

/** The outbox, the inbox and e-mail through a real SMTP server (GreenMail). */
@PlatformIntegrationTest
class NotificationTests {

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
		return this.rest.withBasicAuth(user, "demo")
			.exchange("/api/notifications?size=500", HttpMethod.GET, null,
					new ParameterizedTypeReference<List<Map<String, Object>>>() {
					})
			.getBody();
	}

	private Map<String, String> statuses(String caseNo) {
		Map<String, String> byRecipient = new java.util.HashMap<>();
		this.jdbc.query("SELECT recipient, status FROM notification WHERE case_no = ? AND channel = 'EMAIL'",
				(java.sql.ResultSet rs) -> {
					byRecipient.put(rs.getString(1), rs.getString(2));
				}, caseNo);
		return byRecipient;
	}

	private int attempts(String caseNo) {
		return this.jdbc.queryForObject("SELECT MAX(attempts) FROM notification WHERE case_no = ? AND channel = 'EMAIL'",
				Integer.class, caseNo);
	}

}
