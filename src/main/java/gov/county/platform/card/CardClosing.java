package gov.county.platform.card;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Closes a card at each end event: {@code camunda:executionListener event="end"
 * expression="${cardClosing.close(execution, 'REJECTED')}"}; with {@code null} the rating (or
 * NO_RESPONSE) is how it ended.
 */
@Component("cardClosing")
public class CardClosing {

	private final CardService cards;

	public CardClosing(CardService cards) {
		this.cards = cards;
	}

	public void close(DelegateExecution execution, String how) {
		execution.setVariables(
				this.cards.close(execution.getProcessBusinessKey(), execution.getVariables(), how).variables());
	}

}
