package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.card.CardIntake;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.organization.TasklistFilters;

/** A township clerk accepts a card through its Camunda Form in Tasklist, and the process moves on. */
@PlatformIntegrationTest
class AcceptCardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	CardIntake intake;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LedgerService ledger;

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	/** Scrolls the element to the middle of the window first: Tasklist's footer covers the bottom. */
	private void click(WebElement element) {
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	@Test
	void clerkAcceptsACardInTasklist() throws Exception {
		String subject = "浏览器受理 <script>alert('x')</script>";
		CaseIntake.Filed filed = TestProcesses.as(this.engine.getIdentityService(), "township-chengtuan-clerk",
				() -> this.intake.file(java.util.Map.of("talk", "OWNER_ENTREPRENEURSHIP", "kind", "REQUEST", "subject",
						subject, "content", "办证排队太久 Queues at the permit window are too long", "submitterName",
						"李老板", "receivingUnit", "township-chengtuan", "channel", "FACE_TO_FACE")));

		this.driver = Browser.start();
		WebDriverWait wait = Browser.logInToTasklist(this.driver, this.port, "township-chengtuan-clerk", "demo");

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), TasklistFilters.MY_UNIT));
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'Accept card (受理)')]")))
			.click();
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click='unclaim()']")));
		Browser.screenshot(this.driver, "accept-card-claimed");

		WebElement accept = wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//label[normalize-space(.)='受理 Accept']")));
		Browser.screenshot(this.driver, "accept-card-form");
		assertThat(this.driver.findElement(By.tagName("body")).getText()).contains("案件编号 Case number");
		assertThat(this.driver.findElements(By.xpath("//textarea[@readonly]")))
			.anySatisfy(area -> assertThat(area.getDomProperty("value")).contains("办证排队太久"));
		assertThat(this.driver.findElements(By.xpath("//input[@readonly]")))
			.as("typed text shown as text, never run")
			.anySatisfy(input -> assertThat(input.getDomProperty("value")).contains("<script>alert('x')</script>"));

		click(accept);
		WebElement link = wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//label[contains(., '十个环节')]/following::*[contains(@class, 'fjs-select-display') or self::select][1]")));
		click(link);
		click(wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(., '窗口服务 Service windows')]"))));
		Browser.screenshot(this.driver, "accept-card-filled");
		click(this.driver.findElement(By.cssSelector("button[ng-click='complete()']")));

		wait.until(driver -> this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(filed.processInstanceId())
			.taskDefinitionKey("Task_DispatchCard")
			.count() == 1);
		List<LedgerEntry> history = this.ledger.caseHistory(filed.caseNo());
		assertThat(history).extracting(LedgerEntry::event).contains("ACCEPTED");
		assertThat(history.stream().filter(e -> e.event().equals("ACCEPTED")).findFirst().get().actor())
			.isEqualTo("township-chengtuan-clerk");
		assertThat(this.engine.getRuntimeService().getVariable(filed.processInstanceId(), "link"))
			.isEqualTo("SERVICE_WINDOWS");
	}

}
