package gov.county.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.QueryPlans;

@PlatformIntegrationTest
class LedgerServiceTests {

	@Autowired
	LedgerService ledger;

	@Autowired
	CaseNumberService caseNumbers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	LedgerSeals seals;

	@Test
	void chainsEachCaseAndVerifies() {
		String caseNo = this.caseNumbers.next("TL");
		LedgerEntry filed = this.ledger.append(new LedgerEvent(caseNo, "TestProcess", "FILED", "township-labao",
				"township-labao-clerk", null, "道路破损"));
		LedgerEntry accepted = this.ledger.append(
				new LedgerEvent(caseNo, "TestProcess", "ACCEPTED", "township-labao", "township-labao-clerk", null, null));

		assertThat(filed.seq()).isEqualTo(1);
		assertThat(filed.previousHash()).isNull();
		assertThat(accepted.seq()).isEqualTo(2);
		assertThat(accepted.previousHash()).isEqualTo(filed.hash());
		assertThat(this.ledger.caseHistory(caseNo)).containsExactly(filed, accepted);
		assertThat(this.ledger.verify().ok()).isTrue();
	}

	@Test
	void exportAndVerifyReadTheWholeLedgerPastTheirReadingBlocks() {
		// more entries than two of the blocks verify and export read at a time, all at one instant:
		// the next block must start after the last entry of the one before, ties on the time included
		Instant at = Instant.parse("2019-03-04T05:06:07Z");
		LedgerFixtures.writeAtOneInstant(this.jdbc, this.seals, "TB", 10_000, at);

		List<LedgerEntry> exported = new ArrayList<>();
		this.ledger.export(new LedgerQuery(null, null, null, at, at.plusMillis(1), null), exported::add);

		assertThat(exported).hasSize(10_000);
		assertThat(exported).extracting(LedgerEntry::id).isSorted().doesNotHaveDuplicates();
		assertThat(exported).allMatch(entry -> entry.caseNo().startsWith("TB-") && entry.at().equals(at));
		List<Long> everything = new ArrayList<>();
		this.ledger.export(new LedgerQuery(null, null, null, null, null, null), entry -> everything.add(entry.id()));
		assertThat(everything).doesNotHaveDuplicates()
			.hasSize(this.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Integer.class));
		LedgerVerification verification = this.ledger.verify();
		assertThat(verification.ok()).as(verification.problem()).isTrue();
		assertThat(verification.entriesChecked())
			.isEqualTo(this.jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry", Long.class));
	}

	@Test
	void rolledBackTransactionLeavesNoEntry() {
		String caseNo = "TL-ROLLBACK-1";
		this.transaction.executeWithoutResult(status -> {
			this.ledger.append(new LedgerEvent(caseNo, "TestProcess", "FILED", null, "system", null, null));
			status.setRollbackOnly();
		});
		assertThat(this.ledger.caseHistory(caseNo)).isEmpty();
	}

