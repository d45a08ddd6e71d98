package gov.county.platform.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.ledger.LedgerVerification.Finding;

/**
 * Checks the whole ledger: that every entry is whole (its hash), in its place in its case's chain
 * (each links to the one before, numbers without gaps) and in the sealed sequence over all cases
 * (numbers without gaps up to the sequence's end, each sealed with a key of the key file after the
 * seal before it), that every case's head is where its chain ends, and that the ledger agrees with
 * every checkpoint written outside the database. An entry changed, back-dated, deleted, inserted or
 * moved, a case cut short or deleted, a head moved back, entries removed from the end: each is found
 * and named, with the first broken entry.
 * <p>
 * The sealed sequence up to its end, read first, no longer changes (entries are only appended
 * after it), so its ranges are read and checked side by side on as many connections as there are
 * processors, each in its own transaction.
 */
@Component
public class LedgerVerifier {

	static final int BLOCK = 8192;

	/** Below this many entries a range is not worth a thread of its own. */
	static final int SMALLEST_RANGE = 25_000;

	private static final String COLUMNS = "id, case_no, seq, process_key, event, unit, actor, occurred_at, due_at, "
			+ "detail, hash, previous_hash, global_seq, seal, seal_key";

	private final JdbcTemplate jdbc;

	private final LedgerKeys keys;

	private final LedgerCheckpoints checkpoints;

	private final TransactionTemplate readOnly;

	LedgerVerifier(JdbcTemplate jdbc, LedgerKeys keys, LedgerCheckpoints checkpoints,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.checkpoints = checkpoints;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** An entry as stored, with its place in the sealed sequence. */
	record Stored(LedgerEntry entry, long globalSeq, String seal, String sealKey) {
	}

	/** A problem found at a place of the sealed sequence (the lowest is reported). */
	record Problem(long globalSeq, LedgerEntry entry, LedgerVerification.Finding finding, String text) {
	}

	/** A case as one range saw it: its first and last entries there, and where in the sequence. */
	record CaseSpan(int firstSeq, String firstPrevious, long firstId, int lastSeq, String lastHash, long lastId,
			long firstGlobal, long lastGlobal) {
	}

	/** What one range found. */
	static final class Range {

		final long from;

		final long to;

		long checked;

		String lastSeal;

		final Map<String, CaseSpan> cases = new HashMap<>();

		final List<Problem> problems = new ArrayList<>();

		final Map<Long, String> sealsAt = new HashMap<>();

		final Map<String, String> headsSeen = new HashMap<>();

		Range(long from, long to) {
			this.from = from;
			this.to = to;
		}

	}

	public LedgerVerification verify() {
		LedgerSeals.End end = this.jdbc.queryForObject("SELECT ledger_id, last_seq, last_seal FROM ledger_global WHERE id = 1",
				(rs, row) -> new LedgerSeals.End(rs.getString(1), rs.getLong(2), rs.getString(3)));
		LedgerCheckpoints.Read read = this.checkpoints.read(end.ledgerId());
		Map<Long, List<LedgerCheckpoints.Checkpoint>> checkpointAt = new HashMap<>();
		Map<String, String> checkpointHeads = new HashMap<>();
		Map<String, java.util.Set<Integer>> checkpointSeqsByCase = new HashMap<>();
		for (LedgerCheckpoints.Checkpoint checkpoint : read.checkpoints()) {
			checkpointAt.computeIfAbsent(checkpoint.globalSeq(), seq -> new ArrayList<>()).add(checkpoint);
			for (LedgerCheckpoints.Head head : checkpoint.heads()) {
				checkpointHeads.put(head.caseNo() + "#" + head.seq(), head.hash());
				checkpointSeqsByCase.computeIfAbsent(head.caseNo(), caseNo -> new java.util.HashSet<>()).add(head.seq());
			}
		}

		List<Range> ranges = check(end.lastSeq(), new Anchors(checkpointAt.keySet(), checkpointSeqsByCase));
		List<Problem> problems = new ArrayList<>();
		read.problems().forEach(text -> problems.add(new Problem(Long.MIN_VALUE, null, Finding.CHECKPOINT_ALTERED, text)));
		long checked = 0;
		Map<String, CaseSpan> cases = new HashMap<>();
		Map<Long, String> sealsAt = new HashMap<>();
		Map<String, String> headsSeen = new HashMap<>();
		String previousSeal = null;
		for (Range range : ranges) {
			checked += range.checked;
			problems.addAll(range.problems);
			sealsAt.putAll(range.sealsAt);
			headsSeen.putAll(range.headsSeen);
			join(range, previousSeal, cases, problems);
			previousSeal = range.lastSeal != null ? range.lastSeal : previousSeal;
		}
		if (end.lastSeq() > 0 && !Objects.equals(previousSeal, end.lastSeal())) {
			problems.add(new Problem(end.lastSeq(), null, Finding.DELETED, "the sealed sequence should end at global entry "
					+ end.lastSeq() + " with the seal its end records, but its last entry carries another: entries at "
					+ "its end were removed or replaced"));
		}
		checkCheckpoints(read.checkpoints(), end.lastSeq(), sealsAt, checkpointHeads, headsSeen, cases, problems);
		checkUnsealed(problems);
		checkHeads(cases, problems);
		Problem first = problems.stream().min(Comparator.comparingLong(Problem::globalSeq)).orElse(null);
		return first == null ? LedgerVerification.intact(checked, read.checkpoints().size())
				: LedgerVerification.broken(checked, first.entry(), first.finding(), first.text(), read.checkpoints().size());
	}

	/**
	 * Reads and checks the sealed sequence 1..{@code last}, in ranges side by side; in one range when
	 * called inside a transaction, which then checks what that transaction sees.
	 */
	private List<Range> check(long last, Anchors anchors) {
		int parts = TransactionSynchronizationManager.isActualTransactionActive() ? 1
				: (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), last / SMALLEST_RANGE));
		List<Range> ranges = new ArrayList<>();
		long size = (last + parts - 1) / Math.max(1, parts);
		for (long from = 1; from <= last; from += size) {
			ranges.add(new Range(from, Math.min(last, from + size - 1)));
		}
		if (ranges.size() <= 1) {
			ranges.forEach(range -> read(range, anchors, true));
			return ranges;
		}
		ExecutorService pool = Executors.newFixedThreadPool(ranges.size());
		try {
			List<Future<?>> running = new ArrayList<>();
			for (Range range : ranges) {
				running.add(pool.submit(() -> read(range, anchors, false)));
			}
			for (Future<?> part : running) {
				part.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while verifying the ledger", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a part of the ledger could not be read: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		finally {
			pool.shutdown();
		}
		return ranges;
	}

