package gov.county.platform.card;

import static gov.county.platform.cases.DelegateInputs.input;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.county.platform.engine.Actor;
import gov.county.platform.engine.StartContract;
import gov.county.platform.ledger.EventTypes;

/**
 * The card's service tasks, each a few lines over {@link CardService}: map the variables in, call
 * one rule, map the outcome back.
 */
@Configuration
class CardDelegates {

	/** The variables a caller may start it with (the start guard's list). */
	/** The ledger events it writes, for the ledger task's check. */
	@Bean
	EventTypes cardEvents() {
		return CardProcess.EVENTS;
	}

	@Bean
	StartContract cardProcessStart() {
		return CardProcess.START;
	}

	/**
	 * "Register card (登记)": the case number, checks, FILED. The number is always the platform's:
	 * a business key a caller typed into Tasklist or sent to the REST API is replaced.
	 */
	@Bean
	JavaDelegate registerCardDelegate(CardService cards) {
		return execution -> {
			String caseNo = cards.newCaseNumber();
			execution.setProcessBusinessKey(caseNo);
			execution.setVariables(cards.register(caseNo, execution.getVariables(), Actor.of(execution)).variables());
		};
	}

	/** "Set deadlines (定时限)": the decision's time limit becomes dueAt, warnAt, reprimandAt. */
	@Bean
	JavaDelegate classifyCardDelegate(CardService cards) {
		return execution -> execution.setVariables(
				cards.classify(execution.getProcessBusinessKey(), execution.getVariables(), Actor.of(execution))
					.variables());
	}

	/** A step of the escalation ladder; input parameter {@code level}: WARNED, URGED or REPRIMANDED. */
	@Bean
	JavaDelegate cardEscalationDelegate(CardService cards) {
		return execution -> cards.escalate(execution.getProcessBusinessKey(), input(execution, "level"),
				execution.getVariables());
	}

	/** Tells the submitter; inputs {@code template} and optionally the ledger {@code event}. */
	@Bean
	JavaDelegate notifySubmitterDelegate(CardService cards) {
		return execution -> cards.notifySubmitter(execution.getProcessBusinessKey(), input(execution, "template"),
				(String) execution.getVariableLocal("event"), execution.getActivityInstanceId(), execution.getVariables());
	}

	/** Reminds the co-units whose opinion task is still open. */
	@Bean
	JavaDelegate remindCoUnitsDelegate(CardService cards) {
		return execution -> cards.remindCoUnits(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
				execution.getVariables());
	}

	/** "Collate case (整理)": the summary, ORGANIZED, and the call-back window. */
	@Bean
	JavaDelegate collateCardDelegate(CardService cards) {
		return execution -> execution
			.setVariables(cards.collate(execution.getProcessBusinessKey(), execution.getVariables()).variables());
	}

}
