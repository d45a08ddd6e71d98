package gov.county.platform.ledger;

import java.time.Instant;
import java.util.List;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import gov.county.platform.engine.Actor;

/**
 * "Write to the ledger" in a diagram ({@code camunda:delegateExpression="${ledgerDelegate}"}), as a
 * service task or an execution listener. Input parameters: {@code event} (required), {@code unit},
 * {@code detail}, {@code dueAt} (a Date or ISO-8601 text). The case number is the business key; the
 * actor is the logged-in user whose action runs this, or {@code system} for timers.
 */
@Component("ledgerDelegate")
public class LedgerDelegate implements JavaDelegate {

	static final String EVENT = "event";

	static final String UNIT = "unit";

	static final String DETAIL = "detail";

	static final String DUE_AT = "dueAt";

	private final LedgerService ledger;

	private final List<EventTypes> declared;

	public LedgerDelegate(LedgerService ledger, List<EventTypes> declared) {
		this.ledger = ledger;
		this.declared = declared;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String caseNo = execution.getProcessBusinessKey();
		if (caseNo == null || caseNo.isBlank()) {
			throw new IllegalStateException("'" + execution.getCurrentActivityId()
					+ "' writes to the ledger, but the process instance has no business key (case number)");
		}
		Object event = execution.getVariableLocal(EVENT);
		if (event == null || event.toString().isBlank()) {
			throw new IllegalArgumentException(
					"'" + execution.getCurrentActivityId() + "' needs the input parameter '" + EVENT + "'");
		}
		// not the definition id's prefix: for a key longer than about 25 characters the engine's id is a bare UUID
		String processKey = execution.getProcessEngineServices()
			.getRepositoryService()
			.getProcessDefinition(execution.getProcessDefinitionId())
			.getKey();
		check(execution.getCurrentActivityId(), processKey, event.toString());
		this.ledger.append(new LedgerEvent(caseNo, processKey, event.toString(), text(execution.getVariableLocal(UNIT)),
				Actor.of(execution),
				instant(execution.getVariableLocal(DUE_AT)), text(execution.getVariableLocal(DETAIL))));
	}

	/**
	 * A diagram writes only events its process declares (a process that declares none, e.g. one an
	 * admin is still drafting, any event some process declares): a misspelt event is refused, naming
	 * the task and the events it may write.
	 */
	private void check(String activityId, String processKey, String event) {
		List<EventTypes> own = this.declared.stream().filter(d -> d.processKey().equals(processKey)).toList();
		List<EventTypes> allowed = own.isEmpty() ? this.declared : own;
		if (allowed.stream().noneMatch(d -> d.find(event).isPresent())) {
			throw new IllegalArgumentException("'" + activityId + "' writes the ledger event '" + event
					+ "', which " + processKey + " does not declare; it may write "
					+ allowed.stream().flatMap(d -> d.names().stream()).distinct().toList());
		}
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

	static Instant instant(Object value) {
		if (value == null || value.toString().isBlank()) {
			return null;
		}
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof Instant instant) {
			return instant;
		}
		try {
			return OffsetDateTime.parse(value.toString()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("ledger input 'dueAt' must be a date or an ISO-8601 date-time, was '"
					+ value + "'", ex);
		}
	}

}
