package gov.county.platform.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium for browser tests. Without chromium the tests are skipped with a message,
 * unless {@code REQUIRE_BROWSER=true} (as in CI), where a missing browser fails them.
 */
final class Browser {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private Browser() {
	}

	static ChromeDriver start() {
		return start(null);
	}

	/**
	 * A browser that, with {@code prompts} {@link UnexpectedAlertBehaviour#IGNORE}, leaves an
	 * alert a page opens standing, so a test can find it; {@code null} keeps WebDriver's default.
	 */
	static ChromeDriver start(UnexpectedAlertBehaviour prompts) {
		return start(prompts, "zh-CN");
	}

	/** A browser whose preferred language is {@code language} (e.g. {@code en-US}). */
	static ChromeDriver startIn(String language) {
		return start(null, language);
	}

	private static ChromeDriver start(UnexpectedAlertBehaviour prompts, String language) {
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!present) {
			String message = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
					+ CHROMEDRIVER + "): apt-get install chromium chromium-driver";
			if ("true".equalsIgnoreCase(System.getenv("REQUIRE_BROWSER"))) {
				Assertions.fail(message);
			}
			Assumptions.abort(message);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1400,900", "--lang=" + language);
		// headless Chromium reports en-US to pages unless the preference says otherwise
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		if (prompts != null) {
			options.setUnhandledPromptBehaviour(prompts);
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/** Opens Tasklist and logs in; returns a wait for what follows. */
	static WebDriverWait logInToTasklist(ChromeDriver driver, int port, String user, String password) {
		return logIn(driver, port, "tasklist", user, password);
	}

	/** Opens a Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}) and logs in. */
	static WebDriverWait logIn(ChromeDriver driver, int port, String app, String user, String password) {
		WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(40));
		driver.get("http://localhost:" + port + "/camunda/app/" + app + "/default/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[type=password]")));
		driver.findElement(By.cssSelector("input[autocomplete=username], input[type=text]")).sendKeys(user);
		driver.findElement(By.cssSelector("input[type=password]")).sendKeys(password);
		driver.findElement(By.cssSelector("button[type=submit]")).click();
		return wait;
	}

	/** Saves what the user sees to {@code target/screenshots/NAME.png}, for people to look at. */
	static void screenshot(ChromeDriver driver, String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
	}

}
