package gov.county.platform.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.engine.RunningInstance;

/**
 * The ledger (台账). Entries are only ever inserted: there is no update or delete path. Each entry is
 * written through the engine's DataSource in the caller's transaction, so an engine rollback takes
 * the entry with it; a row lock on the case's chain head keeps each case's chain linear across nodes.
 */
@Service
public class LedgerService {

	static final int MAX_DETAIL = 20_000;

	private static final String COLUMNS = "id, case_no, seq, process_key, event, unit, actor, occurred_at, due_at, "
			+ "detail, hash, previous_hash";

	private static final RowMapper<LedgerEntry> ENTRY = LedgerService::mapEntry;

	private final JdbcTemplate jdbc;

	private final LedgerSeals seals;

	private final LedgerVerifier verifier;

	public LedgerService(JdbcTemplate jdbc, LedgerSeals seals, LedgerVerifier verifier) {
		this.jdbc = jdbc;
		this.seals = seals;
		this.verifier = verifier;
	}

	/**
	 * Appends one entry to its case's chain, in the current transaction (a new one if none). When a
	 * process step writes it, the step's process instance must own the case: the instance that filed
	 * it (recorded with the case's first entry). Another instance carrying the case's number as its
	 * business key is refused, and with it the whole step.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public LedgerEntry append(LedgerEvent event) {
		return append(event, true);
	}

	/**
	 * Appends a note to a case that another case refers to (the earlier card a duplicate was merged
	 * into): written by the referring case's instance, so the owner is not asked.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public LedgerEntry appendToRelatedCase(LedgerEvent event) {
		return append(event, false);
	}

	private LedgerEntry append(LedgerEvent event, boolean ownerOnly) {
		requireText(event.caseNo(), "caseNo", 32);
		requireText(event.process(), "process", 64);
		requireText(event.event(), "event", 40);
		requireText(event.actor(), "actor", 64);
		if (event.unit() != null && event.unit().length() > 64) {
			throw new IllegalArgumentException("ledger unit is longer than 64 characters: " + event.unit());
		}
		if (event.detail() != null && event.detail().length() > MAX_DETAIL) {
			throw new IllegalArgumentException("ledger detail is longer than " + MAX_DETAIL + " characters");
		}
		Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant dueAt = event.dueAt() == null ? null : event.dueAt().truncatedTo(ChronoUnit.MILLIS);
		String writer = RunningInstance.id().orElse(null);

		List<Head> head = this.jdbc.query(
				"SELECT last_seq, last_hash, process_instance_id FROM ledger_case_head WHERE case_no = ? FOR UPDATE",
				(rs, i) -> new Head(rs.getInt(1), rs.getString(2), rs.getString(3)), event.caseNo());
		if (ownerOnly && !head.isEmpty() && writer != null && !writer.equals(head.get(0).owner())) {
			throw new AuthorizationException("案件 " + event.caseNo() + " 的台账只能由立案的流程实例写入。 The ledger of case "
					+ event.caseNo() + " belongs to process instance " + head.get(0).owner() + "; instance " + writer
					+ " may not write " + event.event() + " to it.");
		}
		int seq = head.isEmpty() ? 1 : head.get(0).seq() + 1;
		String previousHash = head.isEmpty() ? null : head.get(0).hash();
		String hash = LedgerHash.of(event.caseNo(), seq, event.process(), event.event(), event.unit(), event.actor(),
				at, dueAt, event.detail(), previousHash);
		if (head.isEmpty()) {
			this.jdbc.update(
					"INSERT INTO ledger_case_head (case_no, last_seq, last_hash, process_instance_id) VALUES (?, ?, ?, ?)",
					event.caseNo(), seq, hash, writer);
		}
		else {
			this.jdbc.update("UPDATE ledger_case_head SET last_seq = ?, last_hash = ? WHERE case_no = ?", seq, hash,
					event.caseNo());
		}
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		Object[] values = { event.caseNo(), seq, event.process(), event.event(), event.unit(), event.actor(),
				timestamp(at), timestamp(dueAt), event.detail(), previousHash, hash };
		this.jdbc.update(con -> {
			PreparedStatement insert = con.prepareStatement("INSERT INTO ledger_entry (case_no, seq, process_key, "
					+ "event, unit, actor, occurred_at, due_at, detail, previous_hash, hash) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] { "id" });
			for (int i = 0; i < values.length; i++) {
				insert.setObject(i + 1, values[i]);
			}
			return insert;
		}, key);
		long id = Objects.requireNonNull(key.getKey()).longValue();
		this.seals.sealAtCommit(id, hash);
		return new LedgerEntry(id, event.caseNo(), seq, event.process(), event.event(),
				event.unit(), event.actor(), at, dueAt, event.detail(), hash, previousHash);
	}

	/** An entry whose detail was masked: its hash before and after, and how many entries were sealed again. */
	public record Resealed(String hashBefore, String hashAfter, int entriesResealed) {
	}

