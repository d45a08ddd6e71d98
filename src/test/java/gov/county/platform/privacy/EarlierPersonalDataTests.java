package gov.county.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.card.CardIntake;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerSeals;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.security.AuditTrail;

/**
 * A card of the release before: the submitter's name, contact and e-mail address in its variables
 * and their history, the address in its ledger's reply entry. The first start of this release
 * keeps them apart, masks them in the running process, deletes their history and masks the ledger
 * entry, which still verifies.
 */
@PlatformIntegrationTest
class EarlierPersonalDataTests {

	static final String ADDRESS = "qian.legacy@example.org";

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	EarlierPersonalData migration;

	@Autowired
	PersonalData personalData;

	@Autowired
	LedgerService ledger;

	@Autowired
	AuditTrail audit;

	@Autowired
	LedgerSeals seals;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCardOfTheEarlierReleaseIsBroughtUpToDateAndItsLedgerStillVerifies() {
		CaseIntake.Filed filed = TestProcesses.as(this.engine.getIdentityService(), "township-labao-clerk",
				() -> this.intake.file(Map.of("talk", "PUBLIC_SERVICE", "kind", "REQUEST", "subject", "旧案 Earlier case",
						"content", "Filed before personal data was kept apart.", "submitterName", "钱某", "submitterContact",
						ADDRESS, "receivingUnit", "township-labao")));
		asTheEarlierReleaseLeftIt(filed);

		this.migration.bringEarlierCasesUpToDate();
		this.seals.sealUnsealed();

		assertThat(this.personalData.view(filed.caseNo(), true).values())
			.isEqualTo(Map.of("submitterName", "钱某", "submitterContact", ADDRESS));
		RuntimeService runtime = this.engine.getRuntimeService();
		assertThat(runtime.getVariable(filed.processInstanceId(), "submitterName")).isEqualTo("钱*");
		assertThat(runtime.getVariable(filed.processInstanceId(), "submitterContact")).isEqualTo("q***@example.org");
		assertThat(runtime.getVariable(filed.processInstanceId(), "submitterEmail")).isNull();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE PROC_INST_ID_ = ? AND NAME_ IN "
				+ "('submitterName', 'submitterContact', 'submitterEmail')", Integer.class, filed.processInstanceId())).isZero();
		LedgerEntry reply = this.ledger.caseHistory(filed.caseNo()).get(1);
		assertThat(reply.detail()).isEqualTo("e-mailed to q***@example.org: 已答复 Answered");
		assertThat(this.ledger.verify().ok()).isTrue();
		assertThat(this.audit.page("LEDGER_MASKED", null, filed.caseNo(), null, null, 0, 5).entries()).singleElement()
			.satisfies(e -> assertThat(e.detail()).contains("entry 2").contains(" → "));
		assertThat(this.audit.page("PERSONAL_DATA_MOVED", null, filed.caseNo(), null, null, 0, 5).total()).isEqualTo(1);
		assertThat(this.engine.getManagementService().getProperties()).containsKey(EarlierPersonalData.VERSION_PROPERTY);

		this.migration.bringEarlierCasesUpToDate();
		assertThat(this.audit.page("LEDGER_MASKED", null, filed.caseNo(), null, null, 0, 5).total()).as("once").isEqualTo(1);
	}

	/** What the earlier release stored: full values in variables and history, the address in the ledger. */
	private void asTheEarlierReleaseLeftIt(CaseIntake.Filed filed) {
		this.jdbc.update("DELETE FROM personal_data WHERE case_no = ?", filed.caseNo());
		Map<String, Object> earlier = Map.of("submitterName", "钱某", "submitterContact", ADDRESS, "submitterEmail", ADDRESS);
		this.engine.getRuntimeService().setVariables(filed.processInstanceId(), earlier);
		ProcessInstance instance = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(filed.processInstanceId())
			.singleResult();
		earlier.forEach((name, value) -> this.jdbc.update("INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, "
				+ "ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, TEXT_, STATE_) "
				+ "VALUES (?, 'InteractionCardProcess', ?, ?, ?, ?, ?, 'string', ?, 0, ?, 'CREATED')",
				UUID.randomUUID().toString(), instance.getProcessDefinitionId(), instance.getId(), instance.getId(),
				instance.getId(), name, new Timestamp(System.currentTimeMillis()), value));
		LedgerEntry reply = this.ledger.append(new LedgerEvent(filed.caseNo(), "InteractionCardProcess", "FEEDBACK_SENT",
				"township-labao", "system", null, "e-mailed to " + ADDRESS + ": 已答复 Answered"));
		// the earlier release sealed nothing: the reply, the last entry of the ledger, loses its seal
		long global = this.jdbc.queryForObject("SELECT global_seq FROM ledger_entry WHERE id = ?", Long.class, reply.id());
		String before = this.jdbc.queryForObject("SELECT seal FROM ledger_entry WHERE global_seq = ?", String.class,
				global - 1);
		this.jdbc.update("UPDATE ledger_entry SET global_seq = NULL, seal = NULL, seal_key = NULL WHERE id = ?", reply.id());
		this.jdbc.update("UPDATE ledger_global SET last_seq = ?, last_seal = ? WHERE id = 1", global - 1, before);
		this.engine.getManagementService().deleteProperty(EarlierPersonalData.VERSION_PROPERTY);
	}

}
