package cn.jiyuan.decisionreview.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a civil servant uses it: log in, open a filter, pick a task by its name and decision, claim
 * it, fill the form by its Chinese labels, click 提交. Every step leaves a numbered screenshot under
 * {@code target/e2e/}, so a person can look through the walk.
 */
public final class Tasklist implements AutoCloseable {

  /** Latin words a civil servant may legitimately read in a form: file types, units, the product name. */
  private static final List<String> ALLOWED_LATIN = List.of("Word", "PDF", "Excel", "docx", "DOCX", "pdf", "xlsx",
      "MB", "KB", "JPG", "PNG", "jpg", "png", "doc", "xls", "bpmn", "io", "Camunda", "Platform", "CE");

  private final Browser browser;
  private final WebDriver driver;
  private final String base;
  private final Path shots;
  private final Duration patience;
  private int step;
  private String user;

  private Tasklist(Browser browser, String base, Path shots) {
    this.browser = browser;
    this.driver = browser.driver();
    this.base = base;
    this.shots = shots;
    this.patience = Duration.ofSeconds(60);
  }

  public static Tasklist open(int port, String walk) throws IOException {
    Path shots = Path.of("target", "e2e", walk);
    Files.createDirectories(shots);
    // a walk starts in an empty folder: an earlier run's file would make the browser save this one as "name (1)"
    try (java.util.stream.Stream<Path> old = Files.list(shots)) {
      for (Path file : old.filter(Files::isRegularFile).toList()) {
        Files.delete(file);
      }
    }
    return new Tasklist(Browser.start(shots), "http://localhost:" + port, shots);
  }

  public WebDriver driver() {
    return driver;
  }

  public Path downloads() {
    return shots;
  }

  // --- navigation ----------------------------------------------------------------------------------------------

  public Tasklist login(String userId) {
    if (userId.equals(user)) {
      return this;
    }
    driver.manage().deleteAllCookies();
    WebElement name = browser.openLoginForm(base + "/camunda/app/tasklist/default/");
    name.sendKeys(userId);
    driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    Supplier<Boolean> filtersShown = () -> !driver.findElements(By.cssSelector(".task-filters .task-filter h4.name a")).isEmpty();
    try {
      waitUntil("Tasklist 的过滤器列表", filtersShown);
    } catch (org.openqa.selenium.TimeoutException slow) {
      browser.reloadAfterTimeout("Tasklist's filters");
      waitUntil("Tasklist 的过滤器列表（重新加载后）", filtersShown);
    }
    user = userId;
    return this;
  }

  /** Opens a task from a filter the way a person finds it: by its name and the decision it concerns. */
  public Tasklist openTask(String filter, String taskName, String decisionNumber) {
    return openTask(List.of(filter), taskName, decisionNumber);
  }

  /** The same, looking in each filter in turn. */
  public Tasklist openTask(List<String> filters, String taskName, String decisionNumber) {
    int[] turn = {0};
    waitUntil("“" + filters + "”中的“" + taskName + "”（" + decisionNumber + "）", () -> {
      clickFilter(filters.get(turn[0]++ % filters.size()));
      for (WebElement card : driver.findElements(By.cssSelector(".tasks-list li.task"))) {
        String text = card.getText();
        if (text.contains(taskName) && text.contains(decisionNumber)) {
          scrollTo(card);
          card.findElement(By.cssSelector("h4.task a")).click();
          return true;
        }
      }
      return false;
    });
    waitUntil("任务表单", () -> !driver.findElements(By.cssSelector("[cam-tasklist-form] .form-actions")).isEmpty()
        && (has(".fjs-container .fjs-form") || has("[cam-tasklist-form] form[name]")));
    return this;
  }

  private void clickFilter(String filter) {
    for (WebElement link : driver.findElements(By.cssSelector(".task-filters .task-filter h4.name a"))) {
      if (link.getText().trim().startsWith(filter)) {
        try {
          link.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
          // the description tooltip of the filter last clicked covers this one until the pointer leaves it
          new org.openqa.selenium.interactions.Actions(driver).moveToElement(link).pause(500).click().perform();
        }
        sleep(600);
        return;
      }
    }
    throw new AssertionError("没有过滤器“" + filter + "”");
  }

