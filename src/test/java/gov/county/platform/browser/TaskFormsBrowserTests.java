package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.card.CardIntake;
import gov.county.platform.cases.CaseWork;
import gov.county.platform.engine.EngineClock;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestCards;
import gov.county.platform.support.TestProcesses;

/**
 * What a clerk reads and picks in a card's forms in Tasklist: the lead unit's clerk opens the
 * handling form of a card that was warned and urged and reads its history in Chinese with
 * county-time dates and units by name; the receiving unit's clerk is offered co-units without the
 * lead unit chosen above them.
 */
@PlatformIntegrationTest
class TaskFormsBrowserTests {

	private static final DateTimeFormatter COUNTY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	@LocalServerPort
	int port;

	@Autowired
	CardIntake intake;

	@Autowired
	CaseWork work;

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

	private void click(WebElement element) {
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	private String file(String unit) {
		return TestProcesses.as(this.engine.getIdentityService(), unit + "-clerk",
				() -> this.intake.file(TestCards.card(unit)).caseNo());
	}

	private String instance(String caseNo) {
		return this.engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();
	}

	private String task(String caseNo, String key) {
		return this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult()
			.getId();
	}

	/** The case's jobs that are not timers (asynchronous continuations), or its timer on {@code activityId}, run. */
	private void run(String caseNo, String activityId) {
		ManagementService management = this.engine.getManagementService();
		String instance = instance(caseNo);
		List<Job> jobs = activityId == null ? management.createJobQuery().processInstanceId(instance).messages().list()
				: management.createJobQuery().processInstanceId(instance).activityId(activityId).list();
		jobs.forEach(job -> management.executeJob(job.getId()));
	}

	/** Signs in as {@code user} and opens task {@code taskId}, claimed. */
	private WebDriverWait open(String user, String taskId) {
		this.driver = Browser.start();
		WebDriverWait wait = Browser.logInToTasklist(this.driver, this.port, user, "demo");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks], .tasks-list, .task-card")));
		this.driver.get("http://localhost:" + this.port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click='unclaim()']")));
		return wait;
	}

	/** The form's input or textarea labelled {@code label}. */
	private WebElement field(WebDriverWait wait, String label) {
		WebElement labelled = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//label[starts-with(normalize-space(.), '" + label + "')]")));
		return this.driver.findElement(By.id(labelled.getDomAttribute("for")));
	}

	private LedgerEntry entry(String caseNo, String event) {
		return this.ledger.caseHistory(caseNo).stream().filter(e -> e.event().equals(event)).findFirst().orElseThrow();
	}

