package gov.county.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.county.platform.organization.SurveyCategory;
import gov.county.platform.organization.Unit;
import gov.county.platform.organization.UnitType;
import gov.county.platform.support.FormFields;

/**
 * The co-units offered by the dispatch and coordination forms leave out the lead unit chosen above
 * them: {@link FormOptions} turns the chart's units into a FEEL expression that form-js evaluates as
 * the clerk chooses (evaluated here with the engine's FEEL, which reads lists and filters alike).
 */
class CoUnitOptionsTests {

	private static final List<Unit> CHART = List.of(
			new Unit("county-platform", "县协调平台", UnitType.COUNTY, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("township-labao", "拉包乡", UnitType.TOWNSHIP, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("dept-housing", "县住房和城乡建设局", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT, null, null, null),
			new Unit("dept-quoted", "县\"引号\"局 \\", UnitType.DEPARTMENT, SurveyCategory.GOVERNMENT, null, null, null));

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private static JsonNode deployed(String form) throws Exception {
		try (InputStream in = CoUnitOptionsTests.class.getClassLoader().getResourceAsStream(form)) {
			return JSON.readTree(FormOptions.fill(form, in.readAllBytes(), CHART));
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> offered(JsonNode field, String leadUnit) {
		Map<String, Object> data = new HashMap<>();
		data.put("leadUnit", leadUnit);
		EvaluationResult result = FEEL.evaluateExpression(field.path("valuesExpression").asText().substring(1), data);
		assertThat(result.isSuccess()).as(String.valueOf(result.failure())).isTrue();
		List<String> values = new ArrayList<>();
		for (Object option : (List<Object>) result.result()) {
			values.add((String) ((Map<String, Object>) option).get("value"));
		}
		return values;
	}

	@Test
	void theCoUnitsOfferedLeaveOutTheLeadUnitChosen() throws Exception {
		for (String form : List.of("forms/dispatch-card.form", "forms/coordinate-card.form")) {
			JsonNode deployed = deployed(form);
			JsonNode coUnits = FormFields.keyed(deployed, "coUnits");
			assertThat(coUnits.has("values")).as(form + ": options by expression only (form-js reads static ones first)")
				.isFalse();
			assertThat(coUnits.path("valuesExpression").asText()).startsWith("=[{label: \"拉包乡 (township-labao)\"");

			assertThat(offered(coUnits, "dept-housing")).as(form).containsExactly("township-labao", "dept-quoted");
			assertThat(offered(coUnits, null)).as(form + ": before a lead unit is chosen")
				.containsExactly("township-labao", "dept-housing", "dept-quoted");
			assertThat(FormFields.keyed(deployed, "leadUnit").path("values").findValuesAsText("value"))
				.as(form + ": the lead unit's own list is the chart's")
				.containsExactly("township-labao", "dept-housing", "dept-quoted");
		}
	}

	@Test
	void anOptionsExceptThatIsNotAFieldKeyIsRefusedAtDeployment() {
		String form = """
				{"id": "f", "components": [{"type": "taglist", "key": "coUnits", "id": "Field_coUnits",
				  "properties": {"options": "handling-units", "optionsExcept": "lead unit; x"}}]}""";
		assertThatThrownBy(() -> FormOptions.fill("f.form", form.getBytes(StandardCharsets.UTF_8), CHART))
			.hasMessageContaining("f.form")
			.hasMessageContaining("optionsExcept");
	}

}
