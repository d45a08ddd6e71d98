package gov.county.platform.cases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.Notice;
import gov.county.platform.notification.NotificationService;

/** Writes what a step rule decided ({@link Decision}), in the transaction of the step. */
@Service
public class CaseRecorder {

	private final CaseStates states;

	private final LedgerService ledger;

	private final NotificationService notifications;

	public CaseRecorder(CaseStates states, LedgerService ledger, NotificationService notifications) {
		this.states = states;
		this.ledger = ledger;
		this.notifications = notifications;
	}

	/** The case's state first, then its ledger entries, a related case's, the changes elsewhere, the notices. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Outcome record(String caseNo, Decision decision) {
		if (decision.extensionDays() > 0) {
			this.states.addExtension(caseNo, decision.extensionDays());
		}
		if (decision.clock() != null) {
			this.states.startClock(caseNo, decision.clock().dueAt().toInstant(), decision.clockStartedAt());
		}
		if (decision.plan() != null) {
			this.states.setPlan(caseNo, decision.plan());
		}
		for (LedgerEvent entry : decision.entries()) {
			this.ledger.append(entry);
		}
		for (LedgerEvent entry : decision.relatedEntries()) {
			this.ledger.appendToRelatedCase(entry);
		}
		decision.afterwards().forEach(Runnable::run);
		for (Notice notice : decision.notices()) {
			this.notifications.notify(notice);
		}
		return new Outcome(decision.variables());
	}

}
