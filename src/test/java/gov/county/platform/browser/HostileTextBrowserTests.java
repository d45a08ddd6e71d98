package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.support.PlatformIntegrationTest;
import gov.county.platform.organization.TasklistFilters;
import gov.county.platform.privacy.Masks;

/**
 * A card whose subject, content and submitter carry markup and an AngularJS template is shown as
 * the literal text it is, and never run, on every page that shows it: Tasklist's task list and
 * form, Cockpit's process instance, and the platform's own answers opened in a browser, which are
 * served as JSON or CSV with {@code nosniff} so no browser renders them as HTML.
 */
@PlatformIntegrationTest
class HostileTextBrowserTests {

	/** Each part sets {@code window.__xss} (or opens an alert) if a page ever runs it. */
	static final String MARKUP = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2;alert(2)\">"
			+ "<svg onload=\"window.__xss=3\">";

	/** AngularJS evaluates this if it ever compiles the text as a template (the webapps are AngularJS). */
	static final String TEMPLATE = "{{constructor.constructor('window.__xss=4')()}}";

	static final String SUBJECT = "路灯 " + MARKUP + " " + TEMPLATE;

	static final String CONTENT = "内容 Content " + TEMPLATE + " " + MARKUP;

	static final String SUBMITTER = "<b>王</b>" + TEMPLATE;

	static final String UNIT = "township-baipeng";

	static final String CLERK = UNIT + "-clerk";

	/** What a browser sends when a person opens a link. */
	static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	static final ObjectMapper JSON = new ObjectMapper();

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	private ChromeDriver driver;

	private String caseNo;

	private String processInstanceId;

	/** Files the card through the API as the unit's clerk, and has its acceptance reminder sent. */
	@BeforeEach
	void fileHostileCard() throws Exception {
		String card = JSON.writeValueAsString(Map.of("talk", "PUBLIC_SERVICE", "kind", "REQUEST", "subject", SUBJECT,
				"content", CONTENT, "submitterName", SUBMITTER, "submitterContact", "wang@example.org", "receivingUnit",
				UNIT, "channel", "HOTLINE"));
		HttpResponse<String> filed = HTTP.send(request("/api/cards", CLERK)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(card))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
		this.caseNo = JSON.readTree(filed.body()).get("caseNo").asText();
		this.processInstanceId = JSON.readTree(filed.body()).get("processInstanceId").asText();
		Job reminder = this.engine.getManagementService()
			.createJobQuery()
			.processInstanceId(this.processInstanceId)
			.timers()
			.singleResult();
		this.engine.getManagementService().executeJob(reminder.getId());
	}

