package gov.county.platform.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.ledger.FieldDigest;

/**
 * The audit trail (安全审计记录): who signed in or failed to, locked accounts, changes of users,
 * roles and grants, deployments, deletions of history, and every look at or erasure of personal
 * data. Append-only: there is no update or delete, through any API or webapp, for anyone. Each event
 * is chained to the one before by its hash, so a row changed or removed in the database is found
 * by {@link #verify()}. Written in the transaction of what it records: a change that rolls back
 * leaves no event, and an event cannot be lost while its change stays.
 */
@Service
public class AuditTrail {

	static final int MAX_DETAIL = 4000;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n]]");

	private static final String COLUMNS = "id, occurred_at, event, actor, address, channel, subject, detail, hash, "
			+ "previous_hash";

	private static final RowMapper<AuditEntry> ENTRY = AuditTrail::map;

	private final JdbcTemplate jdbc;

	public AuditTrail(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One recorded event, as the audit administrators read it. */
	public record AuditEntry(long id, Instant at, String event, String eventLabel, String actor, String address,
			String channel, String subject, String detail, String hash, String previousHash) {
	}

	/** A page of events, newest first. */
	public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {
	}

	/** Whether every event is intact and in its place; the first one found broken otherwise. */
	public record AuditVerification(boolean ok, long eventsChecked, AuditEntry firstBroken, String problem) {
	}

	/**
	 * Records an event caused by {@code actor} (the signed-in user; null for the platform itself) on
	 * {@code subject} (the user, group, grant or case it concerns), from the request this thread serves.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public AuditEntry record(AuditEventType event, String actor, String subject, String detail) {
		RequestOrigin.Origin origin = RequestOrigin.current();
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String who = clean(actor, 64);
		String what = clean(subject, 200);
		String why = clean(detail, MAX_DETAIL);
		String address = clean(origin.address(), 64);
		List<String> head = this.jdbc.queryForList("SELECT last_hash FROM audit_head WHERE id = 1 FOR UPDATE",
				String.class);
		String previous = head.isEmpty() ? null : head.get(0);
		String hash = hash(at, event.name(), who, address, origin.channel(), what, why, previous);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		Object[] values = { timestamp(at), event.name(), who, address, origin.channel(), what, why, hash, previous };
		this.jdbc.update(con -> {
			PreparedStatement insert = con.prepareStatement("INSERT INTO audit_event (occurred_at, event, actor, "
					+ "address, channel, subject, detail, hash, previous_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
					new String[] { "id" });
			for (int i = 0; i < values.length; i++) {
				insert.setObject(i + 1, values[i]);
			}
			return insert;
		}, key);
		long id = Objects.requireNonNull(key.getKey()).longValue();
		if (head.isEmpty()) {
			this.jdbc.update("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, ?, ?)", id, hash);
		}
		else {
			this.jdbc.update("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", id, hash);
		}
		return new AuditEntry(id, at, event.name(), event.label(), who, address, origin.channel(), what, why, hash,
				previous);
	}

	/** Events newest first, filtered by type, actor or subject and a time range (each optional). */
	@Transactional(readOnly = true)
	public AuditPage page(String event, String actor, String subject, Instant from, Instant to, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (event != null) {
			where.append(" AND event = ?");
			args.add(event);
		}
		if (actor != null) {
			where.append(" AND actor = ?");
			args.add(actor);
		}
		if (subject != null) {
			where.append(" AND subject = ?");
			args.add(subject);
		}
		if (from != null) {
			where.append(" AND occurred_at >= ?");
			args.add(timestamp(from));
		}
		if (to != null) {
			where.append(" AND occurred_at < ?");
			args.add(timestamp(to));
		}
		Long total = this.jdbc.queryForObject("SELECT COUNT(*) FROM audit_event" + where, Long.class, args.toArray());
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) page * size);
		List<AuditEntry> entries = this.jdbc.query("SELECT " + COLUMNS + " FROM audit_event" + where
				+ " ORDER BY id DESC LIMIT ? OFFSET ?", ENTRY, pageArgs.toArray());
		return new AuditPage(entries, page, size, total == null ? 0 : total);
	}

	/**
	 * Recomputes every event's hash and its link to the one before, oldest first, and that the
	 * chain ends where its head says: a changed, removed or inserted row is named.
	 */
	@Transactional(readOnly = true, isolation = Isolation.SERIALIZABLE)
	public AuditVerification verify() {
		long checked = 0;
		String previous = null;
		long lastId = Long.MIN_VALUE;
		List<AuditEntry> block;
		do {
			block = this.jdbc.query("SELECT " + COLUMNS + " FROM audit_event WHERE id > ? ORDER BY id LIMIT 4096",
					ENTRY, lastId);
			for (AuditEntry entry : block) {
				checked++;
				if (!Objects.equals(entry.previousHash(), previous)) {
					return new AuditVerification(false, checked, entry,
							"event " + entry.id() + " does not follow the event before it: events were removed or inserted");
				}
				if (!hash(entry.at(), entry.event(), entry.actor(), entry.address(), entry.channel(), entry.subject(),
						entry.detail(), entry.previousHash()).equals(entry.hash())) {
					return new AuditVerification(false, checked, entry,
							"event " + entry.id() + " was altered: its content no longer matches its hash");
				}
				previous = entry.hash();
				lastId = entry.id();
			}
		}
		while (block.size() == 4096);
		List<String> head = this.jdbc.queryForList("SELECT last_hash FROM audit_head WHERE id = 1", String.class);
		if (!Objects.equals(head.isEmpty() ? null : head.get(0), previous)) {
			return new AuditVerification(false, checked, null,
					"the last event is not the one the trail's head records: events at the end were removed");
		}
		return new AuditVerification(true, checked, null, null);
	}

	private static String hash(Instant at, String event, String actor, String address, String channel, String subject,
			String detail, String previous) {
		return FieldDigest.sha256(at.toString(), event, actor, address, channel, subject, detail, previous);
	}

	/** Text as recorded: control characters gone (a forged user id cannot fake a line), cut to length. */
	static String clean(String text, int max) {
		if (text == null) {
			return null;
		}
		String plain = CONTROL.matcher(text).replaceAll("?");
		return plain.length() <= max ? plain : plain.substring(0, max - 1) + "…";
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		String event = rs.getString("event");
		String label;
		try {
			label = AuditEventType.valueOf(event).label();
		}
		catch (IllegalArgumentException unknown) {
			label = event;
		}
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), event,
				label, rs.getString("actor"), rs.getString("address"), rs.getString("channel"), rs.getString("subject"),
				rs.getString("detail"), rs.getString("hash"), rs.getString("previous_hash"));
	}

}
