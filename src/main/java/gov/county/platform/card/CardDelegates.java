package gov.county.platform.card;

import static gov.county.platform.cases.DelegateInputs.input;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.county.platform.cases.Steps;
import gov.county.platform.engine.StartContract;
import gov.county.platform.ledger.EventTypes;

/**
 * The card's service tasks, each a few lines over {@link CardService}: map the variables in, call
 * one rule, map the outcome back.
 */
@Configuration
class CardDelegates {

	/** The variables a caller may start it with (the start guard's list). */
	@Bean
	StartContract cardProcessStart() {
		return CardProcess.START;
	}

	/** The ledger events it writes, for the ledger task's check. */
	@Bean
	EventTypes cardEvents() {
		return CardProcess.EVENTS;
	}

	/** "Register card (登记)": the case number (always the platform's), checks, FILED. */
	@Bean
	JavaDelegate registerCardDelegate(CardService cards) {
		return Steps.register(cards::newCaseNumber, cards::register);
	}

	/** "Set deadlines (定时限)": the decision's time limit becomes dueAt, warnAt, reprimandAt. */
	@Bean
	JavaDelegate classifyCardDelegate(CardService cards) {
		return Steps.step(cards::classify);
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
		return Steps.step((caseNo, variables, actor) -> cards.collate(caseNo, variables));
	}

}
