package gov.county.platform.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.ServiceLoader;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import gov.county.platform.privacy.Masks;

/**
 * Sends queued e-mails after their transaction committed. Each e-mail is claimed by one node with a
 * conditional update (several nodes may run this), sent, and marked SENT; a failure is retried with
 * a doubling wait up to {@code maxAttempts}, then marked FAILED. A claim whose node died expires
 * ({@code platform.notification.claim}) and the e-mail is sent again, with the same Message-ID so
 * mail clients show it once.
 * <p>
 * One round sends its e-mails over one SMTP connection and marks each SENT, in its own short
 * transaction, as soon as the server accepted its DATA, before the next one and before QUIT: a node
 * that dies mid-round re-sends at most the one e-mail whose acceptance it had not yet recorded.
 */
@Component
class NotificationDispatcher {

	private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

	private static final int BATCH = 50;

	/** E-mails claimed by a node that has not marked them sent within its claim: that node died. */
	static final String STALE_CLAIMS = "SELECT id FROM notification WHERE status = 'SENDING' AND locked_until < ? "
			+ "AND channel = 'EMAIL' ORDER BY locked_until, id LIMIT " + BATCH;

	/**
	 * E-mails due. Ordered by the index's own columns: H2 reads along the index in that order only
	 * when the order names its first column too, though a single status is asked for.
	 */
	static final String DUE = "SELECT id FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ? "
			+ "AND channel = 'EMAIL' ORDER BY status, next_attempt_at LIMIT " + BATCH;

	private final JdbcTemplate jdbc;

	private final NotificationProperties properties;

	private final JavaMailSenderImpl mail;

