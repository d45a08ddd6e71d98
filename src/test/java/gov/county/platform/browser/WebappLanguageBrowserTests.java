package gov.county.platform.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import gov.county.platform.organization.TasklistFilters;
import gov.county.platform.support.PlatformIntegrationTest;

/**
 * The webapps speak Chinese whatever the browser's language, English after the switch at the bottom
 * of the page, and show no "migrate to Camunda 8" banner. Screenshots in {@code target/screenshots/}.
 */
@PlatformIntegrationTest
class WebappLanguageBrowserTests {

	@LocalServerPort
	int port;

	private ChromeDriver driver;

	@AfterEach
	void quit() {
		if (this.driver != null) {
			this.driver.quit();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en-US", "fr-FR" })
	void tasklistIsChineseWhateverTheBrowsersLanguage(String browserLanguage) throws Exception {
		this.driver = Browser.startIn(browserLanguage);
		WebDriverWait wait = openLogin("tasklist");
		assertThat(this.driver.executeScript("return navigator.languages[0]")).isEqualTo(browserLanguage);

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[type=submit]"), "登录"));
		assertThat(loginButton().getText()).isEqualTo("登录");
		assertThat(this.driver.findElement(By.cssSelector("input[type=password]")).getAttribute("placeholder"))
			.isEqualTo("密码");
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
		Browser.screenshot(this.driver, "tasklist-zh-login-" + browserLanguage);

		logIn(wait, "township-labao-clerk");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), TasklistFilters.MY_UNIT));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "请在列表中选择任务。"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".tasks-list"), "创建于"));
		assertThat(body()).contains("发起流程", "键盘快捷键", "期限", "创建于", "日期和时间按本地时区显示")
			.doesNotContain("Start process", "Select a task in the list.", "Powered by");
		assertThat(this.driver.findElement(By.cssSelector(".search-container input")).getAttribute("placeholder"))
			.isEqualTo("筛选任务");
		assertThat(this.driver.getTitle()).isEqualTo("Camunda 任务列表");
		assertNoMigrationBanner();
		Browser.screenshot(this.driver, "tasklist-zh-home-" + browserLanguage);
	}

	@Test
	void aTaskAndTheStartDialogAreChinese() throws Exception {
		this.driver = Browser.startIn("zh-CN");
		WebDriverWait wait = openLogin("tasklist");
		logIn(wait, "township-labao-clerk");

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), TasklistFilters.MY_UNIT));
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'Accept card (受理)')]")))
			.click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[ng-click='claim()']"), "认领"));
		assertThat(body()).contains("表单", "历史", "流程图", "说明", "设置跟进日期", "添加批注");
		Browser.screenshot(this.driver, "tasklist-zh-task");

		this.driver.findElement(By.xpath("//a[normalize-space()='发起流程']")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".modal-dialog"), "请点击要发起的流程。"));
		assertThat(this.driver.findElement(By.cssSelector(".modal-dialog")).getText()).contains("发起流程", "关闭");
		Browser.screenshot(this.driver, "tasklist-zh-start-process");
	}

	@Test
	void englishIsOneClickAwayAndStaysChosen() throws Exception {
		this.driver = Browser.startIn("zh-CN");
		WebDriverWait wait = openLogin("tasklist");

		switchTo("English", wait);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("button[type=submit]"), "Log in"));
		logIn(wait, "township-labao-clerk");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), TasklistFilters.MY_UNIT));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Select a task in the list."));
		assertThat(body()).contains("Start process").doesNotContain("发起流程");
		assertThat(this.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
		assertNoMigrationBanner();
		Browser.screenshot(this.driver, "tasklist-en-home");

		// the choice holds for the other webapps of this browser
		this.driver.get(url("welcome"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Applications"));

		switchTo("中文", wait);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "应用"));
		assertNoMigrationBanner();
		Browser.screenshot(this.driver, "welcome-zh");
		this.driver.get(url("tasklist"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "发起流程"));
	}

	@Test
	void cockpitDashboardIsChinese() throws Exception {
		this.driver = Browser.startIn("zh-CN");
		WebDriverWait wait = openLogin("cockpit");
		logIn(wait, "admin");

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "运行中的流程实例"));
		assertThat(body()).contains("流程", "决策", "人工任务", "部署", "未解决的故障")
			.doesNotContain("Running Process Instances", "Deployments");
		assertNoMigrationBanner();
		Browser.screenshot(this.driver, "cockpit-zh-dashboard");
	}

	@Test
	void adminUsersPageIsChinese() throws Exception {
		this.driver = Browser.startIn("zh-CN");
		WebDriverWait wait = openLogin("admin");
		logIn(wait, "admin");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户"));

		this.driver.get(url("admin") + "#/users");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "用户列表"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "township-labao-clerk"));
		assertThat(body()).contains("添加用户", "名*", "姓*", "电子邮箱", "编辑").doesNotContain("List of Users", "Add user");
		assertNoMigrationBanner();
		Browser.screenshot(this.driver, "admin-zh-users");
	}

	private String url(String app) {
		return "http://localhost:" + this.port + "/camunda/app/" + app + "/default/";
	}

	private WebDriverWait openLogin(String app) {
		WebDriverWait wait = new WebDriverWait(this.driver, Duration.ofSeconds(40));
		this.driver.get(url(app));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
		return wait;
	}

	private void logIn(WebDriverWait wait, String user) {
		this.driver.findElement(By.cssSelector("input[autocomplete=username], input[type=text]")).sendKeys(user);
		this.driver.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
		loginButton().click();
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type=password]")));
	}

	/** Clicks the language switch's button and waits for the page to come back. */
	private void switchTo(String label, WebDriverWait wait) {
		WebElement button = this.driver.findElement(By.xpath(
				"//div[contains(@class,'county-language-switch')]/button[normalize-space()='" + label + "']"));
		String language = button.getAttribute("data-language");
		button.click();
		wait.until(ExpectedConditions.stalenessOf(button));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
				".county-language-switch button[data-language='" + language + "'][aria-pressed='true']")));
	}

	private WebElement loginButton() {
		return this.driver.findElement(By.cssSelector("button[type=submit]"));
	}

	private String body() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	private void assertNoMigrationBanner() {
		List<WebElement> banners = this.driver.findElements(By.cssSelector(".ce-eol-banner"));
		assertThat(banners).allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
		assertThat(body()).doesNotContain("Camunda 8", "迁移到 Camunda 8");
	}

}
