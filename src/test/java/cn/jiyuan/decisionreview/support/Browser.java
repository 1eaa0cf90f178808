package cn.jiyuan.decisionreview.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
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
 * Headless Debian Chromium through chromedriver, with a Chinese browser language. CI installs both; on
 * a developer machine without them the browser tests are skipped, except under CI where that is a failure.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final WebDriver driver;
  private final WebDriverWait wait;

  private Browser(WebDriver driver) {
    this.driver = driver;
    // generous: verify runs two test JVMs side by side on 2 cores, so a page can be slow to come; a wait that
    // succeeds returns at once, so this costs nothing when all is well (the same patience as Tasklist's)
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  public static Browser start() {
    return start(null);
  }

  /** A browser whose downloads land in {@code downloads} (when not null), without asking. */
  public static Browser start(Path downloads) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed && System.getenv("CI") == null) {
      Assumptions.abort("chromium/chromedriver not installed: apt-get install chromium chromium-driver");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1440,1200", "--lang=zh-CN", "--accept-lang=zh-CN,zh");
    Map<String, Object> prefs = new java.util.HashMap<>(Map.of("intl.accept_languages", "zh-CN,zh"));
    if (downloads != null) {
      prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
      prefs.put("download.prompt_for_download", false);
    }
    options.setExperimentalOption("prefs", prefs);
    // Chromium on Linux takes its UI and Intl locale from LANGUAGE: dates are then formatted as in China (年/月/日)
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .withEnvironment(Map.of("LANGUAGE", "zh_CN", "LANG", "C.UTF-8")).build();
    return new Browser(new ChromeDriver(service, options));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /**
   * Types text into a field as a person does on a phone: characters of the Basic Multilingual Plane as key strokes,
   * others (emoji, rare CJK ideographs) committed as an input method or emoji keyboard commits them — chromedriver
   * (150 and later) refuses them as key strokes.
   */
  public void type(WebElement field, String text) {
    StringBuilder keys = new StringBuilder();
    text.codePoints().forEach(codePoint -> {
      if (Character.isBmpCodePoint(codePoint)) {
        keys.appendCodePoint(codePoint);
        return;
      }
      if (!keys.isEmpty()) {
        field.sendKeys(keys);
        keys.setLength(0);
      }
      ((ChromeDriver) driver).executeCdpCommand("Input.insertText", Map.of("text", Character.toString(codePoint)));
    });
    if (!keys.isEmpty()) {
      field.sendKeys(keys);
    }
  }

  /** Waits until the element shows; if it never does, the page is saved and its text is in the failure. */
  public WebElement waitFor(By by) {
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    } catch (org.openqa.selenium.TimeoutException never) {
      throw new AssertionError(by + " not shown after 60 s at " + driver.getCurrentUrl() + " (" + saveForDiagnosis()
          + "). Page text: " + bodyText().replace('\n', ' '), never);
    }
  }

  /**
   * Waits until the element is on the page and scrolls it to the middle, as a person scrolls to a row: Cockpit's
   * content scrolls inside a container, so a row below the fold is not shown (and has no text) until then.
   */
  public WebElement reveal(By by) {
    try {
      WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
      ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
      return wait.until(ExpectedConditions.visibilityOf(element));
    } catch (org.openqa.selenium.TimeoutException never) {
      throw new AssertionError(by + " not on the page after 60 s at " + driver.getCurrentUrl() + " (" + saveForDiagnosis()
          + "). Page text: " + bodyText().replace('\n', ' '), never);
    }
  }

  /** Saves the page and the server's threads, then loads the page once more (see {@link #waitForText}). */
  public void reloadAfterTimeout(String what) {
    System.err.println(what + " not shown after 60 s at " + driver.getCurrentUrl() + " (" + saveForDiagnosis()
        + "); reloading");
    driver.navigate().refresh();
  }

  /** A screenshot and, since the server runs in the test's JVM, its threads: what a request waited for. */
  private String saveForDiagnosis() {
    String name = "timeout-" + System.currentTimeMillis();
    StringBuilder threads = new StringBuilder();
    Thread.getAllStackTraces().forEach((thread, stack) -> {
      threads.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
      for (StackTraceElement frame : stack) {
        threads.append("    at ").append(frame).append('\n');
      }
    });
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + "-threads.txt"), threads);
      return screenshot(name) + ", threads in " + dir.resolve(name + "-threads.txt");
    } catch (IOException | RuntimeException notSaved) {
      return "not saved: " + notSaved.getMessage();
    }
  }

  /**
   * Waits until the page says {@code text}. On the loaded 2-core build machine a webapp page has now and then not
   * rendered within a minute after login (CI stops 17 and 19): the page and the server's threads are then saved, and
   * the page is loaded once more, as a person presses F5.
   */
  public void waitForText(String text) {
    try {
      wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    } catch (org.openqa.selenium.TimeoutException slow) {
      reloadAfterTimeout("“" + text + "”");
      try {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
      } catch (org.openqa.selenium.TimeoutException never) {
        throw new AssertionError("“" + text + "” not shown after a reload either (" + saveForDiagnosis()
            + "). Page text: " + bodyText().replace('\n', ' '), never);
      }
    }
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves a PNG under target/screenshots so a person can look at what the test saw. */
  public Path screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /** Scrolls the element to the middle of the window first: Tasklist's fixed footer would swallow the click. */
  public void click(By by) {
    WebElement element = wait.until(ExpectedConditions.presenceOfElementLocated(by));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /** Clicks the element whose own text is exactly {@code text} (labels, buttons, list items). */
  public void clickText(String text) {
    click(By.xpath("//*[normalize-space(text())='" + text + "']"));
  }

  /**
   * Opens a Camunda webapp's login form. On a loaded 2-core machine the webapp's first start in a JVM once left
   * the form unrendered for a minute (CI, stop 17): the page is then saved for a person to look at and loaded once
   * more, as a person presses F5.
   */
  public WebElement openLoginForm(String url) {
    By username = By.cssSelector("input[ng-model='username']");
    open(url);
    try {
      return wait.until(ExpectedConditions.visibilityOfElementLocated(username));
    } catch (org.openqa.selenium.TimeoutException slow) {
      reloadAfterTimeout("the login form");
      return waitFor(username);
    }
  }

  /** Logs into a Camunda webapp through its login form. */
  public void loginToWebapp(String baseUrl, String app, String user, String password) {
    openLoginForm(baseUrl + "/camunda/app/" + app + "/default/").sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
