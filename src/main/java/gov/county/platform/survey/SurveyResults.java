package gov.county.platform.survey;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Ranked survey results, kept so the next survey knows who was last before. */
@Repository
class SurveyResults {

	private final JdbcTemplate jdbc;

	SurveyResults(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void store(String surveyNo, List<SurveyRanking.Ranked> ranked, Instant at) {
		for (SurveyRanking.Ranked r : ranked) {
			this.jdbc.update("INSERT INTO survey_result (survey_no, unit, category, score, unit_rank, ranked_of, "
					+ "last_ranked, ranked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", surveyNo, r.unit(), r.category().name(),
					r.score(), r.rank(), r.of(), r.last(), at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
		}
	}

	/** The units last-ranked in the latest survey ranked before this one (none before the first). */
	@Transactional(readOnly = true)
	Set<String> lastRankedBefore(String surveyNo) {
		List<String> previous = this.jdbc.queryForList("SELECT survey_no FROM survey_result WHERE survey_no <> ? "
				+ "GROUP BY survey_no ORDER BY MAX(ranked_at) DESC, survey_no DESC LIMIT 1", String.class, surveyNo);
		if (previous.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT unit FROM survey_result WHERE survey_no = ? AND last_ranked = TRUE", String.class,
				previous.get(0)));
	}

}
