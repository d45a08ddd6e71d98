package gov.county.platform.privacy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import gov.county.platform.engine.StartContract;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.security.AuditEventType;
import gov.county.platform.security.AuditTrail;

/**
 * Once per database, at the first start of this release: cases filed by an earlier release, which
 * kept the submitter's name and contact in process variables and their history (and wrote the
 * e-mail address or number into the ledger's reply entries), are brought to what this release
 * keeps. Case by case, in its own transaction: the full values go to {@link PersonalData}; the
 * running process keeps them masked; the engine's history of them is deleted; a ledger entry that
 * holds the contact gets it masked and the case's chain is sealed again, the hashes before and after
 * recorded in the audit trail.
 */
@Component
class EarlierPersonalData {

	static final String VERSION_PROPERTY = "platform.privacy.version";

	private static final Logger log = LoggerFactory.getLogger(EarlierPersonalData.class);

	private static final int BATCH = 200;

	private final ObjectProvider<StartContract> contracts;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final PersonalData personalData;

	private final LedgerService ledger;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	EarlierPersonalData(ObjectProvider<StartContract> contracts, HistoryService history, RuntimeService runtime,
			ManagementService management, PersonalData personalData, LedgerService ledger, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.contracts = contracts;
		this.history = history;
		this.runtime = runtime;
		this.management = management;
		this.personalData = personalData;
		this.ledger = ledger;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Order(14)
	@EventListener(ApplicationStartedEvent.class)
	void bringEarlierCasesUpToDate() {
		if (this.management.getProperties().containsKey(VERSION_PROPERTY)) {
			return;
		}
		int cases = 0;
		for (StartContract contract : this.contracts.orderedStream().toList()) {
			cases += moveOutOfTheEngine(contract);
		}
		this.management.setProperty(VERSION_PROPERTY, "1");
		if (cases > 0) {
			log.info("Moved the personal data of {} cases of an earlier release out of the engine's variables and history",
					cases);
		}
	}

	/** Every instance of the process with personal variables in its history; how many cases. */
	int moveOutOfTheEngine(StartContract contract) {
		Set<String> names = new HashSet<>(contract.personal());
		names.addAll(contract.formerPersonal());
		if (names.isEmpty()) {
			return 0;
		}
		int cases = 0;
		List<HistoricVariableInstance> batch;
		Set<String> done = new HashSet<>();
		do {
			batch = this.history.createHistoricVariableInstanceQuery()
				.processDefinitionKey(contract.processKey())
				.variableNameIn(names.toArray(String[]::new))
				.orderByProcessInstanceId()
				.asc()
				.listPage(0, BATCH);
			Map<String, List<HistoricVariableInstance>> byInstance = batch.stream()
				.collect(Collectors.groupingBy(HistoricVariableInstance::getProcessInstanceId, LinkedHashMap::new,
						Collectors.toList()));
			for (var instance : byInstance.entrySet()) {
				if (!done.add(instance.getKey())) {
					throw new IllegalStateException("the personal history of process instance " + instance.getKey()
							+ " could not be removed");
				}
				this.transaction.executeWithoutResult(status -> move(contract, instance.getKey(), instance.getValue()));
				cases++;
			}
		}
		while (!batch.isEmpty());
		return cases;
	}

	private void move(StartContract contract, String instanceId, List<HistoricVariableInstance> variables) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processInstanceId(instanceId)
			.singleResult();
		String caseNo = instance == null ? null : instance.getBusinessKey();
		boolean owner = caseNo != null && this.ledger.owner(caseNo).map(instanceId::equals).orElse(false);
		Map<String, String> values = new HashMap<>();
		for (HistoricVariableInstance variable : variables) {
			if (contract.personal().contains(variable.getName()) && variable.getValue() != null) {
				values.put(variable.getName(), variable.getValue().toString());
			}
		}
		if (owner && !this.personalData.isKept(caseNo)) {
			this.personalData.keep(caseNo, values);
			maskInLedger(caseNo, values);
			this.audit.record(AuditEventType.PERSONAL_DATA_MOVED, null, caseNo,
					"kept apart, masked in the running process, removed from the engine's history: " + values.keySet());
		}
		if (instance != null && instance.getEndTime() == null) {
			Map<String, Object> masked = new HashMap<>();
			values.forEach((name, value) -> masked.put(name, Masks.of(value)));
			this.runtime.setVariables(instanceId, masked);
			this.runtime.removeVariables(instanceId, contract.formerPersonal());
		}
		for (HistoricVariableInstance variable : variables) {
			this.history.deleteHistoricVariableInstance(variable.getId());
		}
	}

	/** A contact (an address, a number) an earlier release wrote into the case's ledger is masked there. */
	private void maskInLedger(String caseNo, Map<String, String> values) {
		List<String> contacts = values.values().stream().filter(Masks::isContact).map(String::strip).toList();
		if (contacts.isEmpty()) {
			return;
		}
		for (LedgerEntry entry : this.ledger.caseHistory(caseNo)) {
			String detail = entry.detail();
			if (detail == null || contacts.stream().noneMatch(detail::contains)) {
				continue;
			}
			for (String contact : contacts) {
				detail = detail.replace(contact, Masks.of(contact));
			}
			LedgerService.Resealed resealed = this.ledger.redactDetail(caseNo, entry.seq(), detail);
			this.audit.record(AuditEventType.LEDGER_MASKED, null, caseNo, "entry " + entry.seq() + " (" + entry.event()
					+ "): the submitter's contact masked; hash " + resealed.hashBefore() + " → " + resealed.hashAfter()
					+ ", " + resealed.entriesResealed() + " entries sealed again");
		}
	}

}
