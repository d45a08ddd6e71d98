package gov.county.platform.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals entries as their transaction commits: just before the commit, it takes the end of the
 * sealed sequence ({@code ledger_global}, locked until the commit), numbers the transaction's
 * entries after it and seals each with the current key. The lock is held for the last moments of
 * the commit only, so transactions that write the ledger run side by side until then; the numbers
 * are gap-free and in commit order, and a transaction that rolls back takes its numbers with it.
 */
@Component
public class LedgerSeals {

	/** An entry written in this transaction, to be sealed at its commit. */
	record Unsealed(long id, String hash) {
	}

	private static final Logger log = LoggerFactory.getLogger(LedgerSeals.class);

	/** Entries sealed at a time when the platform seals an earlier release's ledger. */
	static final int BATCH = 5000;

	private final JdbcTemplate jdbc;

	private final LedgerKeys keys;

	private final TransactionTemplate transaction;

	private final Set<String> lostKeys;

	@Autowired
	LedgerSeals(JdbcTemplate jdbc, LedgerKeys keys, PlatformTransactionManager transactions,
			@Value("${platform.ledger.lost-keys:}") Set<String> lostKeys) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.transaction = new TransactionTemplate(transactions);
		this.lostKeys = lostKeys;
	}

	LedgerSeals(JdbcTemplate jdbc, LedgerKeys keys, PlatformTransactionManager transactions) {
		this(jdbc, keys, transactions, Set.of());
	}

	/** Seals the entry when the current transaction commits. */
	void sealAtCommit(long id, String hash) {
		Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			pending = new Pending();
			TransactionSynchronizationManager.bindResource(this, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		pending.entries.add(new Unsealed(id, hash));
	}

	private final class Pending implements TransactionSynchronization {

		final List<Unsealed> entries = new ArrayList<>();

		@Override
		public void beforeCommit(boolean readOnly) {
			seal(this.entries);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(LedgerSeals.this);
		}

	}

	/** Numbers and seals {@code entries} after the end of the sealed sequence, in the current transaction. */
	void seal(List<Unsealed> entries) {
		if (!entries.isEmpty()) {
			sealAfter(lockEnd(), entries);
		}
	}

	/** The end of the sealed sequence, locked until the current transaction ends. */
	private Map<String, Object> lockEnd() {
		return this.jdbc.queryForMap("SELECT last_seq, last_seal, last_key FROM ledger_global WHERE id = 1 FOR UPDATE");
	}

	private void sealAfter(Map<String, Object> end, List<Unsealed> entries) {
		long seq = ((Number) end.get("last_seq")).longValue();
		String previous = (String) end.get("last_seal");
		checkHeld((String) end.get("last_key"));
		LedgerKeys.Key key = this.keys.current();
		List<Object[]> rows = new ArrayList<>(entries.size());
		for (Unsealed entry : entries) {
			seq++;
			previous = key.seal(seq, entry.hash(), previous);
			rows.add(new Object[] { seq, previous, key.id(), entry.id() });
		}
		this.jdbc.batchUpdate("UPDATE ledger_entry SET global_seq = ?, seal = ?, seal_key = ? WHERE id = ?", rows);
		this.jdbc.update("UPDATE ledger_global SET last_seq = ?, last_seal = ?, last_key = ? WHERE id = 1", seq, previous,
				key.id());
	}

	/**
	 * Refuses to seal after a seal made with a key this node does not hold: its key file is not the
	 * county's (a node started with a file of its own, or a lost file replaced by a new one), and
	 * what it sealed would not verify anywhere. A key the operator declared lost is let through.
	 */
	private void checkHeld(String lastKey) {
		if (lastKey != null && this.keys.find(lastKey).isEmpty() && !this.lostKeys.contains(lastKey)) {
			throw new IllegalStateException("The ledger's latest entry is sealed with key " + lastKey + ", which this "
					+ "node's key file " + this.keys.file() + " does not hold: give this node the county's ledger key "
					+ "file (PLATFORM_LEDGER_KEY_FILE, the same on every node). Only if that key is lost for good, "
					+ "declare it with PLATFORM_LEDGER_LOST_KEYS=" + lastKey + " (docs/security.md)");
		}
	}

	/** The ledger's identity and the end of its sealed sequence, as stored. */
	public record End(String ledgerId, long lastSeq, String lastSeal) {
	}

	End end() {
		return this.jdbc.queryForObject("SELECT ledger_id, last_seq, last_seal FROM ledger_global WHERE id = 1",
				(rs, row) -> new End(rs.getString(1), rs.getLong(2), rs.getString(3)));
	}

	/** At every start, first thing after the engine: the sealed sequence exists (a new ledger gets its identity). */
	@Order(11)
	@EventListener(ApplicationStartedEvent.class)
	void startTheSequence() {
		try {
			this.jdbc.update("INSERT INTO ledger_global (id, ledger_id, last_seq, last_seal) SELECT 1, ?, 0, NULL "
					+ "WHERE NOT EXISTS (SELECT 1 FROM ledger_global WHERE id = 1)", UUID.randomUUID().toString());
		}
		catch (DuplicateKeyException raced) {
			// another node created it first
		}
		// a node without the county's key does not start, rather than fail every write
		checkHeld(this.jdbc.queryForObject("SELECT last_key FROM ledger_global WHERE id = 1", String.class));
	}

	/**
	 * Entries an earlier release wrote without seals are sealed, oldest first: after the steps that
	 * bring an earlier release's entries up to date (their owners, their personal data), since a
	 * sealed entry is never changed.
	 */
	@Order(16)
	@EventListener(ApplicationStartedEvent.class)
	void sealEarlierEntries() {
		sealUnsealed();
	}

	/** Seals every entry without a seal, oldest first, a batch a transaction; how many. */
	public int sealUnsealed() {
		int sealed = 0;
		int batch;
		do {
			batch = this.transaction.execute(status -> {
				// under the lock, so that two nodes never seal the same entries twice
				Map<String, Object> end = lockEnd();
				List<Unsealed> unsealed = this.jdbc.query("SELECT id, hash FROM ledger_entry WHERE global_seq IS NULL "
						+ "ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY", (rs, row) -> new Unsealed(rs.getLong(1),
								rs.getString(2)));
				if (!unsealed.isEmpty()) {
					sealAfter(end, unsealed);
				}
				return unsealed.size();
			});
			sealed += batch;
		}
		while (batch == BATCH);
		if (sealed > 0) {
			log.info("Sealed {} ledger entries written without a seal (an earlier release's) with key {}", sealed,
						this.keys.current().id());
		}
		return sealed;
	}

}
