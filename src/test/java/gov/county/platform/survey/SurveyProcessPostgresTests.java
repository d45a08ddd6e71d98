package gov.county.platform.survey;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import gov.county.platform.EmbeddedPostgres;

/**
 * Every path of the satisfaction survey again, on PostgreSQL 17. Same context configuration as the
 * card's PostgreSQL tests, so one engine serves both.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "test.postgres.database=cards")
@ActiveProfiles({ "demo", "test", "postgres" })
@ContextConfiguration(initializers = EmbeddedPostgres.class)
class SurveyProcessPostgresTests extends SurveyProcessScenarios {

}
