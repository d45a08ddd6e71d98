package gov.county.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.ledger.LedgerVerification.Finding;

/**
 * An insider with the database but not the key tries to rewrite the ledger, directly in its
 * tables: each change is made in a transaction that verify then checks and that is rolled back.
 * Every kind is found and named: an edited, back-dated, deleted, inserted or reordered entry, a case
 * cut short (its head moved back with it), a whole case deleted, entries removed from the end after
 * a checkpoint, a rewritten checkpoint, and chains recomputed with a key that is not the ledger's.
 */
@PlatformIntegrationTest
class LedgerTamperingTests {

	@Autowired
	LedgerService ledger;

	@Autowired
	LedgerCheckpoints checkpoints;

	@Autowired
	LedgerKeys keys;

	@Autowired
	LedgerSeals seals;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	CaseNumberService caseNumbers;

	@Value("${platform.ledger.checkpoint-dir}")
	Path checkpointDir;

	@Value("${platform.ledger.key-file}")
	Path keyFile;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	private String caseNo;

	private List<LedgerEntry> entries;

	@BeforeEach
	void aCaseOfFourEntries() {
		this.caseNo = this.caseNumbers.next("TT");
		this.entries = new ArrayList<>();
		for (String event : List.of("FILED", "ACCEPTED", "HANDLED", "CLOSED")) {
			this.entries.add(this.ledger.append(new LedgerEvent(this.caseNo, "TestProcess", event, "dept-housing",
					"dept-housing-clerk", null, event + " amount 100")));
		}
		assertThat(this.ledger.verify().ok()).isTrue();
	}

	@Test
	void anEditedEntryIsFound() {
		LedgerEntry handled = this.entries.get(2);
		assertBroken(jdbc -> jdbc.update("UPDATE ledger_entry SET detail = 'HANDLED amount 900' WHERE id = ?",
				handled.id()), handled, Finding.ALTERED, "altered");
		assertBroken(jdbc -> jdbc.update("UPDATE ledger_entry SET actor = 'someone-else' WHERE id = ?", handled.id()),
				handled, Finding.ALTERED, "altered");
	}

	@Test
	void aBackDatedEntryIsFound() {
		LedgerEntry handled = this.entries.get(2);
		assertBroken(jdbc -> jdbc.update("UPDATE ledger_entry SET occurred_at = ? WHERE id = ?",
				handled.at().minusSeconds(86_400 * 3).atOffset(java.time.ZoneOffset.UTC), handled.id()), handled, Finding.ALTERED, "altered");
	}

	@Test
	void anEditWithTheHashesRecomputedIsFoundByItsSeal() {
		// the insider recomputes the case's whole SHA-256 chain after the edit, as the old ledger allowed
		LedgerEntry handled = this.entries.get(2);
		assertBroken(jdbc -> rechain(jdbc, 3, "HANDLED amount 900"), handled, Finding.SEAL, "seal");
	}

	@Test
	void aDeletedEntryIsFound() {
		LedgerEntry accepted = this.entries.get(1);
		assertBroken(jdbc -> jdbc.update("DELETE FROM ledger_entry WHERE id = ?", accepted.id()), this.entries.get(2),
				Finding.DELETED, "missing");
	}

	@Test
	void aCaseCutShortWithItsHeadMovedBackIsFound() {
		LedgerEntry closed = this.entries.get(3);
		LedgerEntry handled = this.entries.get(2);
		assertBroken(jdbc -> {
			jdbc.update("DELETE FROM ledger_entry WHERE id = ?", closed.id());
			jdbc.update("UPDATE ledger_case_head SET last_seq = 3, last_hash = ? WHERE case_no = ?", handled.hash(),
					this.caseNo);
		}, null, Finding.DELETED, "missing");
	}

	@Test
	void aWholeDeletedCaseIsFound() {
		assertBroken(jdbc -> {
			jdbc.update("DELETE FROM ledger_entry WHERE case_no = ?", this.caseNo);
			jdbc.update("DELETE FROM ledger_case_head WHERE case_no = ?", this.caseNo);
		}, null, Finding.DELETED, "missing");
	}