	@AfterEach
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@Test
	void tasklistShowsTheTypedTextAsText() throws Exception {
		WebDriverWait wait = logIn("tasklist", CLERK);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), TasklistFilters.MY_UNIT));

		// the list names tasks by their diagram names only; the card's text is on its form
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Accept card (受理)"));
		assertShownAsText("tasklist-list", "Accept card (受理)");
		String taskId = this.engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(this.processInstanceId)
			.singleResult()
			.getId();
		this.driver.get(webapp("tasklist") + "#/?task=" + taskId);
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click='claim()']")));
		wait.until(driver -> readonlyValues().stream().anyMatch(value -> value.contains(this.caseNo)));
		assertThat(readonlyValues()).as("the form shows what was typed, as typed; the submitter masked")
			.contains(SUBJECT, CONTENT, Masks.of(SUBMITTER))
			.doesNotContain(SUBMITTER);
		assertShownAsText("tasklist-form", this.caseNo);

		// the receiving unit sees the submitter in full in the case details tab, as text
		this.driver.findElement(By.xpath("//a[contains(., '提交人 Submitter')]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "wang@example.org"));
		assertShownAsText("tasklist-submitter-tab", SUBMITTER, "wang@example.org", this.caseNo);
	}

	@Test
	void cockpitShowsTheTypedTextAsText() throws Exception {
		WebDriverWait wait = logIn("cockpit", "auditor");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".dashboard, [cam-dashboard], .navbar")));
		this.driver.get(webapp("cockpit") + "#/process-instance/" + this.processInstanceId + "/runtime?tab=variables-tab");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "submitterName"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), this.caseNo));
		this.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})",
				this.driver.findElement(By.xpath("//td[normalize-space(.)='subject']")));
		assertShownAsText("cockpit-instance-variables", MARKUP, TEMPLATE, Masks.of(SUBMITTER));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).as("auditors see the submitter masked")
			.doesNotContain("wang@example.org");
	}

	@Test
	void platformAnswersOpenedInABrowserAreNeverHtml() throws Exception {
		String pageParameter = URLEncoder.encode(MARKUP + TEMPLATE, StandardCharsets.UTF_8);
		Map<String, String> pages = Map.of("/api/cases/" + this.caseNo, "application/json",
				"/api/ledger?caseNo=" + this.caseNo, "application/json", "/api/notifications", "application/json",
				"/api/ledger?page=" + pageParameter, "application/problem+json");
		for (Map.Entry<String, String> page : pages.entrySet()) {
			HttpResponse<String> answer = HTTP.send(request(page.getKey(), CLERK).header("Accept", BROWSER_ACCEPT).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.headers().firstValue("Content-Type")).as(page.getKey()).hasValueSatisfying(
					type -> assertThat(type).startsWith(page.getValue()));
			assertThat(answer.headers().firstValue("X-Content-Type-Options")).as(page.getKey()).hasValue("nosniff");
			assertThat(answer.body()).as(page.getKey()).contains("window.__xss");
		}
		HttpResponse<String> csv = HTTP.send(request("/api/ledger?caseNo=" + this.caseNo, CLERK)
			.header("Accept", "text/csv")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/csv"));
		assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				disposition -> assertThat(disposition).startsWith("attachment"));
		assertThat(csv.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(csv.body()).contains(MARKUP.replace("\"", "\"\""));

		this.driver = Browser.start(UnexpectedAlertBehaviour.IGNORE);
		String base = "http://" + CLERK + ":demo@localhost:" + this.port;
		this.driver.get(base + "/api/cases/" + this.caseNo);
		assertShownAsText("api-case", MARKUP.replace("\"", "\\\""), TEMPLATE);
		this.driver.get(base + "/api/notifications");
		assertShownAsText("api-notifications", this.caseNo, MARKUP.replace("\"", "\\\""));
		this.driver.get(base + "/api/ledger?page=" + pageParameter);
		assertShownAsText("api-problem", MARKUP.replace("\"", "\\\""), TEMPLATE);
	}

	private WebDriverWait logIn(String app, String user) {
		this.driver = Browser.start(UnexpectedAlertBehaviour.IGNORE);
		return Browser.logIn(this.driver, this.port, app, user, "demo");
	}

	private String webapp(String app) {
		return "http://localhost:" + this.port + "/camunda/app/" + app + "/default/";
	}

	private List<String> readonlyValues() {
		return this.driver.findElements(By.cssSelector("input[readonly], textarea[readonly]"))
			.stream()
			.map(field -> field.getDomProperty("value"))
			.toList();
	}

	/**
	 * The page shows each of {@code texts} literally (so this is the page with the card), ran none of
	 * the card's markup or templates, and opened no alert; saves a screenshot.
	 */
	private void assertShownAsText(String screenshot, String... texts) throws Exception {
		// img onerror and svg onload fire after rendering: give them the time
		Thread.sleep(700);
		Browser.screenshot(this.driver, "hostile-text-" + screenshot);
		try {
			String alert = this.driver.switchTo().alert().getText();
			throw new AssertionError(screenshot + ": the page opened an alert: " + alert);
		}
		catch (NoAlertPresentException none) {
			// as it should be
		}
		assertThat(this.driver.executeScript("return typeof window.__xss")).as(screenshot + ": window.__xss")
			.isEqualTo("undefined");
		String shown = this.driver.findElement(By.tagName("body")).getText()
				+ String.join("\n", readonlyValues());
		assertThat(shown).as(screenshot + ": the card's text, shown literally").contains(texts);
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
	}

}