	/** Where the checkpoints anchor the ledger: the global entries they sealed, and the case entries they recorded as heads. */
	record Anchors(java.util.Set<Long> globalSeqs, Map<String, java.util.Set<Integer>> headsByCase) {
	}

	/**
	 * Checks one range's entries, block by block, in one transaction of its own; hashing each block on
	 * all processors when the range is {@code alone} (otherwise the ranges already use them all).
	 */
	private void read(Range range, Anchors anchors, boolean alone) {
		this.readOnly.executeWithoutResult(status -> {
			long expected = range.from;
			String previousSeal = range.from == 1 ? null : sealOf(range.from - 1);
			long after = range.from - 1;
			List<Stored> block;
			do {
				block = this.jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry WHERE global_seq > ? AND global_seq <= ? "
						+ "ORDER BY global_seq FETCH FIRST " + BLOCK + " ROWS ONLY", LedgerVerifier::map, after, range.to);
				boolean[] whole = new boolean[block.size()];
				String[] seals = new String[block.size()];
				List<Stored> rows = block;
				String firstPrevious = previousSeal;
				java.util.stream.IntStream indexes = java.util.stream.IntStream.range(0, rows.size());
				(alone ? indexes.parallel() : indexes).forEach(i -> {
					Stored row = rows.get(i);
					whole[i] = LedgerHash.of(row.entry()).equals(row.entry().hash());
					String before = i == 0 ? firstPrevious : rows.get(i - 1).seal();
					LedgerKeys.Key key = this.keys.find(row.sealKey()).orElse(null);
					seals[i] = key == null ? null : key.seal(row.globalSeq(), row.entry().hash(), before);
				});
				for (int i = 0; i < rows.size(); i++) {
					Stored row = rows.get(i);
					LedgerEntry entry = row.entry();
					range.checked++;
					if (row.globalSeq() != expected) {
						range.problems.add(new Problem(row.globalSeq(), entry, Finding.DELETED, "global entries " + expected + " to "
								+ (row.globalSeq() - 1) + " are missing before entry " + entry.seq() + " of case "
								+ entry.caseNo() + ": entries, or whole cases, were deleted"));
					}
					else if (!whole[i]) {
						range.problems.add(new Problem(row.globalSeq(), entry, Finding.ALTERED, "entry " + entry.seq() + " of case "
								+ entry.caseNo() + " was altered: its content no longer matches its hash"));
					}
					else if (seals[i] == null) {
						range.problems.add(new Problem(row.globalSeq(), entry, Finding.KEY_NOT_HELD, "entry " + entry.seq() + " of case "
								+ entry.caseNo() + " is sealed with key " + row.sealKey()
								+ ", which the key file does not hold"));
					}
					else if (!seals[i].equals(row.seal())) {
						range.problems.add(new Problem(row.globalSeq(), entry, Finding.SEAL, "entry " + entry.seq() + " of case "
								+ entry.caseNo() + " does not carry the seal of its place (global entry " + row.globalSeq()
								+ "): it was changed, inserted or moved, or the entries around it were"));
					}
					expected = row.globalSeq() + 1;
					link(range, row);
					if (anchors.globalSeqs().contains(row.globalSeq())) {
						range.sealsAt.put(row.globalSeq(), row.seal());
					}
					java.util.Set<Integer> heads = anchors.headsByCase().get(entry.caseNo());
					if (heads != null && heads.contains(entry.seq())) {
						range.headsSeen.put(entry.caseNo() + "#" + entry.seq(), entry.hash());
					}
				}
				if (!rows.isEmpty()) {
					previousSeal = rows.get(rows.size() - 1).seal();
					after = rows.get(rows.size() - 1).globalSeq();
					range.lastSeal = previousSeal;
				}
			}
			while (block.size() == BLOCK);
			if (expected <= range.to) {
				range.problems.add(new Problem(expected, null, Finding.DELETED, "global entries " + expected + " to " + range.to
						+ " are missing: entries at the end of the ledger were deleted"));
			}
		});
	}

	/** The case's chain within the range: each entry follows the one before it. */
	private static void link(Range range, Stored row) {
		LedgerEntry entry = row.entry();
		CaseSpan span = range.cases.get(entry.caseNo());
		if (span == null) {
			range.cases.put(entry.caseNo(), new CaseSpan(entry.seq(), entry.previousHash(), entry.id(), entry.seq(),
					entry.hash(), entry.id(), row.globalSeq(), row.globalSeq()));
			return;
		}
		if (entry.seq() != span.lastSeq() + 1) {
			range.problems.add(new Problem(row.globalSeq(), entry, Finding.CHAIN, "entry " + entry.seq() + " of case " + entry.caseNo()
					+ " follows entry " + span.lastSeq() + ": entries are missing"));
		}
		else if (!Objects.equals(entry.previousHash(), span.lastHash())) {
			range.problems.add(new Problem(row.globalSeq(), entry, Finding.CHAIN, "entry " + entry.seq() + " of case " + entry.caseNo()
					+ " does not link to the hash of the entry before it"));
		}
		range.cases.put(entry.caseNo(), new CaseSpan(span.firstSeq(), span.firstPrevious(), span.firstId(), entry.seq(),
				entry.hash(), entry.id(), span.firstGlobal(), row.globalSeq()));
	}

	/** Joins a range's cases to what the ranges before it saw, and its first seal to their last. */
	private void join(Range range, String previousSeal, Map<String, CaseSpan> cases, List<Problem> problems) {
		range.cases.forEach((caseNo, span) -> {
			CaseSpan before = cases.get(caseNo);
			int lastSeq = before == null ? 0 : before.lastSeq();
			String lastHash = before == null ? null : before.lastHash();
			if (span.firstSeq() != lastSeq + 1) {
				problems.add(new Problem(span.firstGlobal(), entry(span.firstId()), Finding.CHAIN, "entry " + span.firstSeq()
						+ " of case " + caseNo + " follows entry " + lastSeq + ": entries are missing"));
			}
			else if (!Objects.equals(span.firstPrevious(), lastHash)) {
				problems.add(new Problem(span.firstGlobal(), entry(span.firstId()), Finding.CHAIN, "entry " + span.firstSeq()
						+ " of case " + caseNo + " does not link to the hash of the entry before it"));
			}
			cases.put(caseNo, before == null ? span : new CaseSpan(before.firstSeq(), before.firstPrevious(),
					before.firstId(), span.lastSeq(), span.lastHash(), span.lastId(), before.firstGlobal(),
					span.lastGlobal()));
		});
	}

	private void checkCheckpoints(List<LedgerCheckpoints.Checkpoint> checkpoints, long last, Map<Long, String> sealsAt,
			Map<String, String> checkpointHeads, Map<String, String> headsSeen, Map<String, CaseSpan> cases,
			List<Problem> problems) {
		for (LedgerCheckpoints.Checkpoint checkpoint : checkpoints) {
			String at = "the checkpoint of " + checkpoint.at() + " (" + checkpoint.source() + ")";
			if (checkpoint.globalSeq() > last) {
				problems.add(new Problem(last + 1, null, Finding.CHECKPOINT, "the sealed sequence ends at global entry " + last + ", but " + at
						+ " sealed it up to entry " + checkpoint.globalSeq() + ": entries at its end were removed"));
				continue;
			}
			if (!Objects.equals(sealsAt.get(checkpoint.globalSeq()), checkpoint.seal())) {
				problems.add(new Problem(checkpoint.globalSeq(), null, Finding.CHECKPOINT, at + " sealed global entry " + checkpoint.globalSeq()
						+ " with another seal than the ledger's: entries up to it were changed, removed or reordered"));
			}
			long casesThen = cases.values().stream().filter(span -> span.firstGlobal() <= checkpoint.globalSeq()).count();
			if (casesThen != checkpoint.cases()) {
				problems.add(new Problem(checkpoint.globalSeq(), null, Finding.CHECKPOINT, at + " counted " + checkpoint.cases()
						+ " cases, the ledger holds " + casesThen + " up to that point: a case was deleted or added"));
			}
		}
		checkpointHeads.forEach((key, hash) -> {
			if (!hash.equals(headsSeen.get(key))) {
				String[] parts = key.split("#");
				problems.add(new Problem(Long.MAX_VALUE - 1, null, Finding.CHECKPOINT, "a checkpoint recorded case " + parts[0] + " at entry "
						+ parts[1] + (headsSeen.containsKey(key) ? ", which the ledger holds with another hash"
								: ", which the ledger no longer holds: the case was cut short or deleted")));
			}
		});
	}

	/** Committed entries carry a seal: one without was not written by the platform. */
	private void checkUnsealed(List<Problem> problems) {
		List<LedgerEntry> unsealed = this.jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry WHERE global_seq IS NULL "
				+ "ORDER BY id FETCH FIRST 1 ROWS ONLY", (rs, row) -> map(rs, row).entry());
		if (!unsealed.isEmpty()) {
			LedgerEntry entry = unsealed.get(0);
			problems.add(new Problem(Long.MAX_VALUE, entry, Finding.UNSEALED, "entry " + entry.seq() + " of case " + entry.caseNo()
					+ " carries no seal: it was not written by the platform"));
		}
	}

	/** Every case's head is where its chain ends (or beyond, for entries sealed since the check began). */
	private void checkHeads(Map<String, CaseSpan> cases, List<Problem> problems) {
		Map<String, CaseSpan> unheaded = new HashMap<>(cases);
		this.jdbc.query("SELECT case_no, last_seq, last_hash FROM ledger_case_head", (RowCallbackHandler) rs -> {
			String caseNo = rs.getString(1);
			CaseSpan span = unheaded.remove(caseNo);
			if (span == null) {
				return;
			}
			int headSeq = rs.getInt(2);
			if (headSeq < span.lastSeq()) {
				problems.add(new Problem(span.lastGlobal(), entry(span.lastId()), Finding.HEAD, "case " + caseNo + " should end at entry "
						+ headSeq + " but its last entry is " + span.lastSeq() + ": its head was moved back"));
			}
			else if (headSeq == span.lastSeq() && !span.lastHash().equals(rs.getString(3))) {
				problems.add(new Problem(span.lastGlobal(), entry(span.lastId()), Finding.HEAD,
						"the last entry of case " + caseNo + " is not the one its chain head records"));
			}
		});
		unheaded.forEach((caseNo, span) -> problems.add(new Problem(span.lastGlobal(), entry(span.lastId()), Finding.HEAD,
				"case " + caseNo + " has entries but no chain head recording its end")));
	}

	private String sealOf(long globalSeq) {
		List<String> seal = this.jdbc.queryForList("SELECT seal FROM ledger_entry WHERE global_seq = ?", String.class,
				globalSeq);
		return seal.isEmpty() ? null : seal.get(0);
	}

	private LedgerEntry entry(long id) {
		List<Stored> rows = this.jdbc.query("SELECT " + COLUMNS + " FROM ledger_entry WHERE id = ?", LedgerVerifier::map,
				id);
		return rows.isEmpty() ? null : rows.get(0).entry();
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime at = rs.getObject("occurred_at", OffsetDateTime.class);
		OffsetDateTime dueAt = rs.getObject("due_at", OffsetDateTime.class);
		LedgerEntry entry = new LedgerEntry(rs.getLong("id"), rs.getString("case_no"), rs.getInt("seq"),
				rs.getString("process_key"), rs.getString("event"), rs.getString("unit"), rs.getString("actor"),
				at == null ? null : at.toInstant(), dueAt == null ? null : dueAt.toInstant(), rs.getString("detail"),
				rs.getString("hash"), rs.getString("previous_hash"));
		return new Stored(entry, rs.getLong("global_seq"), rs.getString("seal"), rs.getString("seal_key"));
	}

}
