package gov.county.platform.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import gov.county.platform.ledger.LedgerEntry;

/**
 * One case as {@code GET /api/cases/{caseNo}} shows it: where it stands, what is open, what was
 * done by whom and when, its deadlines and its whole ledger timeline.
 *
 * @param state ACTIVE, COMPLETED (ended at an end event) or TERMINATED (deleted by an admin)
 * @param personalDataShown FULL, MASKED, ERASED (after the retention period) or NONE
 * @param personalData the submitter's name and contact, as the caller may see them
 */
public record CaseView(String caseNo, String process, String processInstanceId, String state, Instant startedAt,
		Instant endedAt, String outcome, Map<String, Object> deadlines, List<OpenTask> currentTasks,
		List<DoneTask> completedTasks, String personalDataShown, Map<String, String> personalData,
		List<LedgerEntry> ledger) {

	/**
	 * A task of the case that ended: completed by {@code completedBy} at {@code completed}, or ended
	 * otherwise ({@code endReason}: the engine's, e.g. deleted when a boundary timer or the case ended it).
	 */
	public record DoneTask(String id, String taskDefinitionKey, String name, String completedBy, Instant created,
			Instant completed, String endReason) {
	}

	public record OpenTask(String id, String taskDefinitionKey, String name, List<String> candidateGroups,
			String assignee, Instant created, Instant due, Instant followUp) {
	}

}
