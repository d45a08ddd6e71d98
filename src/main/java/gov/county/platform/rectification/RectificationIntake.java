package gov.county.platform.rectification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import gov.county.platform.organization.Directory;

/**
 * Opens a rectification from the API: validates, takes the case number and starts the process in
 * one transaction, so a refused or failed request leaves no number, no instance and no ledger entry.
 */
@Service
public class RectificationIntake {

	public record Filed(String caseNo, String processInstanceId) {
	}

	private final RuntimeService runtime;

	private final Directory directory;

	public RectificationIntake(RuntimeService runtime, Directory directory) {
		this.runtime = runtime;
		this.directory = directory;
	}

	/** @param callerGroups the caller's groups: a unit opens rectification only for itself */
	@Transactional
	public Filed file(Map<String, ?> submitted, List<String> callerGroups) {
		Map<String, Object> start = new HashMap<>(RectificationSubmission.validate(submitted, this.directory,
				callerGroups));
		start.values().removeIf(java.util.Objects::isNull);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(RectificationProcess.KEY, start);
		return new Filed(instance.getBusinessKey(), instance.getId());
	}

}
