package gov.county.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.county.platform.support.FormFields;

/**
 * Every task form of every process (forms/*.form, as the diagrams in processes/ refer to them) shows
 * the case's history near the top and readable values where it shows a unit, a person or a date:
 * never a read-only field bound to an id or an ISO date-time, only to the values
 * {@link ReadableVariables} puts beside them.
 */
class TaskFormsTests {

	/**
	 * Being rewritten on its own branch (issue 23, item 6: a form Tasklist 7.24 can complete), which
	 * adds the history field; checked here once that lands.
	 */
	private static final Set<String> REWRITTEN_ELSEWHERE = Set.of("enter-survey-results");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static Set<String> taskForms() throws IOException {
		Set<String> forms = new TreeSet<>();
		try (Stream<Path> diagrams = Files.list(Path.of("processes"))) {
			for (Path diagram : diagrams.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
				Bpmn.readModelFromFile(diagram.toFile())
					.getModelElementsByType(UserTask.class)
					.stream()
					.map(UserTask::getCamundaFormRef)
					.filter(ref -> ref != null)
					.forEach(forms::add);
			}
		}
		return forms;
	}

	private static JsonNode form(String id) throws IOException {
		return JSON.readTree(Path.of("forms", id + ".form").toFile());
	}

	@Test
	void everyTaskFormShowsTheCaseHistoryReadOnlyNearTheTop() throws IOException {
		Set<String> forms = taskForms();
		assertThat(forms).as("the diagrams' task forms").contains("handle-card", "dispatch-card", "draft-plan",
				"organizational-handling");
		for (String id : forms) {
			if (REWRITTEN_ELSEWHERE.contains(id)) {
				continue;
			}
			List<JsonNode> top = FormFields.of(form(id)).subList(0, 4);
			assertThat(top).as(id + ": the history among its first fields")
				.anySatisfy(field -> {
					assertThat(field.path("key").asText()).isEqualTo(CaseHistoryText.VARIABLE);
					assertThat(field.path("type").asText()).as("a textarea: never Markdown").isEqualTo("textarea");
					assertThat(field.path("readonly").asBoolean()).isTrue();
					assertThat(field.path("label").asText()).isEqualTo("办理经过 Case history");
				});
		}
	}

	@Test
	void noFormShowsAnIdOrAnIsoDateWhereItCouldShowItsReadableValue() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
				for (JsonNode field : FormFields.of(JSON.readTree(file.toFile()))) {
					String key = field.path("key").asText("");
					if (!field.path("readonly").asBoolean()) {
						continue;
					}
					assertThat(ReadableVariables.READABLE.keySet()).as(file + ": read-only field " + key
							+ " shows a raw value; bind it to its readable one").doesNotContain(key);
				}
			}
		}
	}

	@Test
	void theReadableValuesTheFormsShowAreTheOnesTheTasksCarry() throws IOException {
		Set<String> carried = new TreeSet<>();
		ReadableVariables.READABLE.keySet().forEach(variable -> carried.add(ReadableVariables.readable(variable)));
		Set<String> shown = new TreeSet<>();
		for (String id : taskForms()) {
			FormFields.of(form(id)).stream()
				.map(field -> field.path("key").asText(""))
				.filter(key -> key.matches("(receivingUnit|leadUnit|coUnit|talkHead|\\w+At)(Name|Text)"))
				.forEach(shown::add);
		}
		assertThat(shown).as("shown by the forms").contains("dueAtText", "warnAtText", "leadUnitName",
				"receivingUnitName", "coUnitName", "coDueAtText", "evaluateDueAtText", "talkHeadName");
		assertThat(carried).as("carried by every task").containsAll(shown);
	}

	@Test
	void theCoUnitsLeaveOutTheLeadUnit() throws IOException {
		for (String id : List.of("dispatch-card", "coordinate-card")) {
			assertThat(FormFields.of(form(id))).as(id)
				.filteredOn(field -> field.path("key").asText().equals("coUnits"))
				.singleElement()
				.satisfies(field -> assertThat(field.path("properties").path("optionsExcept").asText())
					.isEqualTo("leadUnit"));
		}
	}

}
