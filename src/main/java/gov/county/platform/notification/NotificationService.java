package gov.county.platform.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.organization.Directory;

/**
 * Writes notifications to the outbox in the caller's transaction (the engine's, when a process
 * notifies): every user and group recipient gets an inbox entry; e-mails are queued for the
 * dispatcher, which sends them after commit. A mail outage therefore never rolls back a case.
 */
@Service
public class NotificationService {

	static final String INBOX = "INBOX";

	static final String EMAIL = "EMAIL";

	private static final Pattern EMAIL_ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private static final RowMapper<Notification> NOTIFICATION = NotificationService::map;

	private final JdbcTemplate jdbc;

	private final Directory directory;

	private final boolean mailEnabled;

	public NotificationService(JdbcTemplate jdbc, Directory directory,
			@Value("${spring.mail.host:}") String mailHost) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.mailEnabled = mailHost != null && !mailHost.isBlank();
	}

	/**
	 * Queues a notice. Unknown recipients are an error naming them, so a broken diagram shows up as
	 * an incident instead of a message that silently goes nowhere.
	 *
	 * @return how many rows (inbox entries and e-mails) were written
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int notify(Notice notice) {
		if (notice.subject() == null || notice.subject().isBlank()) {
			throw new IllegalArgumentException("a notification needs a subject");
		}
		if (notice.recipients().isEmpty()) {
			throw new IllegalArgumentException("a notification needs at least one recipient");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String body = notice.body() == null ? "" : notice.body();
		Set<String> emails = new LinkedHashSet<>();
		int written = 0;
		for (String raw : notice.recipients()) {
			Recipient recipient = resolve(raw.trim());
			switch (recipient.type()) {
				case USER -> {
					written += insert(notice, recipient, INBOX, NotificationStatus.DELIVERED, now, body);
					this.directory.emailOf(recipient.id()).ifPresent(emails::add);
				}
				case GROUP -> {
					written += insert(notice, recipient, INBOX, NotificationStatus.DELIVERED, now, body);
					for (String member : this.directory.membersOf(recipient.id())) {
						this.directory.emailOf(member).ifPresent(emails::add);
					}
				}
				case EMAIL -> {
					if (!this.mailEnabled) {
						written += insert(notice, recipient, EMAIL, NotificationStatus.SKIPPED, now, body);
					}
					else {
						emails.add(recipient.id());
					}
				}
			}
		}
		if (this.mailEnabled) {
			for (String email : emails) {
				written += insert(notice, new Recipient(RecipientType.EMAIL, email), EMAIL, NotificationStatus.PENDING,
						now, body);
			}
		}
		return written;
	}

	/** The inbox of a user: what was addressed to them and to their groups, newest first. */
	@Transactional(readOnly = true)
	public List<Notification> inbox(String userId, List<String> groups, int page, int size) {
		List<Object> args = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT * FROM notification WHERE channel = 'INBOX' AND ("
				+ "(recipient_type = 'USER' AND recipient = ?)");
		args.add(userId);
		if (!groups.isEmpty()) {
			sql.append(" OR (recipient_type = 'GROUP' AND recipient IN (")
				.append(String.join(", ", groups.stream().map(g -> "?").toList()))
				.append("))");
			args.addAll(groups);
		}
		sql.append(") ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?");
		args.add(size);
		args.add((long) page * size);
		return this.jdbc.query(sql.toString(), NOTIFICATION, args.toArray());
	}

	/** Every notification of a case, oldest first: what the ledger's readers want to see was sent. */
	@Transactional(readOnly = true)
	public List<Notification> ofCase(String caseNo) {
		return this.jdbc.query("SELECT * FROM notification WHERE case_no = ? ORDER BY created_at, id", NOTIFICATION,
				caseNo);
	}

	enum RecipientType {

		USER, GROUP, EMAIL

	}

	record Recipient(RecipientType type, String id) {
	}

	Recipient resolve(String raw) {
		int colon = raw.indexOf(':');
		String kind = colon > 0 ? raw.substring(0, colon) : "";
		String value = colon > 0 ? raw.substring(colon + 1).trim() : raw;
		switch (kind) {
			case "user" -> {
				if (!this.directory.userExists(value)) {
					throw new IllegalArgumentException("notification recipient '" + raw + "': no such user");
				}
				return new Recipient(RecipientType.USER, value);
			}
			case "group" -> {
				if (!this.directory.groupExists(value)) {
					throw new IllegalArgumentException("notification recipient '" + raw + "': no such group");
				}
				return new Recipient(RecipientType.GROUP, value);
			}
			case "head" -> {
				String head = this.directory.headOf(value)
					.orElseThrow(() -> new IllegalArgumentException(
							"notification recipient '" + raw + "': the organisation chart names no head of that unit"));
				return resolve("user:" + head);
			}
			case "email" -> {
				if (!EMAIL_ADDRESS.matcher(value).matches()) {
					throw new IllegalArgumentException("notification recipient '" + raw + "': not an e-mail address");
				}
				return new Recipient(RecipientType.EMAIL, value);
			}
			case "" -> {
				if (EMAIL_ADDRESS.matcher(value).matches()) {
					return new Recipient(RecipientType.EMAIL, value);
				}
				if (this.directory.groupExists(value)) {
					return new Recipient(RecipientType.GROUP, value);
				}
				if (this.directory.userExists(value)) {
					return new Recipient(RecipientType.USER, value);
				}
				throw new IllegalArgumentException(
						"notification recipient '" + raw + "' is neither a user, a group nor an e-mail address");
			}
			default -> throw new IllegalArgumentException("notification recipient '" + raw
					+ "': unknown kind '" + kind + "' (use user:, group:, head: or email:)");
		}
	}

	private int insert(Notice notice, Recipient recipient, String channel, NotificationStatus status, Instant now,
			String body) {
		String dedupKey = notice.dedupKey() == null ? null
				: sha256(notice.dedupKey() + "|" + channel + "|" + recipient.type() + ":" + recipient.id());
		if (dedupKey != null) {
			Integer existing = this.jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE dedup_key = ?",
					Integer.class, dedupKey);
			if (existing != null && existing > 0) {
				return 0;
			}
		}
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		return this.jdbc.update(
				"INSERT INTO notification (recipient, recipient_type, channel, subject, body, case_no, created_at, "
						+ "status, attempts, next_attempt_at, last_error, dedup_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
				recipient.id(), recipient.type().name(), channel, truncate(notice.subject(), 500),
				truncate(body, 20_000), notice.caseNo(), at, status.name(),
				status == NotificationStatus.PENDING ? at : null,
				status == NotificationStatus.SKIPPED ? "no mail server configured (spring.mail.host)" : null, dedupKey);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
		return new Notification(rs.getLong("id"), rs.getString("recipient"), rs.getString("channel"),
				rs.getString("subject"), rs.getString("body"), rs.getString("case_no"),
				created == null ? null : created.toInstant(), rs.getString("status"));
	}

}
