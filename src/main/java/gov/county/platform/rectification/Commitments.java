package gov.county.platform.rectification;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.rectification.RectificationValues.PublicStatus;

/**
 * The public list of commitments: written in the engine's transaction as a plan is committed,
 * measures are done, progress is reported and the case is verified; read by the public page.
 */
@Repository
class Commitments {

	/** One commitment as the public sees it: no responsible persons, no internal comments. */
	record Commitment(String caseNo, String unit, String unitName, String title, String problems, String source,
			PublicStatus status, int progress, Instant committedAt, Instant fulfilledAt, List<PublicMeasure> measures) {
	}

	record PublicMeasure(int no, String measure, String target, LocalDate deadline, boolean done, Instant doneAt,
			boolean overdue) {
	}

	private final JdbcTemplate jdbc;

	Commitments(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Publishes an approved plan; a revised plan (after a failed verification) replaces the earlier one. */
	@Transactional(propagation = Propagation.MANDATORY)
	void publish(String caseNo, String unit, String unitName, String title, String problems, String source,
			List<Measure> measures, Instant now) {
		int updated = this.jdbc.update("UPDATE rectification_commitment SET unit = ?, unit_name = ?, title = ?, "
				+ "problems = ?, source = ?, status = ?, progress = 0, committed_at = ?, updated_at = ?, "
				+ "fulfilled_at = NULL WHERE case_no = ?", unit, unitName, title, problems, source,
				PublicStatus.IN_PROGRESS.name(), ts(now), ts(now), caseNo);
		if (updated == 0) {
			this.jdbc.update("INSERT INTO rectification_commitment (case_no, unit, unit_name, title, problems, source, "
					+ "status, progress, committed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)", caseNo, unit,
					unitName, title, problems, source, PublicStatus.IN_PROGRESS.name(), ts(now), ts(now));
		}
		this.jdbc.update("DELETE FROM rectification_measure WHERE case_no = ?", caseNo);
		for (Measure m : measures) {
			this.jdbc.update("INSERT INTO rectification_measure (case_no, measure_no, measure, target, deadline) "
					+ "VALUES (?, ?, ?, ?, ?)", caseNo, m.no(), m.measure(), m.target(), Date.valueOf(m.deadline()));
		}
	}

	/** A measure is done; the progress is at least the share of measures done. */
	@Transactional(propagation = Propagation.MANDATORY)
	void measureDone(String caseNo, int measureNo, Instant now) {
		this.jdbc.update("UPDATE rectification_measure SET done_at = ? WHERE case_no = ? AND measure_no = ? "
				+ "AND done_at IS NULL", ts(now), caseNo, measureNo);
		Integer total = this.jdbc.queryForObject("SELECT COUNT(*) FROM rectification_measure WHERE case_no = ?",
				Integer.class, caseNo);
		Integer done = this.jdbc.queryForObject(
				"SELECT COUNT(*) FROM rectification_measure WHERE case_no = ? AND done_at IS NOT NULL", Integer.class,
				caseNo);
		if (total != null && total > 0 && done != null) {
			int share = done * 100 / total;
			this.jdbc.update("UPDATE rectification_commitment SET progress = CASE WHEN progress < ? THEN ? ELSE progress "
					+ "END, updated_at = ? WHERE case_no = ?", share, share, ts(now), caseNo);
		}
	}

	/** The unit's monthly report of progress, 0-100. */
	@Transactional(propagation = Propagation.MANDATORY)
	void progress(String caseNo, int progress, Instant now) {
		this.jdbc.update("UPDATE rectification_commitment SET progress = ?, updated_at = ? WHERE case_no = ?", progress,
				ts(now), caseNo);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void revising(String caseNo, Instant now) {
		this.jdbc.update("UPDATE rectification_commitment SET status = ?, updated_at = ? WHERE case_no = ?",
				PublicStatus.REVISING.name(), ts(now), caseNo);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void fulfilled(String caseNo, Instant now) {
		this.jdbc.update("UPDATE rectification_commitment SET status = ?, progress = 100, updated_at = ?, "
				+ "fulfilled_at = ? WHERE case_no = ?", PublicStatus.FULFILLED.name(), ts(now), ts(now), caseNo);
	}

	/** Every commitment, newest first; a commitment with a measure past its deadline reads OVERDUE. */
	@Transactional(readOnly = true)
	List<Commitment> list(LocalDate today) {
		Map<String, List<PublicMeasure>> measures = new LinkedHashMap<>();
		this.jdbc.query("SELECT case_no, measure_no, measure, target, deadline, done_at FROM rectification_measure "
				+ "ORDER BY case_no, measure_no", rs -> {
					LocalDate deadline = rs.getObject("deadline", LocalDate.class);
					Instant doneAt = instant(rs.getObject("done_at", OffsetDateTime.class));
					measures.computeIfAbsent(rs.getString("case_no"), k -> new ArrayList<>())
						.add(new PublicMeasure(rs.getInt("measure_no"), rs.getString("measure"), rs.getString("target"),
								deadline, doneAt != null, doneAt, doneAt == null && deadline.isBefore(today)));
				});
		return this.jdbc.query("SELECT case_no, unit, unit_name, title, problems, source, status, progress, committed_at, "
				+ "fulfilled_at FROM rectification_commitment ORDER BY committed_at DESC, case_no DESC", (rs, i) -> {
					String caseNo = rs.getString("case_no");
					List<PublicMeasure> of = measures.getOrDefault(caseNo, List.of());
					PublicStatus status = PublicStatus.valueOf(rs.getString("status"));
					if (status == PublicStatus.IN_PROGRESS && of.stream().anyMatch(PublicMeasure::overdue)) {
						status = PublicStatus.OVERDUE;
					}
					return new Commitment(caseNo, rs.getString("unit"), rs.getString("unit_name"), rs.getString("title"),
							rs.getString("problems"), rs.getString("source"), status, rs.getInt("progress"),
							instant(rs.getObject("committed_at", OffsetDateTime.class)),
							instant(rs.getObject("fulfilled_at", OffsetDateTime.class)), List.copyOf(of));
				});
	}

	private static OffsetDateTime ts(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
