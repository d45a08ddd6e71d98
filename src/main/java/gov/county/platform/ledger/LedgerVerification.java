package gov.county.platform.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of checking the ledger: {@code ok}, how many entries were checked, how many checkpoints
 * written outside the database it was held against, and when not ok what kind of tampering was
 * found ({@code finding}, in Chinese with English beside it), what exactly ({@code problem}) and the
 * first broken entry (the lowest in the sealed sequence) when the problem is an entry's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerVerification(boolean ok, long entriesChecked, LedgerEntry firstBroken, String finding,
		String problem, Integer checkpointsChecked) {

	/** The kinds of tampering verify tells apart, as an auditor reads them. */
	public enum Finding {

		ALTERED("条目内容被改动", "an entry's content was changed"),
		SEAL("条目与其位置的封印不符：被改动、插入或移动", "an entry does not carry the seal of its place: changed, inserted or moved"),
		KEY_NOT_HELD("条目的封印密钥不在密钥文件中", "an entry is sealed with a key the key file does not hold"),
		DELETED("条目或整个案件被删除", "entries or whole cases were deleted"),
		CHAIN("案件的条目链断开", "a case's chain of entries is broken"),
		HEAD("案件链头与其最后条目不符：案件被截短", "a case's chain head does not match its last entry: the case was cut short"),
		CHECKPOINT("台账与库外检查点不符", "the ledger differs from a checkpoint kept outside the database"),
		CHECKPOINT_ALTERED("库外检查点被改动", "a checkpoint kept outside the database was altered"),
		UNSEALED("条目没有封印：不是平台写入的", "an entry carries no seal: the platform did not write it");

		private final String chinese;

		private final String english;

		Finding(String chinese, String english) {
			this.chinese = chinese;
			this.english = english;
		}

		/** As the API shows it: Chinese, then English in brackets. */
		public String label() {
			return this.chinese + " (" + this.english + ")";
		}

	}

	static LedgerVerification intact(long entriesChecked, int checkpointsChecked) {
		return new LedgerVerification(true, entriesChecked, null, null, null, checkpointsChecked);
	}

	static LedgerVerification broken(long entriesChecked, LedgerEntry firstBroken, Finding finding, String problem,
			int checkpointsChecked) {
		return new LedgerVerification(false, entriesChecked, firstBroken, finding.label(), problem, checkpointsChecked);
	}

}
