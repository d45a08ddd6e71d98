package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.organization.TasklistFilters;
import gov.county.platform.support.PlatformIntegrationTest;

/**
 * A clerk's day in Tasklist, in Chinese and in English: the unit's tasks with case number, subject
 * and deadline in the list, due date first, the overdue one in red; a task found by typing its case
 * number; claimed, unclaimed and given a follow-up date; a card filed from "Start process" with its
 * number shown; and the supervision office finding another unit's overdue card in its county-wide
 * filter. Screenshots in {@code target/screenshots/tasklist-day-*}.
 */
@PlatformIntegrationTest
class TasklistDayBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	gov.county.platform.card.CardIntake intake;

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	private void click(WebElement element) {
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException covered) {
			// a modal's own layout sometimes lies over the field it holds; the user clicks the field
			new org.openqa.selenium.interactions.Actions(this.driver).moveToElement(element).click().perform();
		}
	}

	/** The demo's overdue card: its handling task at dept-market-regulation, past its due date. */
	private Task overdueTask() {
		return this.engine.getTaskService()
			.createTaskQuery()
			.taskCandidateGroup("dept-market-regulation")
			.taskDefinitionKey("Task_HandleCard")
			.dueBefore(new java.util.Date())
			.list()
			.get(0);
	}

	private String caseOf(Task task) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh", "en" })
	void aClerksDay(String language) throws Exception {
		String shot = "tasklist-day-" + language + "-";
		Task overdue = overdueTask();
		String overdueCase = caseOf(overdue);
		this.driver = browser(language);
		WebDriverWait wait = Browser.logInToTasklist(this.driver, this.port, "dept-market-regulation-clerk", "demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), TasklistFilters.MY_UNIT));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).as("Tasklist's own words in the chosen language")
			.contains(language.equals("zh") ? "发起流程" : "Start process");
		click(this.driver.findElement(By.xpath("//*[contains(text(), '本单位待办')]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), overdueCase));
		Thread.sleep(500);
		Browser.screenshot(this.driver, shot + "list");
		WebElement card = this.driver.findElement(By.xpath("//li[contains(@class, 'task') and contains(., '" + overdueCase + "')]"));
		assertThat(card.getText()).contains("Handle and reply (办理) · " + overdueCase, "窗口办事推诿", "县市场监督管理局");
		assertThat(card.findElement(By.cssSelector(".due-date")).getAttribute("class")).contains("overdue");
		assertThat(card.findElement(By.cssSelector(".due-date")).getCssValue("color")).as("overdue in red")
			.isEqualTo("rgba(201, 48, 44, 1)");
		assertThat(this.driver.getCurrentUrl()).as("due date first").contains("dueDate");

		// two more cards, and one of them found by typing its number into the search box as first shown
		String first = file("dept-market-regulation", "食品摊点卫生 Food stall hygiene");
		String second = file("dept-market-regulation", "价格标签不清 Unclear price tags");
		this.driver.navigate().refresh();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), second));
		WebElement search = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-widget-search] input")));
		search.sendKeys(first);
		search.sendKeys(Keys.ENTER);
		wait.until(driver -> {
			String list = driver.findElement(By.cssSelector(".tasks-list")).getText();
			return list.contains(first) && !list.contains(second) && !list.contains(overdueCase);
		});
		Browser.screenshot(this.driver, shot + "search");

		// claimed, unclaimed, and a follow-up date set in the task's header
		click(this.driver.findElement(By.xpath("//li[contains(@class, 'task')]//*[contains(text(), '" + first + "')]")));
		click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))));
		wait.until(driver -> "dept-market-regulation-clerk".equals(task(first).getAssignee()));
		click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='unclaim()']"))));
		wait.until(driver -> task(first).getAssignee() == null);
		click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[cam-widget-inline-field].followup-date"))));
		click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click^='applyChange']"))));
		wait.until(driver -> task(first).getFollowUpDate() != null);
		Thread.sleep(500);
		Browser.screenshot(this.driver, shot + "follow-up");
		assertThat(this.driver.findElement(By.tagName("body")).getText()).as("no error shown")
			.doesNotContain("CamundaFormRef")
			.doesNotContain("TASK_ASSIGN");

		// a card filed from "Start process": the clerk sees its number
		click(this.driver.findElement(By.cssSelector(".start-process-action a")));
		click(wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class, 'modal')]//*[contains(text(), '四谈互动卡')]"))));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button[ng-click='startProcessInstance()']")));
		Thread.sleep(1000);
		choose("四谈类型", "PUBLIC_SERVICE", "群众谈服务满意");
		choose("类别", "REQUEST", "诉求");
		type("主题", "路面塌陷 A hole in the road");
		type("内容", "菜市场门口路面塌陷。");
		type("提交人", "周女士");
		choose("受理单位", "dept-market-regulation", "县市场监督管理局");
		choose("渠道", "HOTLINE", "热线");
		click(this.driver.findElement(By.cssSelector("button[ng-click='startProcessInstance()']")));
		WebElement filed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".county-filed-notice")));
		String number = filed.findElement(By.cssSelector(".county-filed-number")).getText().replaceAll(".*(HD-\\d{4}-\\d{6}).*", "$1");
		assertThat(number).matches("HD-\\d{4}-\\d{6}");
		assertThat(this.engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number).count())
			.isEqualTo(1);
		Browser.screenshot(this.driver, shot + "filed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh", "en" })
	void theSupervisionOfficeSeesAnotherUnitsOverdueCardInItsCountyWideFilter(String language) throws Exception {
		String overdueCase = caseOf(overdueTask());
		this.driver = browser(language);
		WebDriverWait wait = Browser.logInToTasklist(this.driver, this.port, "supervisor", "demo");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "全县已超期"));
		click(this.driver.findElement(By.xpath("//*[contains(text(), '全县已超期')]")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), overdueCase));
		Browser.screenshot(this.driver, "tasklist-day-" + language + "-county-overdue");
		assertThat(this.driver.findElement(By.cssSelector(".tasks-list")).getText()).contains("县市场监督管理局");

		// another unit's task is the supervision office's to read, not to claim: nothing offered that would fail
		click(this.driver.findElement(By.xpath("//li[contains(@class, 'task')]//*[contains(text(), '" + overdueCase + "')]")));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".county-read-only-notice")));
		Thread.sleep(500);
		Browser.screenshot(this.driver, "tasklist-day-" + language + "-county-read-only");
		assertThat(this.driver.findElements(By.cssSelector("[ng-click='claim()']"))).noneMatch(WebElement::isDisplayed);
	}

	/**
	 * A browser in the webapps' language {@code zh} (everyone's default) or {@code en} (chosen with the
	 * switch at the bottom of the page, kept in the browser).
	 */
	private ChromeDriver browser(String language) {
		ChromeDriver browser = Browser.start();
		if (language.equals("en")) {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(40));
			browser.get("http://localhost:" + this.port + "/camunda/app/tasklist/default/");
			wait.until(ExpectedConditions.elementToBeClickable(
					By.xpath("//div[contains(@class,'county-language-switch')]/button[normalize-space()='English']")))
				.click();
			wait.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector(".county-language-switch button[data-language='en'][aria-pressed='true']")));
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
		}
		return browser;
	}

	private Task task(String caseNo) {
		return this.engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
	}

	private String file(String unit, String subject) {
		java.util.Map<String, Object> card = new java.util.HashMap<>(gov.county.platform.support.TestCards.card(unit));
		card.put("subject", subject);
		return gov.county.platform.support.TestProcesses.as(this.engine.getIdentityService(), unit + "-clerk",
				() -> this.intake.file(card)).caseNo();
	}

	/** Picks an option of a form's select by its label's Chinese part. */
	private void choose(String label, String value, String optionText) {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
		click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[contains(., '" + label
				+ "')]/following::*[contains(@class, 'fjs-select-display') or self::select or self::input][1]"))));
		click(wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(., '" + optionText + "')]"))));
	}

	private void type(String label, String text) {
		WebElement field = this.driver.findElement(
				By.xpath("//label[contains(., '" + label + "')]/following::*[self::input or self::textarea][1]"));
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
		field.sendKeys(text);
	}

}
