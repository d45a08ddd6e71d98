package gov.county.platform.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large, valid ledger written in bulk for benchmarks: whole cases of chained entries with the
 * platform's own hashing, inserted in JDBC batches instead of one transaction per entry, then
 * sealed as the platform seals an earlier release's entries.
 */
public final class LedgerFixtures {

	private static final String[] EVENTS = { "FILED", "ACCEPTED", "CLASSIFIED", "DISPATCHED", "WARNED", "URGED",
			"HANDLED", "FEEDBACK_SENT", "REVIEWED", "ORGANIZED", "EVALUATED", "CLOSED" };

	private LedgerFixtures() {
	}

	/**
	 * Writes {@code entries} entries as cases of {@link #EVENTS} length, numbered {@code prefix-2020-NNNNNN},
	 * spread over {@code units}, oldest in 2020. Returns the number of cases.
	 */
	public static int write(JdbcTemplate jdbc, LedgerSeals seals, String prefix, int entries, List<String> units) {
		Instant base = Instant.parse("2020-01-02T01:00:00Z");
		return write(jdbc, seals, prefix, entries, units, (c, e) -> base.plus((long) c * 37 + e, ChronoUnit.MINUTES));
	}

	/**
	 * Writes {@code entries} entries that name no unit, all at the instant {@code at}: a ledger whose
	 * order by time is decided by the entries' ids alone. Returns the number of cases.
	 */
	public static int writeAtOneInstant(JdbcTemplate jdbc, LedgerSeals seals, String prefix, int entries, Instant at) {
		return write(jdbc, seals, prefix, entries, Collections.singletonList(null), (c, e) -> at);
	}

	/** Writes the entries, then seals them as the platform seals an earlier release's. */
	private static int write(JdbcTemplate jdbc, LedgerSeals seals, String prefix, int entries, List<String> units,
			BiFunction<Integer, Integer, Instant> time) {
		int perCase = EVENTS.length;
		int cases = (entries + perCase - 1) / perCase;
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> heads = new ArrayList<>();
		int written = 0;
		for (int c = 1; c <= cases && written < entries; c++) {
			String caseNo = String.format("%s-2020-%06d", prefix, c);
			String unit = units.get(c % units.size());
			String previous = null;
			int seq = 0;
			for (int e = 0; e < perCase && written < entries; e++) {
				seq = e + 1;
				Instant at = time.apply(c, e);
				Instant dueAt = EVENTS[e].equals("CLASSIFIED") ? at.plus(10, ChronoUnit.DAYS) : null;
				String detail = EVENTS[e] + " of benchmark case " + caseNo;
				String hash = LedgerHash.of(caseNo, seq, "InteractionCardProcess", EVENTS[e], unit, "bench", at, dueAt,
						detail, previous);
				rows.add(new Object[] { caseNo, seq, "InteractionCardProcess", EVENTS[e], unit, "bench",
						at.atOffset(ZoneOffset.UTC), dueAt == null ? null : dueAt.atOffset(ZoneOffset.UTC), detail, previous, hash });
				previous = hash;
				written++;
			}
			heads.add(new Object[] { caseNo, seq, previous });
			if (rows.size() >= 5000) {
				flush(jdbc, rows, heads);
			}
		}
		flush(jdbc, rows, heads);
		seals.sealUnsealed();
		return cases;
	}

	private static void flush(JdbcTemplate jdbc, List<Object[]> rows, List<Object[]> heads) {
		jdbc.batchUpdate("INSERT INTO ledger_entry (case_no, seq, process_key, event, unit, actor, occurred_at, due_at, "
				+ "detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		jdbc.batchUpdate("INSERT INTO ledger_case_head (case_no, last_seq, last_hash) VALUES (?, ?, ?)", heads);
		rows.clear();
		heads.clear();
	}

}
