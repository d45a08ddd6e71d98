package gov.county.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.card.CardIntake;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.notification.Notification;
import gov.county.platform.notification.NotificationService;
import gov.county.platform.security.AuditTrail;

/**
 * Personal data is erased once the retention period after a case's end has passed: the kept name
 * and contact and the e-mails' addresses go, the case's history and ledger stay whole and verify;
 * a case still running keeps its data.
 */
@PlatformIntegrationTest
class RetentionTests {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CardIntake intake;

	@Autowired
	Retention retention;

	@Autowired
	PersonalData personalData;

	@Autowired
	NotificationService notifications;

	@Autowired
	LedgerService ledger;

	@Autowired
	AuditTrail audit;

	@Autowired
	TestRestTemplate rest;

	@Test
	void aClosedCasesSubmitterIsErasedAfterTheRetentionPeriodAndTheLedgerStillVerifies() {
		CaseIntake.Filed closed = file("zhao@example.org");
		CaseIntake.Filed running = file("13700000000");
		String task = this.engine.getTaskService().createTaskQuery().processInstanceId(closed.processInstanceId())
			.singleResult().getId();
		TestProcesses.as(this.engine.getIdentityService(), "township-labao-clerk", () -> this.engine.getTaskService()
			.complete(task, Map.of("acceptance", "REJECT", "rejectReason", "重复 Filed twice")));
		var job = this.engine.getManagementService().createJobQuery().processInstanceId(closed.processInstanceId())
			.singleResult();
		this.engine.getManagementService().executeJob(job.getId());
		assertThat(this.notifications.ofCase(closed.caseNo())).extracting(Notification::recipient)
			.contains("zhao@example.org");

		assertThat(this.retention.eraseClosedBefore(Instant.now().minus(Duration.ofDays(1))))
			.as("closed less than the retention period ago").isZero();
		assertThat(this.retention.eraseClosedBefore(Instant.now().plus(Duration.ofMinutes(1)))).isGreaterThanOrEqualTo(1);

		assertThat(this.personalData.view(closed.caseNo(), true).shown()).isEqualTo(PersonalData.Shown.ERASED);
		assertThat(this.personalData.value(closed.caseNo(), "submitterContact")).isEmpty();
		assertThat(this.notifications.ofCase(closed.caseNo())).extracting(Notification::recipient)
			.doesNotContain("zhao@example.org");
		assertThat(this.notifications.ofCase(closed.caseNo())).extracting(Notification::body)
			.noneMatch(body -> body.contains("Filed twice"));
		Map<?, ?> view = this.rest.withBasicAuth("township-labao-clerk", "demo")
			.getForObject("/api/cases/" + closed.caseNo(), Map.class);
		assertThat(view.get("personalDataShown")).isEqualTo("ERASED");
		assertThat((java.util.List<?>) view.get("ledger")).hasSize(3);
		assertThat(this.ledger.verify().ok()).isTrue();
		assertThat(this.audit.page("PERSONAL_DATA_ERASED", null, closed.caseNo(), null, null, 0, 5).total()).isEqualTo(1);

		assertThat(this.personalData.view(running.caseNo(), true).values())
			.containsEntry("submitterContact", "13700000000");
		assertThat(this.retention.eraseClosedBefore(Instant.now().plus(Duration.ofMinutes(1)))).as("done once").isZero();
	}

	private CaseIntake.Filed file(String contact) {
		return TestProcesses.as(this.engine.getIdentityService(), "township-labao-clerk",
				() -> this.intake.file(Map.of("talk", "PUBLIC_SERVICE", "kind", "REQUEST", "subject", "路面破损 Road damage",
						"content", "Potholes.", "submitterName", "赵某", "submitterContact", contact, "receivingUnit",
						"township-labao")));
	}

}
