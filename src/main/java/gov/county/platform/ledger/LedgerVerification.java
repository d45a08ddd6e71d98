package gov.county.platform.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of checking every hash chain: {@code ok}, how many entries were checked, and when not
 * ok the first broken entry (lowest id) with what is wrong with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerVerification(boolean ok, long entriesChecked, LedgerEntry firstBroken, String problem) {
}
