package gov.county.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import gov.county.platform.support.PlatformIntegrationTest;

/**
 * No built-in administrator password: the configured one, checked against the policy, or a random
 * one printed once; the three administrators each in their own group.
 */
@PlatformIntegrationTest
class AdministratorAccountsTests {

	@Autowired
	IdentityService identity;

	@AfterEach
	void restoreDemoAdministrators() {
		new AdministratorAccounts(this.identity, "demo", "demo", "demo", true).ensureAccounts();
	}

	@Test
	void firstStartWithoutPasswordsPrintsRandomOnesOnceThatMeetThePolicy() {
		for (String id : new String[] { "admin", "security-admin", "audit-admin" }) {
			this.identity.deleteUser(id);
		}

		String firstStart = stdoutOf(() -> new AdministratorAccounts(this.identity, "", "", "", false).ensureAccounts());

		for (var account : new String[][] { { "admin", "camunda-admin" }, { "security-admin", "security-admins" },
				{ "audit-admin", "audit-admins" } }) {
			Matcher printed = Pattern.compile("user '" + account[0] + "' with password\\s+(\\S+)").matcher(firstStart);
			assertThat(printed.find()).as(firstStart).isTrue();
			String password = printed.group(1);
			assertThat(PasswordRules.accepts(password, account[0])).as(password).isTrue();
			assertThat(this.identity.checkPassword(account[0], password)).isTrue();
			assertThat(this.identity.createUserQuery().userId(account[0]).memberOfGroup(account[1]).count()).isEqualTo(1);
			String secondStart = stdoutOf(
					() -> new AdministratorAccounts(this.identity, "", "", "", false).ensureAccounts());
			assertThat(secondStart).doesNotContain(password);
			assertThat(this.identity.checkPassword(account[0], password)).as("kept across restarts").isTrue();
		}
	}

	@Test
	void configuredPasswordIsSetAtEveryStart() {
		new AdministratorAccounts(this.identity, "Reset-2026-password", "", "", false).ensureAccounts();
		assertThat(this.identity.checkPassword("admin", "Reset-2026-password")).isTrue();
	}

	@Test
	void aWeakConfiguredPasswordStopsTheStartNamingItsVariable() {
		for (String weak : new String[] { "1", "Short-1a", "password1234", "abcdefghijklmnop", "My-Security-Admin-2026" }) {
			assertThatThrownBy(() -> new AdministratorAccounts(this.identity, "", weak, "", false).ensureAccounts())
				.as(weak)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("PLATFORM_SECURITY_ADMIN_PASSWORD")
				.hasMessageContaining("12");
		}
		assertThat(this.identity.checkPassword("security-admin", "demo")).as("nothing changed").isTrue();
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
