package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Browser;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.tracking.RequestElements;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8 item 8, in the real Tasklist: an executing unit's user opens 发起流程, sees only the request under its
 * new name, picks its own decision from the list by its title (other units' decisions are not offered), and
 * requests an evaluation: first one that is refused (too few public opinions, the refusal task shows why),
 * then one that is accepted, and the evaluation starts.
 */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
class RequestEvaluationBrowserIT {

  static final String REQUEST_NAME = "申请启动跟踪反馈与后评估（第八条、第十八条）";
  static final String OWN_TITLE = "济源市校园食品安全监管实施方案";
  static final String OTHER_TITLE = "济源市重点产业链培育方案";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return Map.of("variables", vars);
  }

  /** Digits only, so that the page shows no Latin letters at all. */
  private static String number() {
    return DecisionNumbers.unique();
  }

  private String register(String number, String title, String unit) {
    Http.Response registered = Http.basic(port, "zhengfu", "demo").postJson(
        "/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars("decisionNumber", number, "decisionTitle", title, "decisionCategory", "OTHER", "broadImpact", false,
            "implementationStart", "2026-02-01", "implementationEnd", "", "executingUnit", unit, "superiorMandated", false));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    return registered.json().get("id").asText();
  }

  @Test
  void jyjPicksItsDecisionByTitleAndRequestsAnEvaluation() throws Exception {
    String own = number();
    String other = number();
    String trackingId = register(own, OWN_TITLE, "exec-jyj");
    register(other, OTHER_TITLE, "exec-fgw");
    Map<String, String> unitOf = new HashMap<>();
    for (JsonNode d : Http.basic(port, "sifa", "demo").get("/api/decisions").json()) {
      unitOf.put(d.get("decisionNumber").asText(), d.get("executingUnit").asText());
    }

    try (Browser browser = Browser.start()) {
      String base = "http://localhost:" + port;
      browser.loginToWebapp(base, "tasklist", "jyj", "demo");
      browser.waitForText("我的待办");

      // 1. A request that is refused: the refusal task tells jyj why.
      openRequestForm(browser, true);
      List<String> offered = offeredNumbers(browser);
      assertThat(offered).contains(own).doesNotContain(other);
      assertThat(offered).allSatisfy(n -> assertThat(unitOf.get(n)).as(n).isEqualTo("exec-jyj"));
      assertThat(modalText(browser)).doesNotContain(OTHER_TITLE);
      // No English in the form's own words (the listed decisions are data other tests registered).
      String listed = browser.driver().findElement(By.id("decisionNumber")).getText();
      assertThat(modalText(browser).replace(listed, "")).contains("申请事由", "申请说明")
          .doesNotContainPattern("[A-Za-z]{2,}");
      // The demo decision jyj's unit executes is under evaluation: offered, and marked as such.
      assertThat(browser.driver().findElement(By.cssSelector("select#decisionNumber option[value='济政〔2025〕7号']"))
          .getText()).contains("济源市中小学课后服务实施方案", "（评估中）");
      browser.screenshot("request-evaluation-2-list");
      pick(browser, "食品安全");
      // The picker asks the registry with a search and a page size (the server may ignore both).
      assertThat(requestedUrls(browser)).anyMatch(u -> u.contains("size=500") && !u.contains("q="))
          .anyMatch(u -> u.contains("q=" + java.net.URLEncoder.encode("食品安全", java.nio.charset.StandardCharsets.UTF_8))
              && u.contains("size=500"));
      browser.screenshot("request-evaluation-3-picked");
      new Select(browser.driver().findElement(By.id("requestReason")))
          .selectByVisibleText("公民、法人或者其他组织提出较多意见（第八条第（三）项）");
      browser.waitFor(By.id("publicOpinionCount")).sendKeys("5");
      browser.driver().findElement(By.id("requestDescription")).sendKeys("12345 热线收到家长反映食堂收费问题 5 条");
      browser.screenshot("request-evaluation-4-refusable");
      start(browser);
      Task refusal = waitForTask(RequestElements.REFUSED, "jyj", own);
      browser.driver().navigate().refresh();
      browser.waitForText("评估申请未受理");
      browser.clickText("评估申请未受理");
      browser.waitForText("不属于第八条第（三）项");
      assertThat(browser.bodyText()).contains(own, "公民、法人或者其他组织提出较多意见（第八条第（三）项）", "5 条");
      browser.screenshot("request-evaluation-5-refused");
      browser.clickText("已知悉");
      browser.click(By.xpath("//button[normalize-space(.)='提交' or normalize-space(.)='完成']"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
          engine.getTaskService().createTaskQuery().taskId(refusal.getId()).count() == 0);
      assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(trackingId).count()).isZero();

      // 2. An accepted request: tracking starts the evaluation at once.
      openRequestForm(browser, false);
      pick(browser, "食品安全");
      new Select(browser.driver().findElement(By.id("requestReason"))).selectByVisibleText("决策执行单位申请（第八条第（四）项）");
      browser.driver().findElement(By.id("requestDescription")).sendKeys("食堂收费和供餐质量投诉增多，申请评估实施效果");
      browser.screenshot("request-evaluation-6-filled");
      start(browser);
      // Delivery and the evaluation's start are jobs behind the start; run them as the job executor would.
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
        Jobs.drain(engine, own);
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(trackingId).count() == 1;
      });
      browser.waitForText("流程已发起");
      browser.screenshot("request-evaluation-7-started");
    }
    var evaluation = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(trackingId).singleResult();
    assertThat(evaluation.getBusinessKey()).isEqualTo(own);
    assertThat(engine.getRuntimeService().getVariable(evaluation.getId(), "legalBasis")).isEqualTo("第八条第（四）项");
    assertThat(engine.getRuntimeService().getVariable(evaluation.getId(), "decisionTitle")).isEqualTo(OWN_TITLE);
  }

  /** 发起流程 → the request: jyj's start list holds exactly the request, under its new name. */
  private void openRequestForm(Browser browser, boolean firstTime) throws Exception {
    browser.click(By.xpath("//a[contains(normalize-space(.),'发起流程')]"));
    browser.waitFor(By.cssSelector(".modal ul.processes li a"));
    List<String> names = browser.driver().findElements(By.cssSelector(".modal ul.processes li a")).stream()
        .map(WebElement::getText).map(String::trim).toList();
    assertThat(names).containsExactly(REQUEST_NAME);
    if (firstTime) {
      browser.screenshot("request-evaluation-1-start-list");
    }
    browser.click(By.xpath("//ul[contains(@class,'processes')]//a[normalize-space(.)='" + REQUEST_NAME + "']"));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
        !d.findElements(By.cssSelector("select#decisionNumber option[value^='济']")).isEmpty());
  }

  private static List<String> offeredNumbers(Browser browser) {
    return browser.driver().findElements(By.cssSelector("select#decisionNumber option")).stream()
        .map(o -> o.getAttribute("value")).filter(v -> v != null && !v.isEmpty()).toList();
  }

  /** The registry calls the page made, from the browser's resource timing. */
  @SuppressWarnings("unchecked")
  private static List<String> requestedUrls(Browser browser) {
    List<String> urls = new java.util.ArrayList<>();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> {
      urls.clear();
      urls.addAll((List<String>) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
          "return performance.getEntriesByType('resource').map(function(e) { return e.name; })"
          + ".filter(function(n) { return n.indexOf('/api/decisions') !== -1; });"));
      return urls.size() >= 2;
    });
    return urls;
  }

  private static String modalText(Browser browser) {
    return browser.driver().findElement(By.cssSelector(".modal-content")).getText();
  }

  /** Searches by a word of the title, then clicks the decision in the list, as a person does. */
  private static void pick(Browser browser, String word) {
    WebDriver driver = browser.driver();
    driver.findElement(By.id("decisionSearch")).sendKeys(word);
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("select#decisionNumber option"))
        .stream().filter(o -> !o.getAttribute("value").isEmpty()).allMatch(o -> o.getText().contains(word)));
    browser.click(By.xpath("//select[@id='decisionNumber']/option[contains(normalize-space(.),'" + OWN_TITLE + "')]"));
    browser.waitForText("已选择：");
    assertThat(driver.findElement(By.id("decisionChosen")).getText()).contains(OWN_TITLE, "市教育局");
  }

  private static void start(Browser browser) {
    browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space(.)='发起']"));
  }

  private Task waitForTask(String key, String assignee, String businessKey) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      Task task = engine.getTaskService().createTaskQuery().taskDefinitionKey(key).taskAssignee(assignee)
          .processInstanceBusinessKey(businessKey).singleResult();
      if (task != null) {
        return task;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no task " + key + " for " + assignee);
  }
}
