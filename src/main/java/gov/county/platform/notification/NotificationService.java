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
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.identity.User;
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
		List<Row> rows = new ArrayList<>();
		Set<String> emails = new LinkedHashSet<>();
		for (String raw : notice.recipients()) {
			Recipient recipient = resolve(raw.trim());
			switch (recipient.type()) {
				case USER, GROUP -> {
					rows.add(new Row(recipient, INBOX, NotificationStatus.DELIVERED));
					emails.addAll(recipient.emails());
				}
				case EMAIL -> {
					if (!this.mailEnabled) {
						rows.add(new Row(recipient, EMAIL, NotificationStatus.SKIPPED));
					}
					else {
						emails.add(recipient.id());
					}
				}
			}
		}
		if (this.mailEnabled) {
			for (String email : emails) {
				rows.add(new Row(Recipient.email(email), EMAIL, NotificationStatus.PENDING));
			}
		}
		return insert(notice, rows);
	}

	/**
	 * The inbox of a user: what was addressed to them and to their groups, newest first.
	 * <p>
	 * One branch per addressee, each taking only its newest entries up to the end of the page, then
	 * merged: a unit's inbox grows with every card it gets, and one statement with an OR of the
	 * addressees read all their entries to sort them, where each branch reads just its first entries
	 * along {@code ix_notification_inbox_recent}.
	 */
	@Transactional(readOnly = true)
	public List<Notification> inbox(String userId, List<String> groups, int page, int size) {
		List<Object> args = new ArrayList<>(List.of(userId, RecipientType.USER.name()));
		Set<String> addressedGroups = new LinkedHashSet<>(groups);
		for (String group : addressedGroups) {
			args.addAll(List.of(group, RecipientType.GROUP.name()));
		}
		args.add(size);
		args.add((long) page * size);
		return this.jdbc.query(inboxStatement(1 + addressedGroups.size(), ((long) page + 1) * size), NOTIFICATION,
				args.toArray());
	}

	/**
	 * The inbox's statement for that many addressees (each binding its recipient and recipient type),
	 * each branch ending at {@code branchEnd}; then the page's size and offset. Each branch is ordered by
	 * all of the index's columns, the recipient and channel it is bound to included: H2 reads along an
	 * index in a query's order, and stops at the branch's end, only when the order names the index's
	 * columns from its first; otherwise it read all of an addressee's entries and sorted them.
	 */
	static String inboxStatement(int addressees, long branchEnd) {
		// the branch's end is a number, not a parameter: H2 2.3 keeps the first value bound to a LIMIT
		// inside a UNION for every later execution of the statement
		String branch = "(SELECT * FROM notification WHERE recipient = ? AND channel = '" + INBOX
				+ "' AND recipient_type = ? ORDER BY recipient, channel, created_at DESC, id DESC LIMIT " + branchEnd + ")";
		return "SELECT * FROM (" + String.join(" UNION ALL ", Collections.nCopies(addressees, branch)) + ") n "
				+ "ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?";
	}

	/** Every notification of a case, oldest first: what the ledger's readers want to see was sent. */
	@Transactional(readOnly = true)
	public List<Notification> ofCase(String caseNo) {
		return this.jdbc.query("SELECT * FROM notification WHERE case_no = ? ORDER BY created_at, id", NOTIFICATION,
				caseNo);
	}

	/**
	 * Erases the addresses and bodies of a case's e-mails (to its submitter, and to the members of
	 * the units told): what the retention period leaves of them is that they were sent, and when.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public int eraseAddresses(String caseNo) {
		return this.jdbc.update("UPDATE notification SET recipient = ?, body = ?, last_error = NULL "
				+ "WHERE case_no = ? AND recipient_type = ? AND recipient <> ?", ERASED, ERASED_BODY, caseNo,
				RecipientType.EMAIL.name(), ERASED);
	}

	static final String ERASED = "erased";

	static final String ERASED_BODY = "（已按保存期限删除 erased after the retention period）";

	enum RecipientType {

		USER, GROUP, EMAIL

	}

	/** Whom a notice goes to, with the e-mail addresses it stands for (a group: its members'). */
	record Recipient(RecipientType type, String id, List<String> emails) {

		static Recipient email(String address) {
			return new Recipient(RecipientType.EMAIL, address, List.of(address));
		}

		static Recipient user(User user) {
			return new Recipient(RecipientType.USER, user.getId(), emailsOf(List.of(user)));
		}

		static Recipient group(String id, List<User> members) {
			return new Recipient(RecipientType.GROUP, id, emailsOf(members));
		}

		private static List<String> emailsOf(List<User> users) {
			return users.stream()
				.map(User::getEmail)
				.filter(email -> email != null && !email.isBlank())
				.toList();
		}

	}

	/** One row to write: a recipient on a channel. */
	private record Row(Recipient recipient, String channel, NotificationStatus status) {

	}

	Recipient resolve(String raw) {
		int colon = raw.indexOf(':');
		String kind = colon > 0 ? raw.substring(0, colon) : "";
		String value = colon > 0 ? raw.substring(colon + 1).trim() : raw;
		switch (kind) {
			case "user" -> {
				return this.directory.user(value)
					.map(Recipient::user)
					.orElseThrow(() -> new IllegalArgumentException("notification recipient '" + raw + "': no such user"));
			}
			case "group" -> {
				return group(value)
					.orElseThrow(() -> new IllegalArgumentException("notification recipient '" + raw + "': no such group"));
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
				return Recipient.email(value);
			}
			case "" -> {
				if (EMAIL_ADDRESS.matcher(value).matches()) {
					return Recipient.email(value);
				}
				return group(value).or(() -> this.directory.user(value).map(Recipient::user))
					.orElseThrow(() -> new IllegalArgumentException(
							"notification recipient '" + raw + "' is neither a user, a group nor an e-mail address"));
			}
			default -> throw new IllegalArgumentException("notification recipient '" + raw
					+ "': unknown kind '" + kind + "' (use user:, group:, head: or email:)");
		}
	}

	/** A group with its members, read in one query; a group without members is looked up by itself. */
	private Optional<Recipient> group(String id) {
		List<User> members = this.directory.members(id);
		if (members.isEmpty() && !this.directory.groupExists(id)) {
			return Optional.empty();
		}
		return Optional.of(Recipient.group(id, members));
	}

	/**
	 * Writes the rows of a notice in one batch. A notice with a dedup key is written once: rows whose
	 * key is already stored (an earlier run of the same step) or repeated within the notice are left out,
	 * found with one query for the whole notice.
	 */
	private int insert(Notice notice, List<Row> rows) {
		List<Row> toWrite = notice.dedupKey() == null ? rows : unwritten(notice, rows);
		if (toWrite.isEmpty()) {
			return 0;
		}
		OffsetDateTime at = Instant.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
		String subject = truncate(notice.subject(), 500);
		String body = truncate(notice.body() == null ? "" : notice.body(), 20_000);
		List<Object[]> values = new ArrayList<>();
		for (Row row : toWrite) {
			values.add(new Object[] { row.recipient().id(), row.recipient().type().name(), row.channel(), subject, body,
					notice.caseNo(), at, row.status().name(), row.status() == NotificationStatus.PENDING ? at : null,
					row.status() == NotificationStatus.SKIPPED ? "no mail server configured (spring.mail.host)" : null,
					dedupKey(notice, row) });
		}
		return this.jdbc.batchUpdate(
				"INSERT INTO notification (recipient, recipient_type, channel, subject, body, case_no, created_at, "
						+ "status, attempts, next_attempt_at, last_error, dedup_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
				values).length;
	}

	/** The rows of a notice with a dedup key that are not stored yet, each once. */
	private List<Row> unwritten(Notice notice, List<Row> rows) {
		Map<String, Row> byKey = new LinkedHashMap<>();
		rows.forEach(row -> byKey.putIfAbsent(dedupKey(notice, row), row));
		String marks = String.join(", ", Collections.nCopies(byKey.size(), "?"));
		this.jdbc.queryForList("SELECT dedup_key FROM notification WHERE dedup_key IN (" + marks + ")", String.class,
				byKey.keySet().toArray())
			.forEach(byKey::remove);
		return new ArrayList<>(byKey.values());
	}

	private static String dedupKey(Notice notice, Row row) {
		return notice.dedupKey() == null ? null
				: sha256(notice.dedupKey() + "|" + row.channel() + "|" + row.recipient().type() + ":" + row.recipient().id());
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
