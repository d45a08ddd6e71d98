package gov.county.platform.ledger;

import java.time.Instant;
import java.util.Collection;

/**
 * Filters of a ledger search; null means "any". {@code visibleUnits} null means the caller sees every
 * case; otherwise only cases in which one of these units appears.
 */
public record LedgerQuery(String caseNo, String unit, String event, Instant from, Instant to,
		Collection<String> visibleUnits) {
}
