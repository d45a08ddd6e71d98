package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.notification.Notice;
import gov.county.platform.notification.NotificationService;

import gov.county.platform.organization.TasklistFilters;
import gov.county.platform.support.PlatformIntegrationTest;

/**
 * The demo's overdue card (dispatched by 拉包乡 to 县市场监督管理局) has been warned, urged and criticised:
 * that department's clerk opens "通知 Notices" in Tasklist's header, reads the notices in Chinese with
 * English, and follows the link to the card's handling task, the current filter kept.
 */
@PlatformIntegrationTest
class TasklistNoticesBrowserTests {

	private static final String LEAD_UNIT = "dept-market-regulation";

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	NotificationService notifications;

	private ChromeDriver driver;

	private Task overdue;

	private String caseNo;

	/** The overdue card's escalation timers, run as the job executor would (the tests' engine has none). */
	@BeforeEach
	void escalateTheOverdueCard() {
		this.overdue = this.engine.getTaskService()
			.createTaskQuery()
			.taskDefinitionKey("Task_HandleCard")
			.taskCandidateGroup(LEAD_UNIT)
			.dueBefore(new java.util.Date())
			.list()
			.get(0);
		this.caseNo = this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(this.overdue.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
		var management = this.engine.getManagementService();
		management.createJobQuery()
			.processInstanceId(this.overdue.getProcessInstanceId())
			.timers()
			.executable()
			.list()
			.forEach(job -> management.executeJob(job.getId()));
	}

	@AfterEach
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void theLeadUnitsClerkReadsTheUrgingNoticeAndOpensTheTask() throws Exception {
		this.driver = Browser.start();
		WebDriverWait wait = Browser.logInToTasklist(this.driver, this.port, LEAD_UNIT + "-clerk", "demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), TasklistFilters.MY_UNIT));
		wait.until(driver -> driver.getCurrentUrl().contains("filter="));
		String filter = this.driver.getCurrentUrl().replaceAll(".*[?&](filter=[^&]*).*", "$1");

		WebElement action = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.county-notices-action")));
		assertThat(action.getText()).contains("通知 Notices");
		WebElement badge = this.driver.findElement(By.cssSelector(".county-notices-badge"));
		wait.until(driver -> !badge.getText().isEmpty());
		assertThat(badge.getText()).as("new since this browser last opened them").matches("[1-9]\\d*\\+?");
		Browser.screenshot(this.driver, "tasklist-notices-header");
		action.click();

		By ofTheCase = By.xpath("//li[contains(@class, 'county-notice')][.//*[contains(., '" + this.caseNo + "')]]");
		wait.until(ExpectedConditions.visibilityOfElementLocated(ofTheCase));
		Browser.screenshot(this.driver, "tasklist-notices");
		String dialog = this.driver.findElement(By.cssSelector(".county-notices-modal")).getText();
		assertThat(dialog).contains("通知 Notices", "催办通知 Urging notice", "已超过办理时限", "passed its deadline",
				"案件编号 Case No.: " + this.caseNo, "发给单位 To unit: 县市场监督管理局");
		assertThat(dialog).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
		assertThat(dialog.indexOf("通报批评并报县领导 Notice of criticism")).as("newest first: the criticism above the urging")
			.isLessThan(dialog.indexOf("催办通知 Urging notice"));

		WebElement link = this.driver.findElement(ofTheCase).findElement(By.cssSelector("a.county-notice-task"));
		assertThat(link.getText()).isEqualTo("打开任务 Open task: " + this.overdue.getName());
		link.click();

		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".county-notices-modal")));
		assertThat(badge.isDisplayed()).as("all seen").isFalse();
		wait.until(driver -> driver.getCurrentUrl().contains("task=" + this.overdue.getId()));
		assertThat(this.driver.getCurrentUrl()).as("the filter kept").contains(filter);
		wait.until(ExpectedConditions.visibilityOfElementLocated(
				By.xpath("//*[contains(@class, 'task-details')]//*[contains(., '" + this.overdue.getName() + "')]")));
		Browser.screenshot(this.driver, "tasklist-notices-task");
	}

	@Test
	void aNoticeCarryingMarkupIsShownAsTextAndNeverRun() throws Exception {
		String subject = "催办 " + HostileTextBrowserTests.MARKUP + " " + HostileTextBrowserTests.TEMPLATE;
		this.notifications.notify(new Notice(null, List.of("user:township-chengtuan-clerk"), subject,
				HostileTextBrowserTests.TEMPLATE + " " + HostileTextBrowserTests.MARKUP, null));

		this.driver = Browser.start();
		WebDriverWait wait = Browser.logInToTasklist(this.driver, this.port, "township-chengtuan-clerk", "demo");
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.county-notices-action"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".county-notice-subject")));
		assertThat(this.driver.findElements(By.cssSelector(".county-notice-subject"))).extracting(WebElement::getText)
			.contains(subject);
		assertThat(this.driver.executeScript("return window.__xss")).as("nothing of it ran").isNull();
	}

}
