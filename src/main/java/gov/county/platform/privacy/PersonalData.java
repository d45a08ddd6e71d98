package gov.county.platform.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's personal data (a submitter's name and contact), kept apart from the engine: process
 * variables, the engine's history, Cockpit and the ledger hold only masked values, so that only
 * the platform decides who sees them in full (the units handling the case and the county offices)
 * and the retention job can erase them without touching the case's history or its ledger.
 */
@Service
public class PersonalData {

	/** How a case's personal data is shown to someone. */
	public enum Shown {

		/** in full: a unit handling the case, a county office, or an auditor who asked and was recorded */
		FULL,
		/** masked: everyone else */
		MASKED,
		/** erased after the retention period: nobody sees it any more */
		ERASED,
		/** the case has none */
		NONE

	}

	/** A case's personal data as shown to someone: field → value. */
	public record View(Shown shown, Map<String, String> values) {
	}

	private final JdbcTemplate jdbc;

	public PersonalData(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the case's personal data, in the caller's transaction (the case's registration); blank values are not kept. */
	@Transactional(propagation = Propagation.REQUIRED)
	public void keep(String caseNo, Map<String, String> values) {
		OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
		values.forEach((field, value) -> {
			if (value != null && !value.isBlank()) {
				this.jdbc.update("INSERT INTO personal_data (case_no, field, field_value, kept_at) VALUES (?, ?, ?, ?)", caseNo,
						field, value, now);
			}
		});
	}

	/** One field in full, for the platform's own use (the reply e-mailed to the submitter); empty once erased. */
	@Transactional(readOnly = true)
	public Optional<String> value(String caseNo, String field) {
		return this.jdbc
			.queryForList("SELECT field_value FROM personal_data WHERE case_no = ? AND field = ?", String.class, caseNo, field)
			.stream()
			.filter(v -> v != null)
			.findFirst();
	}

	/** The case's personal data, in full or masked. */
	@Transactional(readOnly = true)
	public View view(String caseNo, boolean full) {
		Map<String, String> values = new LinkedHashMap<>();
		boolean[] erased = { false };
		this.jdbc.query("SELECT field, field_value, erased_at FROM personal_data WHERE case_no = ? ORDER BY field", rs -> {
			if (rs.getObject("erased_at") != null) {
				erased[0] = true;
			}
			else {
				String value = rs.getString("field_value");
				values.put(rs.getString("field"), full ? value : Masks.of(value));
			}
		}, caseNo);
		if (erased[0]) {
			return new View(Shown.ERASED, Map.of());
		}
		if (values.isEmpty()) {
			return new View(Shown.NONE, Map.of());
		}
		return new View(full ? Shown.FULL : Shown.MASKED, values);
	}

	/** Erases the case's personal data for good, in the caller's transaction; how many values went. */
	@Transactional(propagation = Propagation.REQUIRED)
	public int erase(String caseNo, Instant at) {
		return this.jdbc.update("UPDATE personal_data SET field_value = NULL, erased_at = ? WHERE case_no = ? AND erased_at IS NULL",
				at.atOffset(ZoneOffset.UTC), caseNo);
	}

	/** Whether the case's personal data is already kept. */
	@Transactional(readOnly = true)
	public boolean isKept(String caseNo) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM personal_data WHERE case_no = ?", Integer.class,
				caseNo);
		return count != null && count > 0;
	}

}
