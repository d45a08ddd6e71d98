package gov.county.platform.ledger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies one case's chain, for the case view's "Verify" button: each entry's hash over its fields
 * and the one before, the chain's head, and each entry's keyed seal over its place in the global
 * sequence (with the seal before it). The whole ledger's verify ({@code /api/ledger/verify}) also
 * finds cases deleted whole and checks the checkpoints.
 */
@Service
public class CaseChainCheck {

	/** What the check found: ok, or the first entry at fault and what is wrong with it. */
	public record Result(String caseNo, boolean ok, int entriesChecked, Integer firstBrokenSeq, String finding,
			String problem) {
	}

	private final JdbcTemplate jdbc;

	private final LedgerService ledger;

	private final LedgerKeys keys;

	public CaseChainCheck(JdbcTemplate jdbc, LedgerService ledger, LedgerKeys keys) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.keys = keys;
	}

	@Transactional(readOnly = true)
	public Result check(String caseNo) {
		List<LedgerEntry> chain = this.ledger.caseHistory(caseNo);
		String previous = null;
		int expectedSeq = 1;
		for (LedgerEntry e : chain) {
			if (e.seq() != expectedSeq) {
				return broken(caseNo, chain, e, LedgerVerification.Finding.DELETED,
						"entry " + expectedSeq + " is missing: the chain jumps to " + e.seq());
			}
			if (!LedgerHash.of(e).equals(e.hash())) {
				return broken(caseNo, chain, e, LedgerVerification.Finding.ALTERED,
						"entry " + e.seq() + " does not hash to what is stored: its content was changed");
			}
			if (!Objects.equals(e.previousHash(), previous)) {
				return broken(caseNo, chain, e, LedgerVerification.Finding.CHAIN,
						"entry " + e.seq() + " does not follow the entry before it");
			}
			Broken seal = sealProblem(e);
			if (seal != null) {
				return broken(caseNo, chain, e, seal.finding(), seal.problem());
			}
			previous = e.hash();
			expectedSeq++;
		}
		List<Map<String, Object>> head = this.jdbc.queryForList(
				"SELECT last_seq, last_hash FROM ledger_case_head WHERE case_no = ?", caseNo);
		if (!chain.isEmpty() && (head.isEmpty() || ((Number) head.get(0).get("last_seq")).intValue() != chain.size()
				|| !Objects.equals(head.get(0).get("last_hash"), previous))) {
			return broken(caseNo, chain, chain.get(chain.size() - 1), LedgerVerification.Finding.HEAD,
					"the case's head does not name its last entry: entries at its end were removed or replaced");
		}
		return new Result(caseNo, true, chain.size(), null, null, null);
	}

	private record Broken(LedgerVerification.Finding finding, String problem) {
	}

	private Broken sealProblem(LedgerEntry e) {
		List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT global_seq, seal, seal_key, (SELECT p.seal "
				+ "FROM ledger_entry p WHERE p.global_seq = l.global_seq - 1) AS previous_seal FROM ledger_entry l "
				+ "WHERE l.id = ?", e.id());
		if (rows.isEmpty() || rows.get(0).get("global_seq") == null) {
			return new Broken(LedgerVerification.Finding.UNSEALED, "entry " + e.seq() + " carries no seal");
		}
		Map<String, Object> row = rows.get(0);
		long globalSeq = ((Number) row.get("global_seq")).longValue();
		String keyId = (String) row.get("seal_key");
		LedgerKeys.Key key = this.keys.find(keyId).orElse(null);
		if (key == null) {
			return new Broken(LedgerVerification.Finding.KEY_NOT_HELD,
					"entry " + e.seq() + " is sealed with key " + keyId + ", which this node does not hold");
		}
		String expected = key.seal(globalSeq, e.hash(), (String) row.get("previous_seal"));
		return expected.equals(row.get("seal")) ? null
				: new Broken(LedgerVerification.Finding.SEAL, "entry " + e.seq() + " does not carry the seal of its place");
	}

	private static Result broken(String caseNo, List<LedgerEntry> chain, LedgerEntry at,
			LedgerVerification.Finding finding, String problem) {
		return new Result(caseNo, false, chain.size(), at.seq(), finding.label(), problem);
	}

}
