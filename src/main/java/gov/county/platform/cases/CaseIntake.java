package gov.county.platform.cases;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a case from the API once its process's intake has checked the request: the process's
 * register step takes the case number in the same transaction, so a refused or failed request
 * leaves no number, no instance and no ledger entry.
 */
@Service
public class CaseIntake {

	/** A filed case, as {@code POST /api/...} answers. */
	public record Filed(String caseNo, String processInstanceId) {

		/** 201 Created, pointing at the case: {@code {"caseNo": ..., "processInstanceId": ...}}. */
		public ResponseEntity<Map<String, String>> created() {
			return ResponseEntity.created(URI.create("/api/cases/" + this.caseNo))
				.body(Map.of("caseNo", this.caseNo, "processInstanceId", this.processInstanceId));
		}

	}

	private final RuntimeService runtime;

	public CaseIntake(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** Starts {@code processKey} with the checked start variables (null values left out). */
	@Transactional(propagation = Propagation.MANDATORY)
	public Filed start(String processKey, Map<String, ?> checked) {
		Map<String, Object> start = new HashMap<>(checked);
		start.values().removeIf(Objects::isNull);
		ProcessInstance instance = this.runtime.startProcessInstanceByKey(processKey, start);
		return new Filed(instance.getBusinessKey(), instance.getId());
	}

}