	@Test
	void theLeadUnitsClerkReadsTheEscalatedCardsHistoryInTheHandlingForm() throws Exception {
		// accepted, co-handled and dispatched three weeks ago: its deadline and the ladder's dates have passed
		String caseNo = file("township-labao");
		EngineClock.at(Instant.now().minus(Duration.ofDays(21)), () -> {
			this.work.complete(caseNo, "Task_AcceptCard", "township-labao-clerk",
					Map.of("acceptance", "ACCEPT", "link", "EFFICIENCY"));
			this.work.complete(caseNo, "Task_DispatchCard", "township-labao-clerk",
					Map.of("leadUnit", "dept-housing", "handUp", false, "coUnits", List.of("dept-civil-affairs")));
			this.work.complete(caseNo, "Task_CoordinateCard", "county-platform-clerk",
					Map.of("leadUnit", "dept-housing", "coUnits", List.of("dept-civil-affairs")));
			this.work.complete(caseNo, "Task_CoHandleCard", "dept-civil-affairs-clerk",
					Map.of("opinion", "同意住建局牵头，民政局配合入户走访 We agree and will visit the household"));
			run(caseNo, null);
		});
		run(caseNo, "BoundaryEvent_CardWarning");
		run(caseNo, "BoundaryEvent_CardOverdue");
		run(caseNo, "BoundaryEvent_CardReprimand");
		String due = ((String) this.engine.getRuntimeService().getVariable(instance(caseNo), "dueAt")).substring(0, 10);

		WebDriverWait wait = open("dept-housing-clerk", task(caseNo, "Task_HandleCard"));
		WebElement history = field(wait, "办理经过 Case history");
		wait.until(driver -> history.getDomProperty("value").contains("通报批评"));
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})",
				this.driver.findElement(By.xpath("//label[starts-with(normalize-space(.), '案件编号 Case number')]")));
		Browser.screenshot(this.driver, "handle-card-history");

		assertThat(history.getDomProperty("value").split("\n")).containsExactly(
				COUNTY.format(entry(caseNo, "REPRIMANDED").at()) + " 通报批评：逾期仍未办结，办理期限 " + due
						+ "（县住房和城乡建设局） Notice of criticism: still not done, due " + due,
				COUNTY.format(entry(caseNo, "URGED").at()) + " 催办：已超过办理期限 " + due
						+ "（县住房和城乡建设局） Urged: overdue since " + due,
				COUNTY.format(entry(caseNo, "WARNED").at()) + " 预警：办理期限将于 " + due
						+ " 到期（县住房和城乡建设局） Warned: due " + due,
				COUNTY.format(entry(caseNo, "CO_HANDLED").at())
						+ " 县民政局 协办意见 Co-handling opinion: 同意住建局牵头，民政局配合入户走访 We agree and will visit the household",
				COUNTY.format(entry(caseNo, "HANDED_UP").at()) + " 拉包乡 上报县协调平台 Handed up to the county platform");
		assertThat(history.getDomAttribute("readonly")).isNotNull();
		assertThat(field(wait, "办理期限 Due").getDomProperty("value")).isEqualTo(due + " 23:59");
		assertThat(field(wait, "预警时间 Warning from").getDomProperty("value")).matches("\\d{4}-\\d{2}-\\d{2} 23:59");
		assertThat(this.driver.findElement(By.cssSelector(".fjs-form")).getText()).doesNotContain("+08:00")
			.doesNotContain("T23:59")
			.doesNotContain("dept-housing");
	}

	@Test
	void theCoUnitsOfferedLeaveOutTheLeadUnitChosen() throws Exception {
		String caseNo = file("township-baipeng");
		this.work.complete(caseNo, "Task_AcceptCard", "township-baipeng-clerk",
				Map.of("acceptance", "ACCEPT", "link", "EFFICIENCY"));
		open("township-baipeng-clerk", task(caseNo, "Task_DispatchCard"));
		choose(LEAD_UNIT, "(dept-housing)");

		assertThat(options(CO_UNITS)).as("the lead unit left out").isNotEmpty()
			.noneMatch(o -> o.contains("(dept-housing)"))
			.anyMatch(o -> o.contains("(dept-civil-affairs)"));
		choose(CO_UNITS, "(dept-civil-affairs)");
		choose(CO_UNITS, "(dept-commerce)");
		assertThat(tags()).containsExactly("县民政局 (dept-civil-affairs)", "县商务局 (dept-commerce)");
		this.driver.findElement(CO_UNITS).sendKeys(Keys.ESCAPE);
		Browser.screenshot(this.driver, "dispatch-card-co-units");
		click(this.driver.findElement(By.cssSelector("button[ng-click='complete()']")));

		new WebDriverWait(this.driver, Duration.ofSeconds(40)).until(driver -> this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey("Task_CoordinateCard")
			.count() == 1);
		assertThat(entry(caseNo, "HANDED_UP").actor()).isEqualTo("township-baipeng-clerk");
		assertThat(this.engine.getRuntimeService().getVariable(instance(caseNo), "leadUnit")).isEqualTo("dept-housing");
		assertThat(this.engine.getRuntimeService().getVariable(instance(caseNo), "coUnits").toString())
			.isEqualTo("[\"dept-civil-affairs\",\"dept-commerce\"]");
	}

	/** The lead unit's list: its display opens it. */
	private static final By LEAD_UNIT = By.xpath("//label[contains(., '牵头单位 Lead unit')]/following::*[contains(@class, 'fjs-select-display')][1]");

	/** The co-units' list: its search box opens it. */
	private static final By CO_UNITS = By.xpath("//label[contains(., '协办单位 Co-handling units')]/following::input[contains(@class, 'fjs-taglist-input')][1]");

	/** Opens a list of the form (clicking again if the first click does not open it) and returns its options. */
	private List<WebElement> openList(By list) {
		for (int attempt = 1;; attempt++) {
			click(this.driver.findElement(list));
			try {
				return new WebDriverWait(this.driver, Duration.ofSeconds(3)).until(driver -> {
					List<WebElement> items = this.driver.findElement(list)
						.findElements(By.xpath("ancestor::div[contains(@class, 'fjs-form-field')][1]//*[contains(@class, 'fjs-dropdownlist-item')]"));
					return items.isEmpty() ? null : items;
				});
			}
			catch (TimeoutException closedInstead) {
				if (attempt == 3) {
					throw closedInstead;
				}
			}
		}
	}

	private List<String> options(By list) {
		return openList(list).stream().map(WebElement::getText).toList();
	}

	private void choose(By list, String option) {
		click(openList(list).stream().filter(item -> item.getText().contains(option)).findFirst().orElseThrow());
	}

	private List<String> tags() {
		return this.driver.findElements(By.cssSelector(".fjs-taglist-tag-label")).stream().map(WebElement::getText).toList();
	}

}