	/**
	 * Replaces what an earlier release wrote into an entry's detail that the ledger must not hold (a
	 * submitter's e-mail address or telephone number), and chains the case again from that entry on,
	 * so that it still verifies. Only for the platform's own upgrade steps, which run before the
	 * earlier release's entries are sealed (a sealed entry is never changed), each recorded in the
	 * audit trail with the hashes before and after.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public Resealed redactDetail(String caseNo, int seq, String detail) {
		lockCase(caseNo);
		List<LedgerEntry> chain = caseHistory(caseNo);
		if (seq < 1 || seq > chain.size()) {
			throw new IllegalArgumentException("case " + caseNo + " has no entry " + seq);
		}
		Integer sealed = this.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE case_no = ? AND seq >= ? "
				+ "AND global_seq IS NOT NULL", Integer.class, caseNo, seq);
		if (sealed != null && sealed > 0) {
			throw new IllegalStateException("case " + caseNo + " is sealed from entry " + seq
					+ " on: a sealed entry is never changed");
		}
		String previous = seq == 1 ? null : chain.get(seq - 2).hash();
		String before = chain.get(seq - 1).hash();
		String after = null;
		for (LedgerEntry e : chain.subList(seq - 1, chain.size())) {
			String text = e.seq() == seq ? detail : e.detail();
			String hash = LedgerHash.of(e.caseNo(), e.seq(), e.process(), e.event(), e.unit(), e.actor(), e.at(), e.dueAt(),
					text, previous);
			this.jdbc.update("UPDATE ledger_entry SET detail = ?, previous_hash = ?, hash = ? WHERE id = ?", text, previous,
					hash, e.id());
			if (e.seq() == seq) {
				after = hash;
			}
			previous = hash;
		}
		this.jdbc.update("UPDATE ledger_case_head SET last_hash = ? WHERE case_no = ?", previous, caseNo);
		return new Resealed(before, after, chain.size() - seq + 1);
	}

	/** A case's chain head: its last entry and the process instance that owns the case. */
	private record Head(int seq, String hash, String owner) {
	}

	/** The process instance that filed the case and owns it, when the case exists and has one recorded. */
	@Transactional(readOnly = true)
	public Optional<String> owner(String caseNo) {
		return this.jdbc
			.queryForList("SELECT process_instance_id FROM ledger_case_head WHERE case_no = ?", String.class, caseNo)
			.stream()
			.filter(Objects::nonNull)
			.findFirst();
	}

	/**
	 * Locks the case's chain until the current transaction ends, so that a check ("is this already
	 * recorded?") and the append that follows it are one step across nodes. A case without entries
	 * has nothing to lock; its first append is made unique by the chain head's primary key.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockCase(String caseNo) {
		this.jdbc.query("SELECT last_seq FROM ledger_case_head WHERE case_no = ? FOR UPDATE", rs -> {
		}, caseNo);
	}

	/** The whole chain of one case, oldest first. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> caseHistory(String caseNo) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry WHERE case_no = ? ORDER BY seq", ENTRY,
				caseNo);
	}

	@Transactional(readOnly = true)
	public LedgerPage search(LedgerQuery query, int page, int size) {
		Where where = where(query);
		Long total = this.jdbc.queryForObject(where.countSql(), Long.class, where.args().toArray());
		Sql entries = pageStatement(query, page, size);
		return new LedgerPage(this.jdbc.query(entries.text(), ENTRY, entries.args().toArray()), page, size,
				total == null ? 0 : total);
	}

	/** A statement's SQL with its arguments. */
	record Sql(String text, List<Object> args) {
	}

