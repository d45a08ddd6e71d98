package gov.county.platform.ledger;

import java.util.List;

/** One page of ledger entries, oldest first. */
public record LedgerPage(List<LedgerEntry> entries, int page, int size, long total) {
}
