package gov.county.platform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one application context most integration tests share: the platform on a random port with the
 * demo users, in-memory H2 (PostgreSQL with {@code -Dtest.database=postgres}) and no job executor.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
@ContextConfiguration(initializers = EmbeddedPostgres.class)
public @interface PlatformIntegrationTest {

}