	@Test
	void anInsertedEntryIsFound() {
		LedgerEntry closed = this.entries.get(3);
		assertBroken(jdbc -> {
			String hash = LedgerHash.of(this.caseNo, 5, "TestProcess", "REOPENED", "dept-housing", "system", closed.at(),
					null, "forged", closed.hash());
			jdbc.update("INSERT INTO ledger_entry (case_no, seq, process_key, event, unit, actor, occurred_at, detail, "
					+ "previous_hash, hash, global_seq, seal, seal_key) VALUES (?, 5, 'TestProcess', 'REOPENED', "
					+ "'dept-housing', 'system', ?, 'forged', ?, ?, ?, ?, ?)", this.caseNo,
					closed.at().atOffset(java.time.ZoneOffset.UTC), closed.hash(), hash, lastGlobal(jdbc) + 1,
					"0".repeat(64), this.keys.current().id());
			jdbc.update("UPDATE ledger_case_head SET last_seq = 5, last_hash = ? WHERE case_no = ?", hash, this.caseNo);
			jdbc.update("UPDATE ledger_global SET last_seq = last_seq + 1, last_seal = ? WHERE id = 1", "0".repeat(64));
		}, null, Finding.SEAL, "seal");
		assertBroken(jdbc -> jdbc.update("INSERT INTO ledger_entry (case_no, seq, process_key, event, actor, occurred_at, "
				+ "hash) VALUES ('TT-FORGED', 1, 'TestProcess', 'FILED', 'system', CURRENT_TIMESTAMP, ?)", "1".repeat(64)),
				null, Finding.UNSEALED, "no seal");
	}

	@Test
	void reorderedEntriesAreFound() {
		LedgerEntry accepted = this.entries.get(1);
		LedgerEntry handled = this.entries.get(2);
		assertBroken(jdbc -> {
			long first = global(jdbc, accepted.id());
			long second = global(jdbc, handled.id());
			jdbc.update("UPDATE ledger_entry SET global_seq = -1 WHERE id = ?", accepted.id());
			jdbc.update("UPDATE ledger_entry SET global_seq = ? WHERE id = ?", first, handled.id());
			jdbc.update("UPDATE ledger_entry SET global_seq = ? WHERE id = ?", second, accepted.id());
		}, null, Finding.SEAL, "seal");
	}

	@Test
	void entriesRemovedFromTheEndAfterACheckpointAreFoundByIt() {
		assertThat(this.checkpoints.write()).isNotNull();
		LedgerEntry closed = this.entries.get(3);
		LedgerEntry handled = this.entries.get(2);
		assertBroken(jdbc -> {
			long global = global(jdbc, closed.id());
			String sealBefore = jdbc.queryForObject("SELECT seal FROM ledger_entry WHERE global_seq = ?", String.class,
					global - 1);
			jdbc.update("DELETE FROM ledger_entry WHERE id = ?", closed.id());
			jdbc.update("UPDATE ledger_case_head SET last_seq = 3, last_hash = ? WHERE case_no = ?", handled.hash(),
					this.caseNo);
			jdbc.update("UPDATE ledger_global SET last_seq = ?, last_seal = ? WHERE id = 1", global - 1, sealBefore);
		}, null, Finding.CHECKPOINT, "checkpoint");
	}

	/**
	 * While entries of an earlier release wait for their seals, the cases' heads run ahead of the
	 * sealed sequence: a checkpoint then would record cases the sequence does not yet hold, and
	 * verify would find them missing for good. The checkpoint waits until they are sealed.
	 */
	@Test
	void aCheckpointWaitsUntilEarlierEntriesAreSealed() {
		String earlier = this.caseNumbers.next("TT");
		String hash = LedgerHash.of(earlier, 1, "TestProcess", "FILED", null, "system",
				java.time.Instant.parse("2025-06-01T02:00:00Z"), null, "earlier", null);
		this.jdbc.update("INSERT INTO ledger_entry (case_no, seq, process_key, event, actor, occurred_at, detail, hash) "
				+ "VALUES (?, 1, 'TestProcess', 'FILED', 'system', ?, 'earlier', ?)", earlier,
				java.time.OffsetDateTime.parse("2025-06-01T02:00:00Z"), hash);
		this.jdbc.update("INSERT INTO ledger_case_head (case_no, last_seq, last_hash) VALUES (?, 1, ?)", earlier, hash);
		try {
			assertThat(this.checkpoints.write()).as("a checkpoint while an entry waits for its seal").isNull();
		}
		finally {
			assertThat(this.seals.sealUnsealed()).isEqualTo(1);
		}
		LedgerCheckpoints.Checkpoint written = this.checkpoints.write();
		assertThat(written).isNotNull();
		assertThat(written.heads()).extracting(LedgerCheckpoints.Head::caseNo).contains(earlier);
		LedgerVerification verification = this.ledger.verify();
		assertThat(verification.ok()).as(verification.problem()).isTrue();
	}

	@Test
	void aRewrittenCheckpointIsFound() throws IOException {
		LedgerCheckpoints.Checkpoint written = this.checkpoints.write();
		assertThat(written).isNotNull();
		Path file = latestCheckpointFile();
		List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		String last = lines.get(lines.size() - 1);
		try {
			lines.set(lines.size() - 1, last.replace("\"cases\":" + written.cases(), "\"cases\":" + (written.cases() - 1)));
			Files.write(file, lines, StandardCharsets.UTF_8);
			LedgerVerification verification = this.ledger.verify();
			assertThat(verification.ok()).isFalse();
			assertThat(verification.problem()).contains("checkpoint").contains("altered");
			assertThat(verification.finding()).isEqualTo(Finding.CHECKPOINT_ALTERED.label());
		}
		finally {
			lines.set(lines.size() - 1, last);
			Files.write(file, lines, StandardCharsets.UTF_8);
		}
		LedgerVerification verification = this.ledger.verify();
		assertThat(verification.ok()).as(verification.problem()).isTrue();
		assertThat(verification.checkpointsChecked()).isPositive();
	}

