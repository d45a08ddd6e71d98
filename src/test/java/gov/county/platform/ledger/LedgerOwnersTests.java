package gov.county.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.card.CardIntake;

/**
 * A database of the release before owners were recorded: its cases get the instance that filed
 * them, not a later instance that carries the same number.
 */
@PlatformIntegrationTest
class LedgerOwnersTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	LedgerService ledger;

	@Autowired
	LedgerOwners owners;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCaseFiledBeforeOwnersWereKeptGetsTheInstanceThatFiledIt() {
		CaseIntake.Filed filed = TestProcesses.as(this.engine.getIdentityService(), "township-labao-clerk",
				() -> this.intake.file(Map.of("talk", "PUBLIC_SERVICE", "kind", "OPINION", "subject", "旧案 An old case",
						"content", "Filed by the previous release.", "submitterName", "李某", "receivingUnit",
						"township-labao")));
		String forged = TestProcesses.as(this.engine.getIdentityService(), "admin",
				() -> this.engine.getRuntimeService()
					.createProcessInstanceByKey("InteractionCardProcess")
					.businessKey(filed.caseNo())
					.startBeforeActivity("Task_AcceptCard")
					.setVariables(Map.of("receivingUnit", "township-labao", "acceptRemindAt", "2099-12-31T23:59:59+08:00"))
					.execute()
					.getId());
		this.jdbc.update("UPDATE ledger_case_head SET process_instance_id = NULL WHERE case_no = ?", filed.caseNo());
		assertThat(this.ledger.owner(filed.caseNo())).isEmpty();

		this.owners.recordOwners();

		assertThat(this.ledger.owner(filed.caseNo())).contains(filed.processInstanceId());
		this.engine.getRuntimeService().deleteProcessInstance(forged, "forged in a test");
	}

}
