package gov.county.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The digest every ledger entry and audit event already stored was hashed with: it must never
 * change, or no stored chain would verify again.
 */
class FieldDigestTests {

	@Test
	void aRecordHashesAsEntriesStoredByEarlierReleasesWere() {
		// as the implementation before 2026-12-04 computed it, building the whole "length:field|" text first
		assertThat(FieldDigest.sha256("HD-2026-000001", "1", "InteractionCardProcess", "FILED", null, "王某",
				"2026-03-01T01:02:03.456Z", null, "村道路灯不亮 \uD83D\uDE00", null))
			.isEqualTo("839dfeed86e41666d53ee15fce4efc691e5ada4a893f8afbcea651e88873d8ad");
	}

	@Test
	void fieldsCannotBeShiftedIntoOneAnother() {
		assertThat(FieldDigest.sha256("ab", "c")).isNotEqualTo(FieldDigest.sha256("a", "bc"));
		assertThat(FieldDigest.sha256("a|1:b")).isNotEqualTo(FieldDigest.sha256("a", "b"));
		assertThat(FieldDigest.sha256((String) null)).isNotEqualTo(FieldDigest.sha256(""));
	}

}
