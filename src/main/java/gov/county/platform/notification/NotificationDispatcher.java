package gov.county.platform.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued e-mails after their transaction committed. Each e-mail is claimed by one node with a
 * conditional update (several nodes may run this), sent, and marked SENT; a failure is retried with
 * a doubling wait up to {@code maxAttempts}, then marked FAILED. A claim whose node died expires and
 * the e-mail is sent again, with the same Message-ID so mail clients show it once.
 */
@Component
class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private static final Duration CLAIM = Duration.ofMinutes(5);

	private static final int BATCH = 50;

	private final JdbcTemplate jdbc;

	private final NotificationProperties properties;

	private final JavaMailSender mail;

	NotificationDispatcher(JdbcTemplate jdbc, NotificationProperties properties, ObjectProvider<JavaMailSender> mail,
			@Value("${spring.mail.host:}") String mailHost) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.mail = mailHost == null || mailHost.isBlank() ? null : mail.getIfAvailable();
	}

	@Scheduled(fixedDelayString = "${platform.notification.poll-interval:PT2S}", initialDelayString = "PT5S")
	void dispatchDue() {
		if (this.mail == null) {
			return;
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		List<Long> due = this.jdbc.queryForList("SELECT id FROM notification WHERE channel = 'EMAIL' AND "
				+ "((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND locked_until < ?)) "
				+ "ORDER BY id LIMIT " + BATCH, Long.class, now, now);
		for (Long id : due) {
			if (claim(id, OffsetDateTime.now(ZoneOffset.UTC))) {
				send(id);
			}
		}
	}

	private boolean claim(long id, OffsetDateTime now) {
		return this.jdbc.update("UPDATE notification SET status = 'SENDING', locked_until = ? WHERE id = ? AND "
				+ "((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND locked_until < ?))",
				now.plus(CLAIM), id, now, now) == 1;
	}

	private void send(long id) {
		var row = this.jdbc.queryForMap("SELECT recipient, subject, body, case_no, attempts FROM notification WHERE id = ?",
				id);
		String caseNo = (String) row.get("case_no");
		int attempts = ((Number) row.get("attempts")).intValue() + 1;
		try {
			MimeMessage message = new StableIdMessage(this.mail.createMimeMessage(), "notification-" + id);
			message.setFrom(new InternetAddress(this.properties.from()));
			message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse((String) row.get("recipient")));
			message.setSubject((String) row.get("subject"), "UTF-8");
			String body = (String) row.get("body");
			if (caseNo != null) {
				body = body + "\n\n案件编号 Case number: " + caseNo;
			}
			message.setText(body, "UTF-8");
			this.mail.send(message);
			this.jdbc.update("UPDATE notification SET status = 'SENT', attempts = ?, sent_at = ?, locked_until = NULL, "
					+ "last_error = NULL WHERE id = ?", attempts, OffsetDateTime.now(ZoneOffset.UTC), id);
		}
		catch (MessagingException | MailException ex) {
			boolean giveUp = attempts >= this.properties.maxAttempts();
			Duration wait = backoff(attempts);
			String error = String.valueOf(ex.getMessage());
			this.jdbc.update("UPDATE notification SET status = ?, attempts = ?, next_attempt_at = ?, locked_until = NULL, "
					+ "last_error = ? WHERE id = ?", giveUp ? "FAILED" : "PENDING", attempts,
					OffsetDateTime.now(ZoneOffset.UTC).plus(wait), error.length() > 1000 ? error.substring(0, 1000) : error,
					id);
			if (giveUp) {
				log.error("E-mail {} for case {} failed {} times and is given up: {}", id, caseNo, attempts, error);
			}
			else {
				log.warn("E-mail {} for case {} failed (attempt {}), next try in {}: {}", id, caseNo, attempts, wait, error);
			}
		}
	}

	Duration backoff(int attempts) {
		Duration wait = this.properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
		return wait.compareTo(this.properties.maxRetry()) > 0 ? this.properties.maxRetry() : wait;
	}

	/** A message whose Message-ID stays the same however often it is sent. */
	private static final class StableIdMessage extends MimeMessage {

		private final String key;

		StableIdMessage(MimeMessage template, String key) {
			super(template.getSession() != null ? template.getSession() : Session.getInstance(new Properties()));
			this.key = key;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<" + this.key + "@county-platform>");
		}

	}

}