  /** The task's 认领 link; Tasklist keeps the form read-only until the task is claimed. */
  public Tasklist claim() {
    List<WebElement> claim = driver.findElements(By.xpath(
        "//*[contains(@class,'task-details')]//*[self::a or self::button][normalize-space(.)='认领']"));
    if (!claim.isEmpty()) {
      scrollTo(claim.get(0));
      claim.get(0).click();
      waitUntil("认领完成", () -> driver.findElements(By.xpath(
          "//*[contains(@class,'task-details')]//*[self::a or self::button][normalize-space(.)='认领']")).isEmpty());
      sleep(400);
    }
    return this;
  }

  /** 发起流程 → the process by its Chinese name → its start form. */
  public Tasklist startProcess(String processName) {
    browser.click(By.xpath("//a[contains(normalize-space(.),'发起流程')]"));
    WebElement search = browser.waitFor(By.cssSelector(".modal-content input[ng-model='page.searchValue']"));
    search.sendKeys(processName);
    By link = By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]//a[normalize-space(.)='"
        + processName + "']");
    // the list is rendered again while the search runs
    waitUntil("流程“" + processName + "”", () -> {
      List<WebElement> found = driver.findElements(link);
      if (found.size() == 1 && found.get(0).isDisplayed()) {
        found.get(0).click();
        return true;
      }
      return false;
    });
    waitUntil("启动表单", () -> has(".modal-content .fjs-container .fjs-form") || has(".modal-content form[name]"));
    sleep(300);
    return this;
  }

  // --- the form --------------------------------------------------------------------------------------------------

  public Form form() {
    return new Form(() -> {
      List<WebElement> modal = driver.findElements(By.cssSelector(".modal-content"));
      return modal.isEmpty() ? driver.findElement(By.cssSelector("[cam-tasklist-form]")) : modal.get(0);
    });
  }

  /** Clicks 提交 (or a start form's 启动) and waits until the task is gone; a refusal fails with its text. */
  public Tasklist submit() {
    String before = driver.getCurrentUrl();
    boolean startForm = has(".modal-content");
    clickSubmit();
    waitUntil("提交成功", () -> {
      String refusal = refusalText();
      if (!refusal.isEmpty()) {
        throw new AssertionError("提交被拒绝：" + refusal);
      }
      return startForm ? !has(".modal-content") : !driver.getCurrentUrl().equals(before)
          && !driver.getCurrentUrl().contains("task=" + taskIdIn(before));
    });
    sleep(500);
    return this;
  }

  /** Clicks 提交 and expects a refusal that contains {@code expected}, shown next to the submit button. */
  public String submitExpectingRefusal(String expected) {
    clickSubmit();
    waitUntil("拒绝提示“" + expected + "”", () -> refusalText().contains(expected));
    WebElement box = driver.findElement(By.id("decision-review-submit-feedback"));
    assertThat(inViewport(box) || inViewport(firstMarkedField())).as("拒绝提示在视野内").isTrue();
    return refusalText();
  }

  private void clickSubmit() {
    WebElement button = driver.findElement(has(".modal-footer .btn-primary")
        ? By.cssSelector(".modal-footer .btn-primary")
        : By.cssSelector("[cam-tasklist-form] .form-actions .btn-primary"));
    scrollTo(button);
    waitUntil("提交按钮可用", button::isEnabled);
    button.click();
  }

  public String refusalText() {
    List<WebElement> box = driver.findElements(By.id("decision-review-submit-feedback"));
    return box.isEmpty() ? "" : box.get(0).getText();
  }

  private WebElement firstMarkedField() {
    List<WebElement> marked = driver.findElements(By.cssSelector(".fjs-form-field-error, .decision-review-field-refusal"));
    return marked.isEmpty() ? null : marked.get(0);
  }

  public boolean submitEnabled() {
    return driver.findElement(has(".modal-footer .btn-primary") ? By.cssSelector(".modal-footer .btn-primary")
        : By.cssSelector("[cam-tasklist-form] .form-actions .btn-primary")).isEnabled();
  }

  // --- what a person sees ----------------------------------------------------------------------------------------

  /** Saves the next numbered screenshot: {@code target/e2e/<walk>/NN-<user>-<what>.png}. */
  public Path shot(String what) {
    step++;
    Path file = shots.resolve(String.format("%02d-%s-%s.png", step, user, what));
    try {
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return file;
  }

  /** Visible Latin words in the open form (texts, placeholders, titles) that are not file types or units. */
  @SuppressWarnings("unchecked")
  public List<String> englishInForm() {
    List<String> words = (List<String>) ((JavascriptExecutor) driver).executeScript("""
        const root = document.querySelector('.modal-content') || document.querySelector('[cam-tasklist-form]');
        if (!root) return [];
        const found = [];
        const visible = (el) => el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (visible(n.parentElement) && !n.parentElement.closest('script,style,.sr-only')) found.push(n.data);
        }
        root.querySelectorAll('[placeholder],[title],[aria-label]').forEach((el) => {
          if (visible(el)) ['placeholder','title','aria-label'].forEach((a) => el.getAttribute(a) && found.push(el.getAttribute(a)));
        });
        return found;
        """);
    return words.stream()
        .map(t -> t.replaceAll("https?://\\S+|/\\S+|[\\w.-]+@[\\w.-]+|[\\w-]+\\.(docx|pdf|xlsx|doc|xls|png|jpg)", " "))
        .flatMap(t -> java.util.Arrays.stream(t.split("[^A-Za-z]+")))
        .filter(w -> w.length() >= 3 && !ALLOWED_LATIN.contains(w))
        .distinct().toList();
  }

  /** Clicks the link and waits for a new file ending in {@code suffix} to arrive, as a person's browser saves it. */
  public Path download(String linkText, String suffix) {
    List<Path> before = files();
    WebElement link = driver.findElement(By.xpath("//a[contains(normalize-space(.),'" + linkText + "')]"));
    scrollTo(link);
    link.click();
    Path[] fresh = new Path[1];
    waitUntil("“" + linkText + "”下载完成", () -> {
      fresh[0] = files().stream().filter(f -> !before.contains(f) && f.toString().endsWith(suffix)).findFirst()
          .orElse(null);
      return fresh[0] != null;
    });
    return fresh[0];
  }

  private List<Path> files() {
    try (java.util.stream.Stream<Path> files = Files.list(shots)) {
      return files.toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The heading of what is open: the task's name, or the start form's process. */
  public String detailHeading() {
    List<WebElement> heading = driver.findElements(By.cssSelector(".modal-title, .task-details h2, .task-details .names h2"));
    return heading.isEmpty() ? "" : heading.get(0).getText();
  }

  public String detailText() {
    return driver.findElement(By.cssSelector(".task-details, body")).getText();
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  boolean has(String css) {
    return !driver.findElements(By.cssSelector(css)).isEmpty();
  }

  void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  private boolean inViewport(WebElement element) {
    if (element == null) {
      return false;
    }
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "const r = arguments[0].getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight;", element));
  }

  void waitUntil(String what, Supplier<Boolean> condition) {
    new WebDriverWait(driver, patience).withMessage("等待：" + what).ignoring(StaleElementReferenceException.class)
        .until(d -> condition.get());
  }

  private static String taskIdIn(String url) {
    int at = url.indexOf("task=");
    if (at < 0) {
      return "\u0000";
    }
    String rest = url.substring(at + 5);
    int end = rest.indexOf('&');
    return end < 0 ? rest : rest.substring(0, end);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    browser.close();
  }

  /** A form, or one row of a repeating list in it, whose fields are found by their Chinese labels. */
  public final class Form {

    private final Supplier<SearchContext> scope;
    /** In a list without 添加/删除 the rows share one container: the row is told by form-js's index in the ids. */
    private final Integer rowIndex;

    Form(Supplier<SearchContext> scope) {
      this(scope, null);
    }

    private Form(Supplier<SearchContext> scope, Integer rowIndex) {
      this.scope = scope;
      this.rowIndex = rowIndex;
    }

    /** The field whose own label reads {@code label} (exactly, else as a prefix), innermost first. */
    private WebElement field(String label) {
      Object found = ((JavascriptExecutor) driver).executeScript("""
          const scope = arguments[0], wanted = arguments[1], index = arguments[2];
          const norm = (el) => el.textContent.replace(/\\*/g, '').replace(/\\s+/g, ' ').trim();
          const labels = Array.from(scope.querySelectorAll('label'))
              .filter((l) => l.getClientRects().length > 0);
          const row = new RegExp('_' + index + '(?:-|$)');
          const inRow = (f) => index === null || [f].concat(Array.from(f.querySelectorAll('[id]')))
              .some((el) => row.test(el.id || ''));
          const pick = (ok) => labels.filter(ok)
              .map((l) => l.closest('.fjs-form-field, .form-group, .checkbox, .radio') || l.parentElement)
              .filter(inRow)[0];
          return pick((l) => norm(l) === wanted) || pick((l) => norm(l).startsWith(wanted)) || null;
          """, scope.get(), label, rowIndex);
      if (!(found instanceof WebElement field)) {
        throw new AssertionError("表单中没有标签为“" + label + "”的字段");
      }
      return field;
    }

    private WebElement input(String label) {
      WebElement field = field(label);
      for (WebElement l : field.findElements(By.cssSelector("label[for]"))) {
        String text = l.getText().replace("*", "").trim();
        if (text.equals(label) || text.startsWith(label)) {
          List<WebElement> byId = driver.findElements(By.id(l.getAttribute("for")));
          if (!byId.isEmpty()) {
            return byId.get(0);
          }
        }
      }
      return field.findElement(By.cssSelector("input:not([type=hidden]), textarea, select"));
    }

    /** Whether a field with this label is in sight (the label of a hidden field is not). */
    public boolean has(String label) {
      try {
        field(label);
        return true;
      } catch (AssertionError hidden) {
        return false;
      }
    }

    public Form text(String label, Object value) {
      WebElement input = input(label);
      scrollTo(input);
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(String.valueOf(value));
      // form-js applies typing after a 300 ms pause, as it does for a person moving to the next field
      sleep(350);
      return this;
    }

    public Form date(String label, LocalDate date) {
      WebElement input = input(label);
      scrollTo(input);
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      // typed as the browser's locale writes dates, which is what the date picker parses
      String typed = (String) ((JavascriptExecutor) driver).executeScript(
          "return new Intl.DateTimeFormat('default').format(new Date(arguments[0], arguments[1] - 1, arguments[2]));",
          date.getYear(), date.getMonthValue(), date.getDayOfMonth());
      input.sendKeys(typed, Keys.ENTER);
      input.sendKeys(Keys.TAB);
      sleep(350);
      return this;
    }

    /**
     * A form-js select (optionally searchable) or an HTML select: the option is picked by its visible text. An HTML
     * select may load its options from the server (the decision picker): it waits for an option that reads
     * {@code option}, or else for exactly one that contains it (a decision by its number).
     */
    public Form select(String label, String option) {
      WebElement field = field(label);
      List<WebElement> html = field.findElements(By.tagName("select"));
      if (!html.isEmpty()) {
        WebElement select = html.get(0);
        scrollTo(select);
        waitUntil("选项“" + option + "”", () -> {
          List<WebElement> options = select.findElements(By.tagName("option"));
          List<WebElement> exact = options.stream().filter(o -> o.getText().trim().equals(option)).toList();
          List<WebElement> partial = options.stream().filter(o -> o.getText().contains(option)).toList();
          List<WebElement> chosen = exact.isEmpty() ? partial : exact;
          if (chosen.size() != 1) {
            return false;
          }
          if (!chosen.get(0).isSelected()) {
            chosen.get(0).click(); // as Select does, and as a person clicks an entry of a list box
          }
          return true;
        });
        return this;
      }
      WebElement group = field.findElement(By.cssSelector(".fjs-input-group"));
      scrollTo(group);
      group.click();
      List<WebElement> search = field.findElements(By.cssSelector("input.fjs-input"));
      if (!search.isEmpty() && search.get(0).isDisplayed()) {
        // A refused submission keeps the earlier choice in the search box: replace it, do not append to it.
        search.get(0).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
            org.openqa.selenium.Keys.BACK_SPACE);
        search.get(0).sendKeys(option);
      }
      waitUntil("选项“" + option + "”", () -> !field.findElements(By.xpath(
          ".//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),'" + option + "')]")).isEmpty());
      WebElement item = field.findElement(By.xpath(
          ".//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),'" + option + "')]"));
      new org.openqa.selenium.interactions.Actions(driver).moveToElement(item).click().perform();
      return this;
    }

    /** Clicks the option (radio, checkbox of a checklist) with this text inside the field labelled {@code label}. */
    public Form choose(String label, String... options) {
      WebElement field = field(label);
      for (String option : options) {
        WebElement target = field.findElement(By.xpath(".//label[normalize-space(.)='" + option + "']"));
        scrollTo(target);
        target.click();
      }
      return this;
    }

    /** Ticks a single checkbox by its label. */
    public Form check(String label) {
      WebElement input = input(label);
      scrollTo(input);
      if (!input.isSelected()) {
        input.click();
      }
      return this;
    }

    public Form uncheck(String label) {
      WebElement input = input(label);
      if (input.isSelected()) {
        input.click();
      }
      return this;
    }

    public Form upload(String label, Path file) {
      WebElement input = field(label).findElement(By.cssSelector("input[type=file]"));
      input.sendKeys(file.toAbsolutePath().toString());
      return this;
    }

    /** The {@code n}-th row (from 1) of the repeating list labelled {@code list}, with or without 添加/删除. */
    public Form row(String list, int n) {
      if (!listField(list).findElements(By.cssSelector(".fjs-repeat-render-add")).isEmpty()
          || !listField(list).findElements(By.cssSelector(".fjs-repeat-row-container")).isEmpty()) {
        return containedRow(list, n);
      }
      // a list without 添加/删除 (allowAddRemove false) renders its rows' fields side by side in one container
      return new Form(() -> listField(list), n - 1);
    }

    private Form containedRow(String list, int n) {
      return new Form(() -> {
        WebElement listField = listField(list);
        List<WebElement> rows = listField.findElements(By.cssSelector(".fjs-repeat-row-container"));
        if (rows.size() < n) {
          throw new AssertionError("列表“" + list + "”只有 " + rows.size() + " 项");
        }
        return rows.get(n - 1);
      });
    }

    /** Clicks the list's 添加 (or a row's delete) button until the list has {@code n} rows. */
    public Form rows(String list, int n) {
      for (int i = 0; i < 10; i++) {
        List<WebElement> rows = listField(list).findElements(By.cssSelector(".fjs-repeat-row-container"));
        if (rows.size() == n) {
          break;
        }
        WebElement button = rows.size() < n ? listField(list).findElement(By.cssSelector(".fjs-repeat-render-add"))
            : rows.get(rows.size() - 1).findElement(By.cssSelector(".fjs-repeat-row-remove"));
        scrollTo(button);
        if (rows.size() < n) {
          assertThat(button.getText().trim()).isEqualTo("添加");
        }
        button.click();
        sleep(300);
      }
      return this;
    }

    private WebElement listField(String list) {
      return scope.get().findElement(By.xpath(".//*[contains(@class,'fjs-form-field-dynamiclist')]"
          + "[.//*[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.),'" + list + "')]]"));
    }

    /** The fields inside the group (form-js group component) whose label starts with {@code label}. */
    public Form group(String label) {
      return new Form(() -> scope.get().findElement(By.xpath(".//*[contains(@class,'fjs-form-field-group')]"
          + "[./*[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.),'" + label + "')]"
          + " or ./label[starts-with(normalize-space(.),'" + label + "')]]")));
    }
  }
}
