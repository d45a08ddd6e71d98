package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.organization.TasklistFilters;

/** A township clerk logs into Tasklist and finds the unit's shared filters. */
@PlatformIntegrationTest
class TasklistLoginBrowserTests {

	@LocalServerPort
	int port;

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	private WebDriverWait logIn(String user, String password) {
		this.driver = Browser.start();
		return Browser.logInToTasklist(this.driver, this.port, user, password);
	}

	@Test
	void clerkLogsInAndSeesTheSharedFilters() throws Exception {
		WebDriverWait wait = logIn("township-labao-clerk", "demo");

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), TasklistFilters.MY_UNIT));
		String page = this.driver.findElement(By.tagName("body")).getText();
		Browser.screenshot(this.driver, "tasklist-clerk-logged-in");

		assertThat(page).contains(TasklistFilters.ASSIGNED_TO_ME, TasklistFilters.DUE_SOON, TasklistFilters.OVERDUE);
	}

	@Test
	void wrongPasswordKeepsTheClerkOut() throws Exception {
		WebDriverWait wait = logIn("dept-youth-league-clerk", "not-the-password");

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notifications .alert, .alert-danger")));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).doesNotContain(TasklistFilters.MY_UNIT);
	}

}
