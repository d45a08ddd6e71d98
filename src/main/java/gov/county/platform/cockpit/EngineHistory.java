package gov.county.platform.cockpit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

import gov.county.platform.engine.Callers;

/**
 * The engine's own history of a case's instance, beside its ledger in Cockpit's case view (Cockpit
 * Community Edition shows none of it): the steps passed, who did what through the engine (claims,
 * completions, suspensions...), every change of a variable (personal data only as masked: its full
 * value never reaches the engine's history), and incidents. Read as the platform, once the
 * caller was allowed to see the case.
 */
@Service
class EngineHistory {

	private static final int LIMIT = 500;

	private final HistoryService history;

	private final IdentityService identity;

	EngineHistory(HistoryService history, IdentityService identity) {
		this.history = history;
		this.identity = identity;
	}

	/** A value as text, cut at 500 characters (a plan's JSON, a long reply). */
	private static String shown(Object value) {
		String text = value == null ? null : value.toString();
		return text == null || text.length() <= 500 ? text : text.substring(0, 500) + "…";
	}

	Map<String, Object> of(String processInstanceId) {
		return Callers.asPlatform(this.identity, () -> {
			Map<String, Object> out = new LinkedHashMap<>();
			List<Map<String, Object>> activities = new ArrayList<>();
			for (HistoricActivityInstance a : this.history.createHistoricActivityInstanceQuery()
				.processInstanceId(processInstanceId)
				.orderByHistoricActivityInstanceStartTime()
				.asc()
				.orderPartiallyByOccurrence()
				.asc()
				.listPage(0, LIMIT)) {
				if (a.getActivityName() == null) {
					continue;
				}
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("activityId", a.getActivityId());
				row.put("name", a.getActivityName());
				row.put("type", a.getActivityType());
				row.put("assignee", a.getAssignee());
				row.put("started", a.getStartTime() == null ? null : a.getStartTime().toInstant().toString());
				row.put("ended", a.getEndTime() == null ? null : a.getEndTime().toInstant().toString());
				row.put("canceled", a.isCanceled());
				activities.add(row);
			}
			out.put("activities", activities);
			List<Map<String, Object>> operations = new ArrayList<>();
			for (UserOperationLogEntry o : this.history.createUserOperationLogQuery()
				.processInstanceId(processInstanceId)
				.orderByTimestamp()
				.asc()
				.listPage(0, LIMIT)) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("at", o.getTimestamp() == null ? null : o.getTimestamp().toInstant().toString());
				row.put("user", o.getUserId());
				row.put("operation", o.getOperationType());
				row.put("entity", o.getEntityType());
				row.put("taskId", o.getTaskId());
				row.put("property", o.getProperty());
				row.put("from", o.getOrgValue());
				row.put("to", o.getNewValue());
				operations.add(row);
			}
			out.put("operations", operations);
			List<Map<String, Object>> variables = new ArrayList<>();
			for (HistoricDetail detail : this.history.createHistoricDetailQuery()
				.processInstanceId(processInstanceId)
				.variableUpdates()
				.orderByTime()
				.asc()
				.listPage(0, LIMIT)) {
				HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("at", update.getTime() == null ? null : update.getTime().toInstant().toString());
				row.put("name", update.getVariableName());
				row.put("value", shown(update.getValue()));
				row.put("revision", update.getRevision());
				row.put("activityInstanceId", update.getActivityInstanceId());
				variables.add(row);
			}
			out.put("variables", variables);
			List<Map<String, Object>> incidents = new ArrayList<>();
			for (HistoricIncident i : this.history.createHistoricIncidentQuery()
				.processInstanceId(processInstanceId)
				.orderByCreateTime()
				.asc()
				.listPage(0, LIMIT)) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("at", i.getCreateTime() == null ? null : i.getCreateTime().toInstant().toString());
				row.put("type", i.getIncidentType());
				row.put("activityId", i.getActivityId());
				row.put("message", i.getIncidentMessage());
				row.put("resolved", i.isResolved());
				row.put("ended", i.getEndTime() == null ? null : i.getEndTime().toInstant().toString());
				incidents.add(row);
			}
			out.put("incidents", incidents);
			return out;
		});
	}

}
