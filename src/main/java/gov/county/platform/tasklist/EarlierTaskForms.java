package gov.county.platform.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Open tasks created by an earlier release, whose forms now show the case history and readable
 * values they do not carry, get them once at start, as a new task gets them when it is created
 * ({@link CaseHistoryText}, {@link ReadableVariables}): found in one query (open tasks without a
 * {@code caseHistory}), each set in its own transaction, while the node holds the start-up lock.
 */
@Component
class EarlierTaskForms {

	private static final Logger log = LoggerFactory.getLogger(EarlierTaskForms.class);

	private final ObjectProvider<ProcessEngine> engine;

	private final CaseHistoryText history;

	private final ReadableVariables readable;

	EarlierTaskForms(ObjectProvider<ProcessEngine> engine, CaseHistoryText history, ReadableVariables readable) {
		this.engine = engine;
		this.history = history;
		this.readable = readable;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(71)
	public void fillEarlierTasks() {
		TaskService tasks = this.engine.getObject().getTaskService();
		ManagementService management = this.engine.getObject().getManagementService();
		List<Task> earlier = tasks.createNativeTaskQuery()
			.sql("SELECT T.* FROM " + management.getTableName(Task.class) + " T WHERE NOT EXISTS (SELECT 1 FROM "
					+ management.getTableName(VariableInstanceEntity.class)
					+ " V WHERE V.TASK_ID_ = T.ID_ AND V.NAME_ = #{name})")
			.parameter("name", CaseHistoryText.VARIABLE)
			.list();
		for (Task task : earlier) {
			String caseNo = task.getProcessInstanceId() == null ? null
					: this.engine.getObject()
						.getRuntimeService()
						.createProcessInstanceQuery()
						.processInstanceId(task.getProcessInstanceId())
						.list()
						.stream()
						.map(ProcessInstance::getBusinessKey)
						.findFirst()
						.orElse(null);
			Map<String, Object> values = new HashMap<>(
					this.readable.values(variable -> tasks.getVariable(task.getId(), variable)));
			values.put(CaseHistoryText.VARIABLE, this.history.text(caseNo));
			tasks.setVariablesLocal(task.getId(), values);
		}
		if (!earlier.isEmpty()) {
			log.info("Gave {} open tasks of an earlier release their case history and readable values for their forms",
					earlier.size());
		}
	}

}
