package io.switchboard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for browser tests: Debian's {@code /usr/bin/chromium} driven through its
 * {@code /usr/bin/chromedriver} (both installed by {@code .ci/run}). Register it as a JUnit extension
 * ({@code @RegisterExtension final HeadlessChromium browser = new HeadlessChromium();}): a browser starts before each
 * test and quits after it, leaving a screenshot named after the test when it failed. {@link #screenshot} saves one
 * on demand, under {@code tests/<build dir>/screenshots/}.
 */
final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ChromeDriver driver;
  private String testName = "test";

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
          + ": apt-get install -y chromium chromium-driver (.ci/run does)");
    }
    testName = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      if (driver != null && context.getExecutionException().isPresent()) {
        screenshot("FAILED");
      }
    } finally {
      if (driver != null) {
        driver.quit();
        driver = null;
      }
    }
  }

  /** The browser of the running test. */
  WebDriver driver() {
    return driver;
  }

  /** Opens {@code url}. */
  void open(String url) {
    driver.get(url);
  }

  /** The element {@code by} once it is visible, failing after {@code timeout}. */
  WebElement waitFor(By by, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits up to {@code timeout} until {@code condition} gives something other than null or false. */
  <T> T waitUntil(Function<WebDriver, T> condition, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(condition::apply);
  }

  /** Runs {@code script} in the page and gives its result. */
  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves the page as it looks now, as {@code <TestClass>-<test>-<moment>.png}; gives the file. */
  Path screenshot(String moment) {
    Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Path file = dir.resolve(testName + "-" + moment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-") + ".png");
    try {
      Files.createDirectories(dir);
      Files.move(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot save a screenshot to " + file, e);
    }
    return file;
  }
}
