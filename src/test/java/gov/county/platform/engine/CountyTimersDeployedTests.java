package gov.county.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.support.PlatformIntegrationTest;

/** The survey schedule as deployed: 09:00 county time on 15 May and 15 November. */
@PlatformIntegrationTest
class CountyTimersDeployedTests {

	@Autowired
	ManagementService management;

	@Test
	void theSurveyScheduleIsDueAtNineInTheCounty() {
		Job schedule = this.management.createJobQuery()
			.processDefinitionKey("SatisfactionSurveyScheduleProcess")
			.timers()
			.singleResult();
		assertThat(schedule.getDuedate().toInstant().atZone(ZoneId.of("Asia/Shanghai")))
			.satisfies(at -> {
				assertThat(at.getHour()).isEqualTo(9);
				assertThat(at.getMinute()).isZero();
				assertThat(at.getDayOfMonth()).isEqualTo(15);
				assertThat(at.getMonthValue()).isIn(5, 11);
			});
	}

}
