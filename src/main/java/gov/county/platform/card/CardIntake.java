package gov.county.platform.card;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.organization.Directory;

/**
 * Files a card from another system: validates, takes the case number and starts the process in one
 * transaction, so a refused or failed card leaves no number, no instance and no ledger entry.
 */
@Service
public class CardIntake {

	public record Filed(String caseNo, String processInstanceId) {
	}

	private final RuntimeService runtime;

	private final Directory directory;

	public CardIntake(RuntimeService runtime, Directory directory) {
		this.runtime = runtime;
		this.directory = directory;
	}

	@Transactional
	public Filed file(Map<String, ?> submitted) {
		Map<String, Object> card = new HashMap<>(
				CardSubmission.validate(submitted, this.directory, CardValues.Channel.API.name()));
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(CardProcess.KEY, card);
		return new Filed(instance.getBusinessKey(), instance.getId());
	}

}