	@Test
	void refusesAnEntryWithoutEvent() {
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.ledger.append(new LedgerEvent("TL-X", "P", " ", null, "system", null, null)))
			.hasMessageContaining("event");
	}

	@Test
	void caseNumbersAreUniqueAndGapFreeUnderConcurrency() throws Exception {
		int threads = 8;
		int perThread = 25;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Callable<List<String>>> work = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			work.add(() -> {
				List<String> mine = new ArrayList<>();
				for (int i = 0; i < perThread; i++) {
					mine.add(this.transaction.execute(status -> this.caseNumbers.next("TC")));
				}
				return mine;
			});
		}
		List<String> all = new ArrayList<>();
		for (Future<List<String>> result : pool.invokeAll(work)) {
			all.addAll(result.get());
		}
		pool.shutdown();

		int year = Year.now(ZoneId.of("Asia/Shanghai")).getValue();
		assertThat(all).hasSize(threads * perThread).allMatch(n -> n.matches("TC-" + year + "-\\d{6}"));
		gov.county.platform.support.CaseNumberAssertions.assertUniqueAndGapFree(all);
	}

	@Test
	void rolledBackCaseNumberIsNotSkipped() {
		String before = this.caseNumbers.next("TR");
		this.transaction.executeWithoutResult(status -> {
			this.caseNumbers.next("TR");
			status.setRollbackOnly();
		});
		String after = this.caseNumbers.next("TR");
		assertThat(Integer.parseInt(after.substring(8))).isEqualTo(Integer.parseInt(before.substring(8)) + 1);
	}

	/**
	 * An auditor's verify while cards are being worked: entries appended during the check must not
	 * make a sound chain look broken (the entries and the chain heads are read as of one moment).
	 */
	@Test
	void verifyWhileEntriesAreAppendedReportsNoFalseBreak() throws Exception {
		String caseNo = this.caseNumbers.next("TL");
		// no unit: the entries stay out of every unit clerk's ledger pages that other tests read
		this.ledger.append(new LedgerEvent(caseNo, "TestProcess", "FILED", null, "system", null, null));
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger appended = new AtomicInteger();
		ExecutorService writer = Executors.newSingleThreadExecutor();
		Future<?> appending = writer.submit(() -> {
			while (!stop.get() && appended.get() < 400) {
				this.ledger.append(new LedgerEvent(caseNo, "TestProcess", "URGED", null, "system", null,
						"urge " + appended.get()));
				appended.incrementAndGet();
				Thread.sleep(2);
			}
			return null;
		});
		int appendedDuringChecks = 0;
		try {
			for (int i = 0; i < 30; i++) {
				int before = appended.get();
				LedgerVerification check = this.ledger.verify();
				appendedDuringChecks += appended.get() - before;
				assertThat(check.ok()).as("verify %d during appends: %s", i, check.problem()).isTrue();
			}
		}
		finally {
			stop.set(true);
			writer.shutdown();
		}
		appending.get();
		// the check reads a snapshot: it neither waits for the work going on nor holds it up
		assertThat(appendedDuringChecks).as("entries appended while a verify ran").isPositive();
		assertThat(this.ledger.verify().ok()).isTrue();
	}


	/**
	 * A unit's clerk sees every entry of every case their unit appears in, including the entries other
	 * units wrote, and nothing of other cases; the page's total counts exactly those, each case once
	 * however many of the clerk's units it names, with the other filters applied.
	 */
	@Test
	void aUnitsPagesShowAndCountEveryEntryOfItsCasesAndNothingElse() {
		String nonce = Long.toString(System.nanoTime(), 36);
		String labao = "test-a-" + nonce;
		String housing = "test-b-" + nonce;
		String other = "test-o-" + nonce;
		String a = this.caseNumbers.next("TV");
		String b = this.caseNumbers.next("TV");
		String both = this.caseNumbers.next("TV");
		String neither = this.caseNumbers.next("TV");
		List<LedgerEntry> written = new ArrayList<>();
		for (String[] e : new String[][] { { a, "FILED", labao }, { a, "HANDED_UP", other }, { b, "FILED", other },
				{ both, "FILED", labao }, { neither, "FILED", other }, { b, "DISPATCHED", housing },
				{ a, "URGED", other }, { both, "DISPATCHED", housing }, { b, "CLOSED", other }, { a, "FILED", null },
				{ neither, "URGED", labao + "x" } }) {
			written.add(this.ledger.append(new LedgerEvent(e[0], "TestProcess", e[1], e[2], "system", null, null)));
		}

		assertPage(new LedgerQuery(null, null, null, null, null, List.of(labao)), written, a, both);
		assertPage(new LedgerQuery(null, null, null, null, null, List.of(housing)), written, b, both);
		assertPage(new LedgerQuery(null, null, null, null, null, List.of(labao, housing, labao)), written, a, b, both);
		assertPage(new LedgerQuery(null, null, "FILED", null, null, List.of(labao)), written.stream()
			.filter(e -> e.event().equals("FILED"))
			.toList(), a, both);
		assertPage(new LedgerQuery(null, other, null, null, null, List.of(labao, housing)), written.stream()
			.filter(e -> other.equals(e.unit()))
			.toList(), a, b);
		assertPage(new LedgerQuery(a, null, null, null, null, List.of(labao)), written, a);
		assertPage(new LedgerQuery(b, null, null, null, null, List.of(labao)), written);
		Instant after = written.get(written.size() - 1).at().plusSeconds(1);
		assertPage(new LedgerQuery(null, null, null, after, null, List.of(labao)), List.of());
		assertPage(new LedgerQuery(null, null, null, null, null, List.of("test-none-" + nonce)), written);
		assertPage(new LedgerQuery(null, null, null, null, null, List.of()), written);
	}

	/** Pages through the query two entries at a time: the entries of these cases, oldest first, counted. */
	private void assertPage(LedgerQuery query, List<LedgerEntry> candidates, String... cases) {
		List<LedgerEntry> expected = candidates.stream().filter(e -> List.of(cases).contains(e.caseNo())).toList();
		List<LedgerEntry> seen = new ArrayList<>();
		for (int page = 0; page <= expected.size() / 2; page++) {
			LedgerPage found = this.ledger.search(query, page, 2);
			assertThat(found.total()).as("total of %s", query).isEqualTo(expected.size());
			seen.addAll(found.entries());
		}
		assertThat(seen).as("entries of %s", query).containsExactlyElementsOf(expected);
		List<LedgerEntry> exported = new ArrayList<>();
		this.ledger.export(query, exported::add);
		assertThat(exported).as("export of %s", query).containsExactlyElementsOf(expected);
	}

	/**
	 * An auditor's page of one unit's or one event's entries, or both, reads them along their index up
	 * to the page's end: a unit's ledger only grows. So does the export, block by block.
	 */
	@Test
	void aPageOfAUnitsOrAnEventsEntriesReadsAlongTheirIndexUpToThePagesEnd() {
		String nonce = Long.toString(System.nanoTime(), 36);
		List<String> units = List.of("test-p-" + nonce, "test-q-" + nonce, "test-r-" + nonce);
		String unit = units.get(0);
		this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			LedgerFixtures.write(this.jdbc, this.seals, "TP", 15_000, units);
			boolean h2 = !QueryPlans.onPostgres(this.jdbc);
			Map<LedgerQuery, List<Long>> oldestFirst = new LinkedHashMap<>();
			oldestFirst.put(new LedgerQuery(null, unit, "URGED", null, null, null), ids("unit = ? AND event = ?", unit,
					"URGED"));
			oldestFirst.put(new LedgerQuery(null, unit, null, null, null, null), ids("unit = ?", unit));
			oldestFirst.put(new LedgerQuery(null, null, "URGED", null, null, null), ids("event = ?", "URGED"));
			oldestFirst.forEach((query, expected) -> {
				assertThat(expected).as("entries of %s", query).hasSizeGreaterThan(400);
				assertThat(this.ledger.search(query, 1, 20).entries()).extracting(LedgerEntry::id)
					.as("page 2 of %s", query)
					.containsExactlyElementsOf(expected.subList(20, 40));
				List<Long> exported = new ArrayList<>();
				this.ledger.export(query, e -> exported.add(e.id()));
				assertThat(exported).as("export of %s", query).containsExactlyElementsOf(expected);
				if (h2) {
					LedgerService.Sql page = LedgerService.pageStatement(query, 1, 20);
					String plan = QueryPlans.explainAnalyze(this.jdbc, page.text(), page.args().toArray());
					List<Long> read = QueryPlans.h2RowsRead(plan);
					assertThat(read).as(plan).isNotEmpty();
					assertThat(read.get(0)).as(plan).isLessThanOrEqualTo(2 * 20 + 1);
					assertThat(plan).as(plan).contains("index sorted");
				}
			});
		});
	}

	/** The ids of the entries matching {@code condition}, oldest first. */
	private List<Long> ids(String condition, Object... args) {
		return this.jdbc.queryForList("SELECT id FROM ledger_entry WHERE " + condition + " ORDER BY occurred_at, id",
				Long.class, args);
	}

	/** A unit's export past its reading blocks: every entry of the unit's cases, oldest first, once. */
	@Test
	void aUnitsExportReadsAllItsCasesEntriesPastTheReadingBlocks() {
		String nonce = Long.toString(System.nanoTime(), 36);
		List<String> units = List.of("test-x-" + nonce, "test-y-" + nonce, "test-z-" + nonce);
		LedgerFixtures.write(this.jdbc, this.seals, "TE", 15_000, units);
		record Row(long id, String unit, String event, Instant at) {
		}
		List<Row> rows = this.jdbc.query("SELECT id, unit, event, occurred_at FROM ledger_entry WHERE case_no LIKE 'TE-%'",
				(rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class).toInstant()));
		Comparator<Row> oldestFirst = Comparator.comparing(Row::at).thenComparing(Row::id);

		List<Long> expected = rows.stream().filter(r -> r.unit().equals(units.get(0))).sorted(oldestFirst)
			.map(Row::id).toList();
		List<Long> exported = new ArrayList<>();
		this.ledger.export(new LedgerQuery(null, null, null, null, null, List.of(units.get(0))),
				e -> exported.add(e.id()));
		assertThat(expected).hasSizeGreaterThan(4096);
		assertThat(exported).containsExactlyElementsOf(expected);

		List<Long> urged = rows.stream().filter(r -> !r.unit().equals(units.get(2)) && r.event().equals("URGED"))
			.sorted(oldestFirst).map(Row::id).toList();
		List<Long> exportedUrged = new ArrayList<>();
		this.ledger.export(new LedgerQuery(null, null, "URGED", null, null, units.subList(0, 2)),
				e -> exportedUrged.add(e.id()));
		assertThat(exportedUrged).isNotEmpty().containsExactlyElementsOf(urged);
	}

}
