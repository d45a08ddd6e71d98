package gov.county.platform.cases;

import java.time.Instant;

/**
 * The clock a case runs against now: its number (1 for the first, one more each time it is set
 * again: an extension, a reopening, a new plan deadline), when it is due and when it started.
 * Escalations are recorded once per clock.
 */
public record CaseClock(int no, Instant dueAt, Instant startedAt) {
}