	/** The statement that reads a page of the entries matching the query, oldest first. */
	static Sql pageStatement(LedgerQuery query, int page, int size) {
		Where where = where(query);
		List<Object> args = new ArrayList<>(where.args());
		args.add(size);
		args.add((long) page * size);
		return new Sql("SELECT " + COLUMNS + " FROM ledger_entry e" + where.sql() + where.order()
				+ " LIMIT ? OFFSET ?", args);
	}

	/**
	 * Streams every entry matching the query, oldest first, without holding them all in memory: block
	 * by block, each starting after the last entry of the one before (occurred_at, id), all read as of
	 * one moment (see {@link #verify}). One statement for the whole table would make H2 copy the
	 * entire result to a temporary file before the first row.
	 */
	@Transactional(readOnly = true, isolation = Isolation.SERIALIZABLE)
	public void export(LedgerQuery query, Consumer<LedgerEntry> sink) {
		Where where = where(query);
		if (where.visibleUnits() != null) {
			exportCases(where, sink);
			return;
		}
		String first = "SELECT " + COLUMNS + " FROM ledger_entry e" + where.sql() + where.order() + " LIMIT ?";
		String next = "SELECT " + COLUMNS + " FROM ledger_entry e" + (where.sql().isEmpty() ? " WHERE" : where.sql() + " AND")
				+ " e.occurred_at >= ? AND (e.occurred_at > ? OR e.id > ?)" + where.order() + " LIMIT ?";
		List<LedgerEntry> block = null;
		do {
			List<Object> args = new ArrayList<>(where.args());
			if (block != null) {
				LedgerEntry last = block.get(block.size() - 1);
				args.addAll(List.of(timestamp(last.at()), timestamp(last.at()), last.id()));
			}
			args.add(READ_BLOCK);
			block = this.jdbc.query(block == null ? first : next, ENTRY, args.toArray());
			block.forEach(sink);
		}
		while (block.size() == READ_BLOCK);
	}

