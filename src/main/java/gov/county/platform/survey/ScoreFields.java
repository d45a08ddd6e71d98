package gov.county.platform.survey;

import static gov.county.platform.survey.SurveyProcess.RESULTS;
import static gov.county.platform.survey.SurveyProcess.SCORE_FIELD;
import static gov.county.platform.survey.SurveyProcess.scoreField;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import gov.county.platform.api.InvalidInput;
import gov.county.platform.api.InvalidInput.Problem;
import gov.county.platform.organization.Unit;

/**
 * The results as Tasklist's form sends them: one number field per surveyed unit
 * ({@code score_township_labao}), read as the list {@code [{unit, score}]} an import sends.
 * (Tasklist 7.24 cannot complete a form with a dynamic list, so the form asks unit by unit; the
 * platform adds a field for every surveyed unit of the chart when it deploys the form.) A field left
 * empty is a unit not surveyed, as a unit left out of an import; the form itself asks for every one.
 */
final class ScoreFields {

	private static final String PREFIX = SCORE_FIELD + "_";

	private static final BigDecimal MAX = BigDecimal.valueOf(100);

	private ScoreFields() {
	}

	/** The form's score fields among a completion's variables, by name; empty when it sent none. */
	static Map<String, Object> of(Map<String, ?> variables) {
		Map<String, Object> fields = new TreeMap<>();
		variables.forEach((name, value) -> {
			if (name.equals(SCORE_FIELD) || name.startsWith(PREFIX)) {
				fields.put(name, value);
			}
		});
		return fields;
	}

	/**
	 * The entered scores as {@code [{unit, score}]} in the chart's order, or an error naming every
	 * unit whose score is not a number from 0 to 100.
	 */
	static List<Map<String, Object>> results(Map<String, Object> fields, List<Unit> chart) {
		List<Problem> problems = new ArrayList<>();
		if (fields.containsKey(SCORE_FIELD)) {
			problems.add(new Problem(SCORE_FIELD, "表单部署时未展开为每个单位一栏：请重启平台以部署表单，或用 CSV 导入结果。"
					+ "The form was deployed without its field per unit: deploy it by restarting the platform, "
					+ "or import the results as CSV."));
		}
		Map<String, Unit> units = new LinkedHashMap<>();
		chart.stream().filter(SurveyRanking::surveyed).forEach(unit -> units.put(scoreField(unit.id()), unit));
		fields.keySet()
			.stream()
			.filter(name -> !name.equals(SCORE_FIELD) && !units.containsKey(name))
			.forEach(name -> problems.add(new Problem(name,
					"不是组织机构图中参评单位的得分栏 is not the score field of a surveyed unit of the organisation chart")));
		List<Map<String, Object>> rows = new ArrayList<>();
		units.forEach((field, unit) -> {
			Object value = fields.get(field);
			if (value == null || value.toString().isBlank()) {
				return;
			}
			BigDecimal score = number(value);
			if (score == null || score.signum() < 0 || score.compareTo(MAX) > 0) {
				problems.add(new Problem(field, unit.name() + " (" + unit.id() + ")：得分须为 0 到 100 之间的数，填写的是 "
						+ value + "。The score must be a number from 0 to 100, was " + value + "."));
				return;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("unit", unit.id());
			row.put("score", score.toPlainString());
			rows.add(row);
		});
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(new Problem(RESULTS.name(),
					"请至少填写一个参评单位的得分。Enter the score of at least one surveyed unit."));
		}
		InvalidInput.throwIfAny(problems);
		return rows;
	}

	private static BigDecimal number(Object value) {
		try {
			return new BigDecimal(value.toString().trim());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

}
