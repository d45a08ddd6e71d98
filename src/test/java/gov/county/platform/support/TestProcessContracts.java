package gov.county.platform.support;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import gov.county.platform.engine.StartContract;

/** What the test diagrams may be started with by a clerk, as the platform's processes declare theirs. */
@Configuration
class TestProcessContracts {

	@Bean
	StartContract authorizationProbeStart() {
		return new StartContract(TestProcesses.AUTHORIZATION_PROBE, Set.of("unit"), Set.of());
	}

}