	/**
	 * The export of a caller who sees only some units' cases: first the ids of the matching entries,
	 * in order, read from the units' cases' entries; then the entries, block by block by id. Blocks
	 * read along the time, as {@link #export} reads the whole ledger, pass over the whole ledger to
	 * find the units' share of it: on PostgreSQL, a township's 62,526 of a million entries took 4.9 s
	 * that way and 1.1 s this way.
	 */
	private void exportCases(Where where, Consumer<LedgerEntry> sink) {
		LongStream.Builder matching = LongStream.builder();
		this.jdbc.query("SELECT e.id FROM ledger_entry e" + where.sqlOverCases() + " ORDER BY e.occurred_at, e.id",
				(RowCallbackHandler) rs -> matching.add(rs.getLong(1)), where.args().toArray());
		long[] ids = matching.build().toArray();
		for (int from = 0; from < ids.length; from += READ_BLOCK) {
			long[] block = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + READ_BLOCK));
			Map<Long, LedgerEntry> read = new HashMap<>();
			this.jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry e WHERE e.id IN (" + placeholders(block.length)
					+ ")", ENTRY, LongStream.of(block).boxed().toArray()).forEach(entry -> read.put(entry.id(), entry));
			for (long id : block) {
				// the transaction reads one snapshot: an entry listed a moment ago is there
				sink.accept(Objects.requireNonNull(read.get(id), () -> "ledger entry " + id + " vanished during an export"));
			}
		}
	}

	/** Checks every entry, every case's chain and the sealed sequence over all of them: {@link LedgerVerifier}. */
	public LedgerVerification verify() {
		return this.verifier.verify();
	}

	/** Rows per statement when verify and export read the whole ledger. */
	private static final int READ_BLOCK = 4096;

	/**
	 * A search's conditions on {@code ledger_entry e}: the filters asked for (each starting with " AND")
	 * with their arguments, whether they name one case, and the units whose cases the caller may see
	 * (null: every case); and the order of its entries, oldest first.
	 * <p>
	 * The order names the unit and the event first when they are asked for. They are fixed then, so
	 * the order is the same, but H2 reads along an index in a query's order, and stops at the end of
	 * the page or block, only when the order names the index's columns from its first
	 * (ix_ledger_unit_event, ix_ledger_unit, ix_ledger_event); otherwise it read all of the unit's or
	 * the event's entries and sorted them. PostgreSQL drops the fixed columns from the order itself.
	 */
	private record Where(String filters, List<Object> filterArgs, boolean oneCase, Collection<String> visibleUnits,
			String order) {

		/**
		 * The WHERE clause, or "" when there is no condition. The caller's cases are asked with EXISTS:
		 * H2 then reads a page along ix_ledger_occurred and stops at its end, where IN made it fetch
		 * and sort every entry of the cases; PostgreSQL plans both alike.
		 */
		String sql() {
			return clause("EXISTS (SELECT 1 FROM ledger_entry v WHERE v.case_no = e.case_no AND v.unit IN (%s))");
		}

		/** The same conditions, the caller's cases as a list: read for all their entries, not for a page. */
		String sqlOverCases() {
			return clause("e.case_no IN (SELECT v.case_no FROM ledger_entry v WHERE v.unit IN (%s))");
		}

		private String clause(String visibility) {
			String conditions = this.filters;
			if (this.visibleUnits != null) {
				conditions += " AND " + (this.visibleUnits.isEmpty() ? "1 = 0"
						: visibility.formatted(placeholders(this.visibleUnits.size())));
			}
			return conditions.isEmpty() ? "" : " WHERE" + conditions.substring(4);
		}

		List<Object> args() {
			List<Object> args = new ArrayList<>(this.filterArgs);
			if (this.visibleUnits != null) {
				args.addAll(this.visibleUnits);
			}
			return args;
		}

		/**
		 * The number of matching entries, with {@link #args()}. For a caller who sees only some units'
		 * cases, and no one case asked for, it is counted case by case: each case the units appear in
		 * (along ix_ledger_unit_case) counts its own matching entries (along uq_ledger_case_seq). That
		 * costs in proportion to the units' cases; one count over the ledger joined to them read the
		 * whole ledger on PostgreSQL, whose planner expected eight times as many cases as there were.
		 */
		String countSql() {
			if (this.visibleUnits == null || this.visibleUnits.isEmpty() || this.oneCase) {
				return "SELECT COUNT(*) FROM ledger_entry e" + sql();
			}
			return "SELECT COALESCE(SUM((SELECT COUNT(*) FROM ledger_entry e WHERE e.case_no = c.case_no"
					+ this.filters + ")), 0) FROM (SELECT DISTINCT v.case_no FROM ledger_entry v WHERE v.unit IN ("
					+ placeholders(this.visibleUnits.size()) + ")) c";
		}

	}

	private static String placeholders(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

	private static Where where(LedgerQuery q) {
		StringBuilder sql = new StringBuilder();
		List<Object> args = new ArrayList<>();
		if (q.caseNo() != null) {
			sql.append(" AND e.case_no = ?");
			args.add(q.caseNo());
		}
		if (q.unit() != null) {
			sql.append(" AND e.unit = ?");
			args.add(q.unit());
		}
		if (q.event() != null) {
			sql.append(" AND e.event = ?");
			args.add(q.event());
		}
		if (q.from() != null) {
			sql.append(" AND e.occurred_at >= ?");
			args.add(timestamp(q.from()));
		}
		if (q.to() != null) {
			sql.append(" AND e.occurred_at < ?");
			args.add(timestamp(q.to()));
		}
		String fixed = (q.unit() != null ? "e.unit, " : "") + (q.event() != null ? "e.event, " : "");
		return new Where(sql.toString(), args, q.caseNo() != null, q.visibleUnits(),
				" ORDER BY " + fixed + "e.occurred_at, e.id");
	}

	private static void requireText(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("ledger " + field + " is missing");
		}
		if (value.length() > max) {
			throw new IllegalArgumentException("ledger " + field + " is longer than " + max + " characters: " + value);
		}
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static LedgerEntry mapEntry(ResultSet rs, int row) throws SQLException {
		return new LedgerEntry(rs.getLong("id"), rs.getString("case_no"), rs.getInt("seq"), rs.getString("process_key"),
				rs.getString("event"), rs.getString("unit"), rs.getString("actor"), instant(rs, "occurred_at"),
				instant(rs, "due_at"), rs.getString("detail"), rs.getString("hash"), rs.getString("previous_hash"));
	}

}
