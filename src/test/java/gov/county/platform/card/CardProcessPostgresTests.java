package gov.county.platform.card;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import gov.county.platform.EmbeddedPostgres;

/** Every path of the card process again, on PostgreSQL 17 instead of H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "test.postgres.database=cards")
@ActiveProfiles({ "demo", "test", "postgres" })
@ContextConfiguration(initializers = EmbeddedPostgres.class)
class CardProcessPostgresTests extends CardProcessScenarios {

}
