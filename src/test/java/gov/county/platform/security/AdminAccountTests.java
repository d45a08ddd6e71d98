package gov.county.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.PlatformIntegrationTest;

/** No built-in admin password: the configured one, or a random one printed once. */
@PlatformIntegrationTest
class AdminAccountTests {

	@Autowired
	IdentityService identity;

	@AfterEach
	void restoreDemoAdmin() {
		new AdminAccount(this.identity, "demo").ensureAdmin();
	}

	@Test
	void firstStartWithoutPasswordPrintsARandomOneOnce() {
		this.identity.deleteUser("admin");

		String firstStart = stdoutOf(() -> new AdminAccount(this.identity, "").ensureAdmin());
		Matcher printed = Pattern.compile("password\\s+(\\S+)").matcher(firstStart);
		assertThat(printed.find()).as(firstStart).isTrue();
		String password = printed.group(1);

		assertThat(password).hasSizeGreaterThanOrEqualTo(16).isNotEqualTo("demo");
		assertThat(this.identity.checkPassword("admin", password)).isTrue();
		assertThat(this.identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);

		String secondStart = stdoutOf(() -> new AdminAccount(this.identity, "").ensureAdmin());
		assertThat(secondStart).doesNotContain(password);
		assertThat(this.identity.checkPassword("admin", password)).as("kept across restarts").isTrue();
	}

	@Test
	void configuredPasswordIsSetAtEveryStart() {
		new AdminAccount(this.identity, "Reset-2026-password").ensureAdmin();
		assertThat(this.identity.checkPassword("admin", "Reset-2026-password")).isTrue();
	}

	private static String stdoutOf(Runnable action) {
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			action.run();
		}
		finally {
			System.setOut(original);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

}
