package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.cases.CaseIntake;
import gov.county.platform.ledger.LedgerEntry;
import gov.county.platform.ledger.LedgerService;
import gov.county.platform.organization.OrganizationProperties;
import gov.county.platform.organization.Unit;
import gov.county.platform.survey.SurveyIntake;
import gov.county.platform.survey.SurveyProcess;
import gov.county.platform.survey.SurveyRanking;
import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.support.TestProcesses;

/** The county platform's clerk enters every unit's score in Tasklist's results form and completes it. */
@PlatformIntegrationTest
class SurveyResultsBrowserTests {

	/** The lowest government units and the lowest party-mass unit: last-ranked; every other unit scores 80 or more. */
	private static final Map<String, String> LOW = Map.of("dept-emergency", "60", "dept-transport", "61.5",
			"dept-womens-federation", "70.25");

	@LocalServerPort
	int port;

	@Autowired
	SurveyIntake intake;

	@Autowired
	ProcessEngine engine;

	@Autowired
	LedgerService ledger;

	@Autowired
	OrganizationProperties chart;

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

	/** The input labelled with the unit's name and id (and the asterisk of a required field). */
	private WebElement scoreOf(Unit unit) {
		WebElement label = this.driver
			.findElement(By.xpath("//label[starts-with(normalize-space(.), '" + unit.name() + " (" + unit.id() + ")')]"));
		return this.driver.findElement(By.id(label.getDomAttribute("for")));
	}

	@Test
	void clerkEntersEveryUnitsScoreInTasklistAndTheSurveyIsRanked() throws Exception {
		CaseIntake.Filed survey = TestProcesses.as(this.engine.getIdentityService(), "county-platform-clerk",
				() -> this.intake.start("浏览器录入测评 Survey entered in a browser"));
		String taskId = this.engine.getTaskService().createTaskQuery().processInstanceId(survey.processInstanceId())
			.taskDefinitionKey(SurveyProcess.TASK_ENTER_RESULTS).singleResult().getId();
		List<Unit> surveyed = this.chart.units().stream().filter(SurveyRanking::surveyed).toList();

		this.driver = Browser.start();
		WebDriverWait wait = Browser.logInToTasklist(this.driver, this.port, "county-platform-clerk", "demo");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-tasks], .tasks-list, .task-card")));
		this.driver.get("http://localhost:" + this.port + "/camunda/app/tasklist/default/#/?task=" + taskId);
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click='unclaim()']")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "各单位得分 Scores by unit"));
		assertThat(this.driver.findElements(By.xpath("//input[@readonly]")))
			.anySatisfy(input -> assertThat(input.getDomProperty("value")).isEqualTo(survey.caseNo()));
		WebElement complete = this.driver.findElement(By.cssSelector("button[ng-click='complete()']"));

		// top to bottom, two units a row, as the clerk reads them off the survey's sheet
		for (int i = 0; i < surveyed.size(); i++) {
			Unit unit = surveyed.get(i);
			WebElement score = scoreOf(unit);
			click(score);
			score.sendKeys(LOW.getOrDefault(unit.id(), String.valueOf(80 + i)));
		}
		wait.until(ExpectedConditions.elementToBeClickable(complete));
		this.driver.manage().window().setSize(new Dimension(1400, 1500));
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})",
				this.driver.findElement(By.xpath("//*[contains(text(), '录入测评结果')]")));
		Browser.screenshot(this.driver, "survey-results-form");
		click(complete);

		wait.until(driver -> this.engine.getTaskService().createTaskQuery()
			.processInstanceId(survey.processInstanceId())
			.taskDefinitionKey(SurveyProcess.TASK_ENTER_RESULTS)
			.count() == 0);
		List<LedgerEntry> history = this.ledger.caseHistory(survey.caseNo());
		assertThat(history).extracting(LedgerEntry::event).containsSubsequence("FILED", "RESULTS_ENTERED", "RANKED",
				"REPORTED", "RECTIFICATION_STARTED");
		LedgerEntry entered = history.stream().filter(e -> e.event().equals("RESULTS_ENTERED")).findFirst().orElseThrow();
		assertThat(entered.actor()).isEqualTo("county-platform-clerk");
		assertThat(entered.detail()).isEqualTo(surveyed.size() + " units");
		assertThat(history.stream().filter(e -> e.event().equals("RECTIFICATION_STARTED")).map(LedgerEntry::unit))
			.containsExactlyInAnyOrderElementsOf(LOW.keySet());
		assertThat(history.stream().filter(e -> e.event().equals("RANKED")).findFirst().orElseThrow().detail())
			.contains("县交通运输局 (dept-transport) 61.5 末位 last");
	}

}