	NotificationDispatcher(JdbcTemplate jdbc, NotificationProperties properties,
			ObjectProvider<JavaMailSenderImpl> mail, @Value("${spring.mail.host:}") String mailHost) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.mail = mailHost == null || mailHost.isBlank() ? null : mail.getIfAvailable();
		if (this.mail == null && mailHost != null && !mailHost.isBlank()) {
			throw new IllegalStateException("spring.mail.host is " + mailHost
					+ " but no JavaMailSenderImpl bean exists to send with: e-mails would stay queued for ever");
		}
		if (this.mail != null) {
			nameStreamProvider();
		}
	}

	/**
	 * Jakarta Mail 2.1 finds its stream provider with a ServiceLoader, searching every jar on the class
	 * path, each time it encodes or parses a header or a body: three quarters of the CPU that sending a
	 * storm's e-mails took (docs/performance.md). A provider named in the system property of its
	 * interface is loaded by that name instead; this names the one the class path provides, once,
	 * unless the JVM was started with one named.
	 */
	private static void nameStreamProvider() {
		String property = StreamProvider.class.getName();
		if (System.getProperty(property) == null) {
			ServiceLoader.load(StreamProvider.class)
				.findFirst()
				.ifPresent(provider -> System.setProperty(property, provider.getClass().getName()));
		}
	}

	/**
	 * Sends what is due, round after round while each round is full: a storm's urgings leave
	 * thousands behind one round, and waiting a poll interval after each round of 50 held them back
	 * for many minutes. A round with a failure ends the look: its e-mails wait for their next
	 * attempt, the others for the next look, rather than all failing in turn against a mail server
	 * that is down. So does a round in which another node claimed every e-mail first.
	 */
	@Scheduled(fixedDelayString = "${platform.notification.poll-interval:PT2S}", initialDelayString = "PT5S")
	void dispatchDue() {
		dispatch(Clock.systemUTC());
	}

	/** One look, with the time read from {@code clock}. */
	void dispatch(Clock clock) {
		if (this.mail == null) {
			return;
		}
		boolean goOn = true;
		while (goOn && !Thread.currentThread().isInterrupted()) {
			goOn = round(clock);
		}
	}

	/**
	 * Sends the e-mails due, at most a round's worth, over one SMTP connection (mail servers may limit
	 * the messages of one connection); true when the round was full and went out, so another may follow.
	 */
	private boolean round(Clock clock) {
		List<Long> due = due(OffsetDateTime.now(clock));
		int sent = 0;
		boolean failed = false;
		try (Connection connection = new Connection(this.mail)) {
			for (Long id : due) {
				if (!claim(id, OffsetDateTime.now(clock))) {
					continue;
				}
				boolean accepted = send(id, connection, clock);
				sent += accepted ? 1 : 0;
				failed |= !accepted;
			}
		}
		return due.size() == BATCH && sent > 0 && !failed;
	}

	/**
	 * The e-mails of one round: claims whose node died first, oldest first, then those due, longest
	 * waiting first. Each is one statement along {@code ix_notification_due} that stops at the round's
	 * end. The outbox keeps every e-mail ever sent: one statement with an OR of the two, in id order,
	 * made H2 walk all of them at every look, and PostgreSQL too while e-mails waited
	 * (docs/performance.md).
	 */
	private List<Long> due(OffsetDateTime now) {
		List<Long> due = new ArrayList<>(this.jdbc.queryForList(STALE_CLAIMS, Long.class, now));
		due.addAll(this.jdbc.queryForList(DUE, Long.class, now));
		return due.size() > BATCH ? due.subList(0, BATCH) : due;
	}

	private boolean claim(long id, OffsetDateTime now) {
		return this.jdbc.update("UPDATE notification SET status = 'SENDING', locked_until = ? WHERE id = ? AND "
				+ "((status = 'PENDING' AND next_attempt_at <= ?) OR (status = 'SENDING' AND locked_until < ?))",
				now.plus(this.properties.claim()), id, now, now) == 1;
	}

	/** Sends one claimed e-mail; false when it failed and waits for its next attempt (or was given up). */
	private boolean send(long id, Connection connection, Clock clock) {
		var row = this.jdbc.queryForMap("SELECT recipient, subject, body, case_no, attempts FROM notification WHERE id = ?",
				id);
		String caseNo = (String) row.get("case_no");
		int attempts = ((Number) row.get("attempts")).intValue() + 1;
		try {
			MimeMessage message = new StableIdMessage(this.mail.getSession(), "notification-" + id);
			message.setFrom(new InternetAddress(this.properties.from()));
			message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse((String) row.get("recipient")));
			message.setSubject((String) row.get("subject"), "UTF-8");
			String body = (String) row.get("body");
			if (caseNo != null) {
				body = body + "\n\n案件编号 Case number: " + caseNo;
			}
			message.setText(body, "UTF-8");
			connection.send(message);
			this.jdbc.update("UPDATE notification SET status = 'SENT', attempts = ?, sent_at = ?, locked_until = NULL, "
					+ "last_error = NULL WHERE id = ?", attempts, OffsetDateTime.now(clock), id);
			return true;
		}
		catch (MessagingException ex) {
			boolean giveUp = attempts >= this.properties.maxAttempts();
			Duration wait = backoff(attempts);
			// a mail server's refusal names the address it refused: the log and the outbox keep it masked
			String error = Masks.inText(String.valueOf(ex.getMessage()));
			this.jdbc.update("UPDATE notification SET status = ?, attempts = ?, next_attempt_at = ?, locked_until = NULL, "
					+ "last_error = ? WHERE id = ?", giveUp ? "FAILED" : "PENDING", attempts,
					OffsetDateTime.now(clock).plus(wait), error.length() > 1000 ? error.substring(0, 1000) : error,
					id);
			if (giveUp) {
				log.error("E-mail {} for case {} failed {} times and is given up: {}", id, caseNo, attempts, error);
			}
			else {
				log.warn("E-mail {} for case {} failed (attempt {}), next try in {}: {}", id, caseNo, attempts, wait, error);
			}
			return false;
		}
	}

	Duration backoff(int attempts) {
		Duration wait = this.properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
		return wait.compareTo(this.properties.maxRetry()) > 0 ? this.properties.maxRetry() : wait;
	}

	/**
	 * The SMTP connection of one round, opened at the first e-mail with the mail sender's settings
	 * (host, port, login, timeouts) and closed (QUIT) at the end. After a failure it is dropped, so
	 * the next e-mail starts on a fresh connection.
	 */
	private static final class Connection implements AutoCloseable {

		private final JavaMailSenderImpl sender;

		private Transport transport;

		Connection(JavaMailSenderImpl sender) {
			this.sender = sender;
		}

		/** Returns once the server accepted the message's DATA. */
		void send(MimeMessage message) throws MessagingException {
			try {
				if (this.transport == null) {
					this.transport = open();
				}
				message.setSentDate(new Date());
				message.saveChanges();
				this.transport.sendMessage(message, message.getAllRecipients());
			}
			catch (MessagingException ex) {
				close();
				throw ex;
			}
		}

		private Transport open() throws MessagingException {
			Transport opened = this.sender.getSession()
				.getTransport(this.sender.getProtocol() == null ? "smtp" : this.sender.getProtocol());
			opened.connect(this.sender.getHost(), this.sender.getPort(), blankToNull(this.sender.getUsername()),
					blankToNull(this.sender.getPassword()));
			return opened;
		}

		private static String blankToNull(String text) {
			return text == null || text.isEmpty() ? null : text;
		}

		@Override
		public void close() {
			if (this.transport == null) {
				return;
			}
			try {
				this.transport.close();
			}
			catch (MessagingException ex) {
				// every message of the round was accepted or recorded as failed already
				log.debug("Closing the SMTP connection failed: {}", ex.getMessage());
			}
			this.transport = null;
		}

	}

	/** A message whose Message-ID stays the same however often it is sent. */
	private static final class StableIdMessage extends MimeMessage {

		private final String key;

		StableIdMessage(Session session, String key) {
			super(session);
			this.key = key;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", "<" + this.key + "@county-platform>");
		}

	}

}
