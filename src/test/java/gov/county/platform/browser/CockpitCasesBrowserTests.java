package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.security.AuditTrail;
import gov.county.platform.support.PlatformIntegrationTest;

/**
 * The demo auditor in Cockpit: opens Cases (案件), finds the demo's rejected card — finished, so
 * Cockpit Community Edition itself no longer shows it — by its number, and sees every ledger entry,
 * every completed task with who completed it, and its chain verified. A township clerk signed in to
 * the webapps who opens that case's view is refused. Screenshots in {@code target/screenshots/}.
 */
@PlatformIntegrationTest
class CockpitCasesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LedgerService ledger;

	@Autowired
	AuditTrail audit;

	private ChromeDriver driver;

	private String rejected;

	/** The demo's rejected card (dept-commerce's), its rejection sent (a job the job executor would run), so finished. */
	@BeforeEach
	void finishTheRejectedCard() {
		this.rejected = this.engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey("InteractionCardProcess")
			.list()
			.stream()
			.map(HistoricProcessInstance::getBusinessKey)
			.filter(caseNo -> this.ledger.caseHistory(caseNo)
				.stream()
				.anyMatch(e -> e.event().equals("REJECTED") && "dept-commerce".equals(e.unit())))
			.findFirst()
			.orElseThrow();
		this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.rejected)
			.list()
			.forEach(instance -> this.engine.getManagementService()
				.createJobQuery()
				.processInstanceId(instance.getId())
				.list()
				.forEach(job -> this.engine.getManagementService().executeJob(job.getId())));
	}

	@AfterEach
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void theAuditorFindsAFinishedCardByItsNumberWithItsLedgerTasksAndCheck() throws Exception {
		this.driver = Browser.start();
		WebDriverWait wait = Browser.logIn(this.driver, this.port, "cockpit", "auditor", "demo");
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Cases (案件)"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".county-cases-total")));
		Browser.screenshot(this.driver, "cockpit-cases-list");

		this.driver.findElement(By.id("county-cases-caseNo")).sendKeys(this.rejected);
		this.driver.findElement(By.cssSelector(".county-cases-search button[type=submit]")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.linkText(this.rejected))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".county-case-verification strong")));
		Browser.screenshot(this.driver, "cockpit-case-view");

		// the whole page's text, also what lies below the fold of Cockpit's scrolled view
		String page = this.driver.findElement(By.tagName("body")).getAttribute("textContent");
		assertThat(page).contains(this.rejected, "已办结", "台账链校验通过 The chain verifies");
		List<LedgerEntry> entries = this.ledger.caseHistory(this.rejected);
		assertThat(entries).extracting(LedgerEntry::event).contains("FILED", "REJECTED", "CLOSED");
		assertThat(this.driver.findElements(By.cssSelector(".county-cases-table"))).hasSizeGreaterThanOrEqualTo(2);
		assertThat(page).contains("登记 Filed", "不予受理 Rejected", "结案 Closed");
		for (LedgerEntry entry : entries) {
			assertThat(page).as("entry " + entry.seq()).contains(entry.hash().substring(0, 12));
		}
		assertThat(page).as("the completed acceptance, by whom").contains("Accept card").contains("dept-commerce-clerk");

		// the diagram with the path taken: acceptance and the rejection's end passed, handling never reached
		By accept = By.cssSelector(".county-case-diagram g[data-element='Task_AcceptCard']");
		assertThat(this.driver.findElement(accept).getAttribute("class")).contains("passed");
		assertThat(this.driver.findElement(By.cssSelector(".county-case-diagram g[data-element='EndEvent_CardRejected']"))
			.getAttribute("class")).contains("passed");
		assertThat(this.driver.findElement(By.cssSelector(".county-case-diagram g[data-element='Task_HandleCard']"))
			.getAttribute("class")).doesNotContain("passed").doesNotContain("current");
		assertThat(this.driver.findElements(By.cssSelector(".county-case-diagram g.county-diagram-flow.taken")))
			.hasSizeGreaterThanOrEqualTo(3);
		assertThat(this.driver.findElement(accept).getAttribute("textContent")).as("its name and, on hovering, what the case did there")
			.contains("Accept card (受理) · 已经过 passed");
		this.driver.executeScript("arguments[0].scrollIntoView()", this.driver.findElement(By.cssSelector(".county-case-diagram")));
		Browser.screenshot(this.driver, "cockpit-case-diagram");

		// the submitter's data masked to the auditor until opened deliberately, and that opening recorded
		this.driver.executeScript("arguments[0].scrollIntoView()", this.driver.findElement(By.cssSelector(".county-case-header")));
		String masked = this.driver.findElement(By.cssSelector(".county-case-header")).getText();
		assertThat(masked).contains("*");
		this.driver.findElement(By.cssSelector(".county-case-reveal")).click();
		wait.until(driver -> !driver.findElements(By.cssSelector(".county-case-header")).isEmpty()
				&& driver.findElements(By.cssSelector(".county-case-reveal")).isEmpty());
		assertThat(this.driver.findElement(By.cssSelector(".county-case-header")).getText()).contains("提交人 Submitter")
			.doesNotContain("*");
		assertThat(this.audit.page("PERSONAL_DATA_REVEALED", "auditor", this.rejected, null, null, 0, 5).entries())
			.hasSize(1);
	}

	/** Cockpit's buttons that change an instance are not offered to the auditor, and still are to the admin. */
	@Test
	void theAuditorIsOfferedNoButtonThatWouldChangeACase() throws Exception {
		String running = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("InteractionCardProcess")
			.active()
			.list()
			.get(0)
			.getId();
		By changing = By.cssSelector("a.btn-toolbar[ng-click='openDialog()'], button[ng-click^='enableEditMode'], "
				+ "button[ng-click^='deleteVariable']");
		for (String user : new String[] { "auditor", "admin" }) {
			this.driver = Browser.start();
			WebDriverWait wait = Browser.logIn(this.driver, this.port, "cockpit", user, "demo");
			wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.county-cases-navigation")));
			this.driver.get("http://localhost:" + this.port + "/camunda/app/cockpit/default/#/process-instance/" + running
					+ "/runtime?tab=variables-tab");
			wait.until(ExpectedConditions.presenceOfElementLocated(changing));
			if (user.equals("auditor")) {
				wait.until(driver -> String.valueOf(driver.findElement(By.tagName("html")).getAttribute("class"))
					.contains("county-read-only"));
			}
			else {
				Thread.sleep(2000);
			}
			Browser.screenshot(this.driver, "cockpit-instance-" + user);
			long shown = this.driver.findElements(changing).stream().filter(e -> e.isDisplayed()).count();
			if (user.equals("auditor")) {
				assertThat(shown).as("buttons that change the case, shown to the auditor").isZero();
			}
			else {
				assertThat(shown).as("the system administrator keeps them").isPositive();
			}
			this.driver.quit();
			this.driver = null;
		}
	}

	@Test
	void aTownshipClerkOpeningAnotherUnitsCaseViewIsRefused() throws Exception {
		this.driver = Browser.start();
		WebDriverWait wait = Browser.logIn(this.driver, this.port, "tasklist", "township-labao-clerk", "demo");
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
		this.driver.get("http://localhost:" + this.port + "/camunda/app/cockpit/default/#/cases/" + this.rejected);
		// clerks have no Cockpit: the page says so in Chinese and English, and shows nothing of the case
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1.access-refused")));
		Browser.screenshot(this.driver, "cockpit-case-view-refused");
		assertThat(this.driver.findElement(By.tagName("body")).getText()).contains("无权访问 Not permitted",
				"Tasklist");
		assertThat(this.driver.findElement(By.tagName("body")).getText()).doesNotContain("邻里纠纷")
			.doesNotContain("不予受理 Rejected");
	}

}
