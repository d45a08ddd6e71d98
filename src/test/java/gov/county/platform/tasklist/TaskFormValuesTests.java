package gov.county.platform.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import gov.county.platform.card.CardIntake;
import gov.county.platform.cases.CaseWork;
import gov.county.platform.support.FormFields;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestCards;
import gov.county.platform.support.TestProcesses;

/**
 * What the task forms show and send back, in the engine: every open task of every process (the
 * demo's cards, rectifications and surveys, and whatever other tests left open) carries its case's
 * history and the readable values beside the raw ones it sees; a form submitted as Tasklist submits
 * it (every field with a key, read-only ones included, through the task's submit-form) leaves those
 * values on the task and the process's own variables as the step rules set them.
 */
@PlatformIntegrationTest
class TaskFormValuesTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	CaseWork work;

	@Test
	void everyOpenTaskOfEveryProcessCarriesItsHistoryAndReadableValues() {
		List<Task> open = this.engine.getTaskService().createTaskQuery().list();
		assertThat(open).extracting(task -> this.engine.getRepositoryService()
			.getProcessDefinition(task.getProcessDefinitionId())
			.getKey())
			.as("the demo's cases")
			.contains("InteractionCardProcess", "RectificationProcess");
		for (Task task : open) {
			Map<String, Object> local = this.engine.getTaskService().getVariablesLocal(task.getId());
			assertThat(local.get(CaseHistoryText.VARIABLE)).as(task.getName()).isInstanceOf(String.class);
			ReadableVariables.READABLE.keySet().forEach(variable -> {
				if (this.engine.getTaskService().getVariable(task.getId(), variable) != null) {
					assertThat(local).as(task.getName() + ": " + variable).containsKey(ReadableVariables.readable(variable));
				}
			});
		}
	}

	@Test
	void aFormSubmittedAsTasklistDoesLeavesTheProcessVariablesAsTheRulesSetThem() throws Exception {
		String caseNo = TestProcesses.as(this.engine.getIdentityService(), "township-labao-clerk",
				() -> this.intake.file(TestCards.card("township-labao")).caseNo());
		this.work.complete(caseNo, "Task_AcceptCard", "township-labao-clerk",
				Map.of("acceptance", "ACCEPT", "link", "EFFICIENCY"));
		this.work.complete(caseNo, "Task_DispatchCard", "township-labao-clerk",
				Map.of("leadUnit", "dept-housing", "handUp", false));
		Task handling = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey("Task_HandleCard")
			.singleResult();
		String instance = handling.getProcessInstanceId();
		Map<String, Object> before = this.engine.getRuntimeService().getVariables(instance);

		Map<String, Object> submitted = asTasklistSubmits(handling);
		assertThat(submitted).as("the read-only fields Tasklist sends back")
			.containsKeys("caseNo", "caseHistory", "dueAtText", "warnAtText", "subject");
		submitted.put("caseHistory", "改过的 tampered");
		submitted.put("dueAtText", "2099-12-31 23:59");
		submitted.put("handling", "RESOLVED");
		submitted.put("reply", "已修复 Repaired");
		TestProcesses.as(this.engine.getIdentityService(), "dept-housing-clerk",
				() -> this.engine.getFormService().submitTaskForm(handling.getId(), submitted));

		Map<String, Object> after = this.engine.getRuntimeService().getVariables(instance);
		assertThat(after).as("display values stayed on the task, which has ended")
			.doesNotContainKeys("caseHistory", "dueAtText", "warnAtText", "leadUnitName", "caseSubject", "caseUnit");
		assertThat(after).containsEntry("dueAt", before.get("dueAt"))
			.containsEntry("warnAt", before.get("warnAt"))
			.containsEntry("leadUnit", "dept-housing")
			.containsEntry("handling", "RESOLVED");
	}

	/** Every keyed field of the task's deployed form with the value Tasklist shows in it. */
	private Map<String, Object> asTasklistSubmits(Task task) throws Exception {
		JsonNode form;
		try (InputStream in = this.engine.getFormService().getDeployedTaskForm(task.getId())) {
			form = JSON.readTree(in);
		}
		VariableMap shown = this.engine.getFormService().getTaskFormVariables(task.getId());
		Map<String, Object> submitted = new HashMap<>();
		for (JsonNode field : FormFields.of(form)) {
			String key = field.path("key").asText(null);
			if (key != null && field.path("readonly").asBoolean()) {
				submitted.put(key, shown.get(key));
			}
		}
		return submitted;
	}

}
