package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;
import gov.county.platform.calendar.WorkingDayCalendar;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.rectification.RectificationIntake;

/** A township clerk enters a rectification plan of two measures in Tasklist and completes it. */
@PlatformIntegrationTest
class DraftPlanBrowserTests {

	private static final String UNIT = "township-chengtuan";

	@LocalServerPort
	int port;

	@Autowired
	RectificationIntake intake;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LedgerService ledger;

	@Autowired
	WorkingDayCalendar calendar;

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

	/** The inputs of the list's rows whose label starts with {@code label}, top to bottom. */
	private List<WebElement> fields(String label) {
		return this.driver.findElements(By.xpath("//label[starts-with(normalize-space(.), '" + label + "')]"))
			.stream()
			.map(l -> this.driver.findElement(By.id(l.getDomAttribute("for"))))
			.toList();
	}

	/** Types a date the way the date field asks for it (its placeholder follows the browser's locale). */
	private void typeDate(WebElement input, LocalDate date) {
		String pattern = input.getDomAttribute("placeholder") == null ? "mm/dd/yyyy"
				: input.getDomAttribute("placeholder").toLowerCase();
		String text = pattern.replace("yyyy", String.valueOf(date.getYear()))
			.replace("mm", String.format("%02d", date.getMonthValue()))
			.replace("dd", String.format("%02d", date.getDayOfMonth()));
		click(input);
		input.sendKeys(text);
		input.sendKeys(Keys.TAB);
	}

	private void choose(WebDriverWait wait, int row, String option) {
		List<WebElement> displays = this.driver.findElements(
				By.xpath("//label[starts-with(normalize-space(.), '责任人 Responsible')]/following::*[contains(@class, 'fjs-select-display')][1]"));
		click(displays.get(row));
		click(wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(., '" + option + "')]"))));
	}

	@Test
	void clerkEntersATwoMeasurePlanInTasklist() throws Exception {
		CaseIntake.Filed filed = TestProcesses.as(this.engine.getIdentityService(), "supervisor",
				() -> this.intake.file(Map.of("unit", UNIT, "source", "INSPECTION", "title", "浏览器整改 Plan entered in a browser",
						"problems", "便民服务中心午间无人值守 Nobody at the service centre at noon"), List.of("supervision-office")));
		String taskId = this.engine.getTaskService().createTaskQuery().processInstanceId(filed.processInstanceId())
			.singleResult().getId();
		LocalDate first = this.calendar.plusWorkingDays(this.calendar.dayOf(java.time.Instant.now()), 10);
		LocalDate second = this.calendar.plusWorkingDays(this.calendar.dayOf(java.time.Instant.now()), 15);

		this.driver = Browser.start();
		WebDriverWait wait = Browser.logInToTasklist(this.driver, this.port, UNIT + "-clerk", "demo");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks], .tasks-list, .task-card")));
		this.driver.get("http://localhost:" + this.port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click='unclaim()']")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "整改措施 1 Measure 1"));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).contains("制定整改方案");

		// top to bottom, as a clerk fills the form; the second measure appears once the first is written
		fields("措施 Measure").get(0).sendKeys("安排午间轮值 Staff the centre at noon by rota");
		choose(wait, 0, "(" + UNIT + "-clerk)");
		typeDate(fields("完成时限 Deadline").get(0), first);
		fields("整改目标 Target").get(0).sendKeys("午间有人值守 Someone there every noon");
		wait.until(driver -> fields("措施 Measure").size() == 2);
		fields("措施 Measure").get(1).sendKeys("公布值班电话 Publish the duty phone number");
		choose(wait, 1, "(" + UNIT + "-head)");
		typeDate(fields("完成时限 Deadline").get(1), second);
		fields("整改目标 Target").get(1).sendKeys("电话上墙 Number on the door");
		Browser.screenshot(this.driver, "draft-plan-filled");
		click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))));

		wait.until(driver -> this.engine.getTaskService().createTaskQuery()
			.processInstanceId(filed.processInstanceId())
			.taskDefinitionKey("Task_ApprovePlan")
			.count() == 1);
		SpinJsonNode plan = (SpinJsonNode) this.engine.getRuntimeService().getVariable(filed.processInstanceId(), "measures");
		assertThat(plan.elements()).hasSize(2);
		assertThat(plan.elements()).extracting(m -> m.prop("responsible").stringValue())
			.containsExactly(UNIT + "-clerk", UNIT + "-head");
		assertThat(plan.elements()).extracting(m -> m.prop("deadline").stringValue())
			.containsExactly(first.toString(), second.toString());
		assertThat(plan.elements().get(1).prop("measure").stringValue()).isEqualTo("公布值班电话 Publish the duty phone number");
		LedgerEntry submitted = this.ledger.caseHistory(filed.caseNo()).stream()
			.filter(e -> e.event().equals("PLAN_SUBMITTED")).findFirst().orElseThrow();
		assertThat(submitted.actor()).isEqualTo(UNIT + "-clerk");
		assertThat(submitted.detail()).startsWith("2 measures");
	}

}
