package gov.county.platform.ledger;

import java.time.Clock;
import java.time.Year;
import java.util.regex.Pattern;

import gov.county.platform.calendar.CalendarProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Case numbers such as {@code HD-2026-000042}: sequential per prefix and year in the county's zone.
 * The counter row is taken in the caller's transaction, so numbers are unique across nodes and a
 * number whose case rolled back was never issued: the sequence has no gaps.
 */
@Service
public class CaseNumberService {

	private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,8}");

	private final JdbcTemplate jdbc;

	private final TransactionTemplate separateTransaction;

	private final Clock clock;

	public CaseNumberService(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
			CalendarProperties calendar) {
		this.jdbc = jdbc;
		this.separateTransaction = new TransactionTemplate(transactionManager);
		this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = Clock.system(calendar.zone());
	}

	/** The next case number of this prefix and the current year, e.g. {@code HD-2026-000001}. */
	@Transactional(propagation = Propagation.REQUIRED)
	public String next(String prefix) {
		return next(prefix, 6);
	}

	/** The next number with {@code digits} digits: {@code next("MY", 2)} gives {@code MY-2026-01}. */
	@Transactional(propagation = Propagation.REQUIRED)
	public String next(String prefix, int digits) {
		if (prefix == null || !PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("case number prefix must be 2-8 capital letters, was " + prefix);
		}
		int year = Year.now(this.clock).getValue();
		ensureCounter(prefix, year);
		this.jdbc.update("UPDATE case_number_counter SET last_value = last_value + 1 WHERE prefix = ? AND case_year = ?",
				prefix, year);
		Long value = this.jdbc.queryForObject(
				"SELECT last_value FROM case_number_counter WHERE prefix = ? AND case_year = ?", Long.class, prefix,
				year);
		String number = String.valueOf(value);
		if (number.length() > digits) {
			throw new IllegalStateException("case numbers " + prefix + "-" + year + " are exhausted at " + digits
					+ " digits");
		}
		return prefix + "-" + year + "-" + "0".repeat(digits - number.length()) + number;
	}

	/** Creates the year's counter in its own short transaction; two nodes racing both end up with it. */
	private void ensureCounter(String prefix, int year) {
		Integer exists = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM case_number_counter WHERE prefix = ? AND case_year = ?", Integer.class, prefix,
				year);
		if (exists != null && exists > 0) {
			return;
		}
		try {
			this.separateTransaction.executeWithoutResult(status -> this.jdbc.update(
					"INSERT INTO case_number_counter (prefix, case_year, last_value) VALUES (?, ?, 0)", prefix, year));
		}
		catch (DuplicateKeyException raced) {
			// another transaction created it first: that is all we needed
		}
	}

}
