package gov.county.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import gov.county.platform.ledger.CaseNumberService;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerEvent;
import gov.county.platform.ledger.LedgerService;

/** The embedded default keeps everything in files under the data folder across a restart. */
class RestartKeepsDataTests {

	@Test
	void aRestartKeepsLedgerCaseNumbersAndUsers(@TempDir Path dataDir) {
		String caseNo;
		try (ConfigurableApplicationContext first = start(dataDir)) {
			caseNo = first.getBean(CaseNumberService.class).next("RS");
			first.getBean(LedgerService.class)
				.append(new LedgerEvent(caseNo, "TestProcess", "FILED", "township-labao", "system", null, "kept"));
			IdentityService identity = first.getBean(IdentityService.class);
			identity.saveUser(identity.newUser("township-labao-newcomer"));
		}
		assertThat(Files.exists(dataDir.resolve("platform.mv.db"))).isTrue();

		try (ConfigurableApplicationContext second = start(dataDir)) {
			assertThat(second.getBean(LedgerService.class).caseHistory(caseNo)).extracting(LedgerEntry::detail)
				.containsExactly("kept");
			assertThat(second.getBean(CaseNumberService.class).next("RS")).as("numbers go on, never reused")
				.isEqualTo(caseNo.substring(0, 8) + String.format("%06d", Integer.parseInt(caseNo.substring(8)) + 1));
			assertThat(second.getBean(IdentityService.class).createUserQuery().userId("township-labao-newcomer").count())
				.isEqualTo(1);
			assertThat(second.getBean(LedgerService.class).verify().ok()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(PlatformApplication.class).run("--server.port=0",
				"--platform.data-dir=" + dataDir, "--platform.admin.password=Restart-2026",
				"--camunda.bpm.job-execution.enabled=false", "--spring.mail.host=");
	}

}