	@Test
	void chainsResealedWithAnotherKeyAreFound() {
		LedgerKeys.Key stranger = new LedgerKeys.Key(Base64.getDecoder().decode(
				"c3RyYW5nZXIncyBrZXksIG5vdCB0aGUgbGVkZ2VyJ3M="));
		LedgerEntry handled = this.entries.get(2);
		assertBroken(jdbc -> {
			rechain(jdbc, 3, "HANDLED amount 900");
			// every seal from the edited entry on, recomputed with a key that is not the file's
			List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, hash, global_seq FROM ledger_entry "
					+ "WHERE global_seq >= ? ORDER BY global_seq", global(jdbc, handled.id()));
			String previous = jdbc.queryForObject("SELECT seal FROM ledger_entry WHERE global_seq = ?", String.class,
					global(jdbc, handled.id()) - 1);
			for (Map<String, Object> row : rows) {
				previous = stranger.seal(((Number) row.get("global_seq")).longValue(), (String) row.get("hash"), previous);
				jdbc.update("UPDATE ledger_entry SET seal = ?, seal_key = ? WHERE id = ?", previous,
						this.keys.current().id(), row.get("id"));
			}
			jdbc.update("UPDATE ledger_global SET last_seal = ? WHERE id = 1", previous);
		}, handled, Finding.SEAL, "seal");
	}

	@Test
	void aRotatedKeySealsNewEntriesWhileEntriesSealedBeforeStillVerify(@org.junit.jupiter.api.io.TempDir Path dir)
			throws IOException {
		// the operator puts a new key first in the key file, keeping the old ones below it
		Path rotatedFile = dir.resolve("ledger.keys");
		String newKey = Base64.getEncoder().encodeToString("a new key for the ledger, 32 byte".getBytes(StandardCharsets.UTF_8));
		Files.writeString(rotatedFile, newKey + "\n" + Files.readString(this.keyFile, StandardCharsets.UTF_8));
		LedgerKeys rotated = new LedgerKeys(rotatedFile);
		assertThat(rotated.current().id()).isNotEqualTo(this.keys.current().id());
		assertThat(rotated.find(this.keys.current().id())).isPresent();
		LedgerVerifier verifier = new LedgerVerifier(this.jdbc, rotated, this.checkpoints, this.transactions);
		Path newKeyOnly = dir.resolve("new-only.keys");
		Files.writeString(newKeyOnly, newKey + "\n");
		LedgerVerifier withoutTheOldKey = new LedgerVerifier(this.jdbc, new LedgerKeys(newKeyOnly), this.checkpoints,
				this.transactions);

		this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			LedgerEntry reopened = this.ledger.append(new LedgerEvent(this.caseNo, "TestProcess", "REOPENED",
					"dept-housing", "system", null, "sealed with the new key"));
			new LedgerSeals(this.jdbc, rotated, this.transactions).sealUnsealed();
			assertThat(this.jdbc.queryForObject("SELECT seal_key FROM ledger_entry WHERE id = ?", String.class,
					reopened.id())).isEqualTo(rotated.current().id());

			LedgerVerification both = verifier.verify();
			assertThat(both.ok()).as(both.problem()).isTrue();
			LedgerVerification oldKeyGone = withoutTheOldKey.verify();
			assertThat(oldKeyGone.ok()).isFalse();
			assertThat(oldKeyGone.problem()).contains("key " + this.keys.current().id()).contains("does not hold");
		});
	}

	@Test
	void aNodeWithAKeyFileOfItsOwnRefusesToSealAfterTheCountysKey(@org.junit.jupiter.api.io.TempDir Path dir)
			throws IOException {
		// a node started without the county's key file writes one with a new key of its own
		LedgerKeys own = new LedgerKeys(dir.resolve("missing").resolve("ledger.keys"));
		assertThat(own.current().id()).isNotEqualTo(this.keys.current().id());
		LedgerSeals node = new LedgerSeals(this.jdbc, own, this.transactions);
		this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			LedgerEntry entry = this.ledger.append(new LedgerEvent(this.caseNo, "TestProcess", "REOPENED", "dept-housing",
					"system", null, "sealed by a stranger"));
			org.assertj.core.api.Assertions.assertThatIllegalStateException()
				.isThrownBy(() -> node.seal(List.of(new LedgerSeals.Unsealed(entry.id(), entry.hash()))))
				.withMessageContaining("sealed with key " + this.keys.current().id())
				.withMessageContaining("PLATFORM_LEDGER_KEY_FILE");
			org.assertj.core.api.Assertions.assertThatIllegalStateException()
				.as("nor does such a node start")
				.isThrownBy(node::startTheSequence)
				.withMessageContaining("does not hold");
			// only when the operator declares the county's key lost does it seal after it
			new LedgerSeals(this.jdbc, own, this.transactions, java.util.Set.of(this.keys.current().id()))
				.seal(List.of(new LedgerSeals.Unsealed(entry.id(), entry.hash())));
			assertThat(this.jdbc.queryForObject("SELECT seal_key FROM ledger_entry WHERE id = ?", String.class,
					entry.id())).isEqualTo(own.current().id());
		});
	}

	@Test
	void anEarlierReleasesUnsealedEntriesAreSealedOnceAndThenVerify() {
		this.transaction.executeWithoutResult(status -> {
			status.setRollbackOnly();
			String legacy = "TT-EARLIER-" + System.nanoTime();
			String previous = null;
			java.time.Instant at = java.time.Instant.parse("2025-06-01T02:00:00Z");
			for (int seq = 1; seq <= 3; seq++) {
				String hash = LedgerHash.of(legacy, seq, "TestProcess", "FILED", null, "system", at, null, "earlier " + seq,
						previous);
				this.jdbc.update("INSERT INTO ledger_entry (case_no, seq, process_key, event, actor, occurred_at, detail, "
						+ "previous_hash, hash) VALUES (?, ?, 'TestProcess', 'FILED', 'system', ?, ?, ?, ?)", legacy, seq,
						at.atOffset(java.time.ZoneOffset.UTC), "earlier " + seq, previous, hash);
				previous = hash;
			}
			this.jdbc.update("INSERT INTO ledger_case_head (case_no, last_seq, last_hash) VALUES (?, 3, ?)", legacy,
					previous);
			LedgerVerification unsealed = this.ledger.verify();
			assertThat(unsealed.ok()).isFalse();
			assertThat(unsealed.problem()).contains("carries no seal");

			assertThat(this.seals.sealUnsealed()).isEqualTo(3);
			LedgerVerification sealed = this.ledger.verify();
			assertThat(sealed.ok()).as(sealed.problem()).isTrue();
			assertThat(this.seals.sealUnsealed()).as("once").isZero();
		});
	}

	/** Recomputes the case's SHA-256 chain from entry {@code seq} with a new detail there, as an insider could. */
	private void rechain(JdbcTemplate jdbc, int seq, String detail) {
		String previous = this.entries.get(seq - 2).hash();
		for (LedgerEntry entry : this.entries.subList(seq - 1, this.entries.size())) {
			String text = entry.seq() == seq ? detail : entry.detail();
			String hash = LedgerHash.of(entry.caseNo(), entry.seq(), entry.process(), entry.event(), entry.unit(),
					entry.actor(), entry.at(), entry.dueAt(), text, previous);
			jdbc.update("UPDATE ledger_entry SET detail = ?, previous_hash = ?, hash = ? WHERE id = ?", text, previous,
					hash, entry.id());
			previous = hash;
		}
		jdbc.update("UPDATE ledger_case_head SET last_hash = ? WHERE case_no = ?", previous, this.caseNo);
	}

	/** Verify's answer to the ledger with {@code tamper} applied, which is then rolled back. */
	private void assertBroken(Consumer<JdbcTemplate> tamper, LedgerEntry firstBroken, Finding finding, String named) {
		LedgerVerification verification = this.transaction.execute(status -> {
			status.setRollbackOnly();
			tamper.accept(this.jdbc);
			return this.ledger.verify();
		});
		assertThat(verification.ok()).as("tampered, and verify says ok").isFalse();
		assertThat(verification.problem()).containsIgnoringCase(named);
		assertThat(verification.finding()).as("what an auditor reads first").isEqualTo(finding.label());
		if (firstBroken != null) {
			assertThat(verification.firstBroken()).isNotNull();
			assertThat(verification.firstBroken().id()).isEqualTo(firstBroken.id());
		}
		LedgerVerification after = this.ledger.verify();
		assertThat(after.ok()).as("rolled back: " + after.problem()).isTrue();
	}

	private static long global(JdbcTemplate jdbc, long id) {
		return jdbc.queryForObject("SELECT global_seq FROM ledger_entry WHERE id = ?", Long.class, id);
	}

	private static long lastGlobal(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT last_seq FROM ledger_global WHERE id = 1", Long.class);
	}

	private Path latestCheckpointFile() throws IOException {
		try (var files = Files.list(this.checkpointDir)) {
			return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().reduce((a, b) -> b).orElseThrow();
		}
	}

}
