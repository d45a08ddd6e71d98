package gov.county.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import gov.county.platform.organization.SurveyCategory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;
import gov.county.platform.survey.SurveyProcess;

/** Forms adapted to the organisation chart as they are deployed: unit dropdowns and fields repeated per unit. */
class FormOptionsTests {

	private static final List<Unit> CHART = List.of(
			new Unit("county-platform", "县协调平台", UnitType.COUNTY, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("township-labao", "拉包乡", UnitType.TOWNSHIP, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("dept-housing", "县住房和城乡建设局", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("dept-youth-league", "共青团县委", UnitType.DEPARTMENT, SurveyCategory.PARTY_MASS, null, null, null),
			new Unit("dept-public-security", "县公安局", UnitType.DEPARTMENT, SurveyCategory.VERTICAL, null, null, null));

	private static final ObjectMapper JSON = new ObjectMapper();

	private static byte[] shipped(String form) throws Exception {
		try (InputStream in = FormOptionsTests.class.getClassLoader().getResourceAsStream(form)) {
			return in.readAllBytes();
		}
	}

	private static List<JsonNode> fields(JsonNode node) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode component : node.path("components")) {
			found.add(component);
			found.addAll(fields(component));
		}
		return found;
	}

	@Test
	void theSurveyResultsFormAsksForEverySurveyedUnitsScoreInFieldsTheSurveyReads() throws Exception {
		JsonNode deployed = JSON.readTree(FormOptions.fill("forms/enter-survey-results.form",
				shipped("forms/enter-survey-results.form"), CHART));

		List<JsonNode> scores = fields(deployed).stream().filter(f -> f.path("type").asText().equals("number")).toList();
		assertThat(scores).extracting(f -> f.path("key").asText())
			.as("one field per township and department, in the chart's order, keyed as the survey reads them")
			.containsExactly(SurveyProcess.scoreField("township-labao"), SurveyProcess.scoreField("dept-housing"),
					SurveyProcess.scoreField("dept-youth-league"), SurveyProcess.scoreField("dept-public-security"));
		assertThat(scores).extracting(f -> f.path("label").asText())
			.containsExactly("拉包乡 (township-labao)", "县住房和城乡建设局 (dept-housing)", "共青团县委 (dept-youth-league)",
					"县公安局 (dept-public-security)");
		assertThat(scores).allSatisfy(f -> {
			assertThat(f.path("validate").path("required").asBoolean()).isTrue();
			assertThat(f.path("validate").path("min").asInt()).isZero();
			assertThat(f.path("validate").path("max").asInt()).isEqualTo(100);
			assertThat(f.has("properties")).as("no marker left for Tasklist").isFalse();
		});
		assertThat(scores).extracting(f -> f.path("id").asText()).doesNotHaveDuplicates();
		assertThat(scores).extracting(f -> f.path("layout").path("row").asText())
			.as("half a row each: two units a row")
			.containsExactly("Row_scores_1", "Row_scores_1", "Row_scores_2", "Row_scores_2");
		assertThat(fields(deployed)).noneSatisfy(f -> assertThat(f.path("type").asText()).isEqualTo("dynamiclist"));
	}

	@Test
	void aFieldWithoutAWidthRepeatsOneARowAndKeepsItsOtherProperties() throws Exception {
		String form = """
				{"id": "f", "components": [{"type": "textfield", "key": "note", "id": "Field_note", "label": "x",
				  "properties": {"repeat": "receiving-units", "hint": "kept"}}]}""";
		JsonNode deployed = JSON.readTree(FormOptions.fill("f.form", form.getBytes(StandardCharsets.UTF_8), CHART));

		assertThat(fields(deployed)).extracting(f -> f.path("key").asText())
			.containsExactly("note_county_platform", "note_township_labao", "note_dept_housing", "note_dept_youth_league",
					"note_dept_public_security");
		assertThat(fields(deployed)).allSatisfy(f -> {
			assertThat(f.has("layout")).isFalse();
			assertThat(f.path("properties").toString()).isEqualTo("{\"hint\":\"kept\"}");
		});
	}

	@Test
	void anUnknownSetOfUnitsStopsTheDeploymentNamingTheForm() {
		String form = """
				{"id": "f", "components": [{"type": "number", "key": "score", "properties": {"repeat": "everyone"}}]}""";

		assertThatThrownBy(() -> FormOptions.fill("forms/f.form", form.getBytes(StandardCharsets.UTF_8), CHART))
			.hasMessage("forms/f.form: unknown repeat 'everyone' (use handling-units or receiving-units)");
	}

	@Test
	void aFormWithoutMarkersDeploysAsWritten() throws Exception {
		byte[] form = shipped("forms/review-card.form");

		assertThat(FormOptions.fill("forms/review-card.form", form, CHART)).isSameAs(form);
	}

}
