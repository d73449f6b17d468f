package org.refocus.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's Chromium, driven by its ChromeDriver). Skipped, with the
 * reason, where Chromium is not installed, unless {@code refocus.requireBrowser} is set, as CI sets
 * it: there a missing browser fails the build instead.
 */
class ConsoleBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private ChromeDriver browser;

  @BeforeEach
  void openBrowser() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (Boolean.getBoolean("refocus.requireBrowser")) {
      assertThat(installed)
          .as("Chromium and ChromeDriver are required: apt-get install chromium chromium-driver")
          .isTrue();
    }
    assumeTrue(installed, "Chromium not installed (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1400,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theCollectionsViewListsTheSampleCollection() throws Exception {
    browser.get(RefocusApi.BASE_URL + "/");

    List<WebElement> cells =
        new WebDriverWait(browser, Duration.ofSeconds(60))
            .until(
                d -> {
                  List<WebElement> found = d.findElements(By.tagName("vaadin-grid-cell-content"));
                  return found.stream().anyMatch(c -> c.getText().equals("Sample collection"))
                      ? found
                      : null;
                });
    saveScreenshot("collections-view.png");

    assertThat(browser.getTitle()).isEqualTo("Collections · Refocus");
    assertThat(cells).extracting(WebElement::getText).contains("Originals root", "Images");
  }

  @Test
  void theIngestButtonStartsARunAndSaysSo() {
    browser.get(RefocusApi.BASE_URL + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    WebElement ingest =
        wait.until(
            d ->
                d.findElements(By.tagName("vaadin-button")).stream()
                    .filter(b -> b.getText().equals("Ingest"))
                    .findFirst()
                    .orElse(null));

    ingest.click();

    String message =
        wait.until(
            d ->
                d.findElements(By.tagName("vaadin-notification-card")).stream()
                    .map(WebElement::getText)
                    .filter(t -> !t.isBlank())
                    .findFirst()
                    .orElse(null));
    assertThat(message).matches("Ingest of '.+' started \\(run \\d+\\)");
  }

  private void saveScreenshot(String name) throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
  }
}
