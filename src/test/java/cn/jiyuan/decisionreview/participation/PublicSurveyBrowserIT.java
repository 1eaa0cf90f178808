package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Browser;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A citizen on a phone (360×740): answers the questionnaire, is told in place what is missing, gets a receipt;
 * sees plainly that a survey is closed or unknown; writes an opinion. Screenshots: target/screenshots/public-*.png.
 */
@Tag("browser")
@IntegrationTest
class PublicSurveyBrowserIT {

  @LocalServerPort int port;
  @Autowired SurveyStore store;
  @Autowired Clock clock;

  String base() {
    return "http://localhost:" + port;
  }

  static Browser phone() {
    Browser browser = Browser.start();
    browser.driver().manage().window().setSize(new Dimension(360, 740));
    return browser;
  }

  static Object js(Browser browser, String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }

  /** Nothing is wider than the phone: no sideways scrolling. */
  static void assertFitsTheWidth(Browser browser) {
    Number viewport = (Number) js(browser, "return document.documentElement.clientWidth;");
    Number content = (Number) js(browser, "return document.documentElement.scrollWidth;");
    assertThat(viewport.intValue()).isLessThanOrEqualTo(360);
    assertThat(content.intValue()).isLessThanOrEqualTo(viewport.intValue());
  }

  /** Touch targets of the choices and the button are at least 44 px high. */
  static void assertLargeTargets(Browser browser) {
    @SuppressWarnings("unchecked")
    List<Number> heights = (List<Number>) js(browser, "return Array.from(document.querySelectorAll("
        + "'label.choice, button.primary, textarea, select, input[type=text]:not(#website)'))"
        + ".filter(e => e.offsetParent !== null).map(e => e.getBoundingClientRect().height);");
    assertThat(heights).isNotEmpty().allSatisfy(h -> assertThat(h.doubleValue()).isGreaterThanOrEqualTo(44));
  }

  static WebElement choice(Browser browser, String questionId, String label) {
    return browser.waitFor(By.xpath("//fieldset[@id='" + questionId + "-field']//label[span[normalize-space(.)='"
        + label + "']]"));
  }

  @Test
  void aCitizenAnswersTheQuestionnaireOnAPhoneAndGetsAReceipt() throws Exception {
    Survey survey = ParticipationDatabase.survey(clock.instant(), Duration.ofDays(7));
    store.create(survey);
    try (Browser browser = phone()) {
      browser.open(base() + "/public/surveys/" + survey.surveyId());
      browser.waitForText("城乡居民养老补贴政策实施情况调查问卷");
      String intro = browser.bodyText();
      assertThat(intro).contains("关于实施城乡居民养老补贴的决定", "济政〔2026〕7号", "执行评估", "第十九条第一款",
          "不收集姓名、身份证号", "加密散列", "2 年", "问卷正在征集中");
      assertFitsTheWidth(browser);
      assertLargeTargets(browser);
      browser.screenshot("public-survey-360");

      browser.click(By.id("submit"));
      browser.waitForText("还有 2 处需要补充或修改");
      assertThat(browser.driver().findElement(By.id("q1-error")).getText()).contains("必答");
      assertThat(browser.driver().findElement(By.id("q1-field")).getAttribute("class")).contains("invalid");
      assertFitsTheWidth(browser);
      browser.screenshot("public-survey-missing-answers");

      choice(browser, "q1", "满意").click();
      // the keyboard works too: focus the second option of 第2题 and choose it with the space bar
      WebElement media = browser.driver().findElement(By.xpath("//fieldset[@id='q2-field']//input[@value='新闻媒体']"));
      js(browser, "arguments[0].focus();", media);
      media.sendKeys(Keys.SPACE);
      browser.click(By.xpath("//fieldset[@id='q3-field']//label[span[normalize-space(.)='办理流程']]"));
      browser.click(By.xpath("//fieldset[@id='q3-field']//label[span[normalize-space(.)='补贴标准']]"));
      browser.type(browser.driver().findElement(By.id("q4-text")), "希望简化申请材料 👍");
      assertThat(browser.driver().findElement(By.id("q4-counter")).getText()).isEqualTo("10 / 2000 字");
      browser.screenshot("public-survey-answered");
      browser.click(By.id("submit"));
      browser.waitForText("提交成功");
      String receipt = browser.driver().findElement(By.id("receipt")).getText();
      assertThat(receipt).matches("\\d{8}-[0-9A-Z]{10}");
      assertFitsTheWidth(browser);
      browser.screenshot("public-survey-receipt");

      assertThat(store.responses(survey.surveyId())).singleElement().satisfies(r -> {
        assertThat(r.receipt()).isEqualTo(receipt);
        assertThat(r.answers()).isEqualTo(Map.of("q1", 4, "q2", "新闻媒体", "q3", List.of("办理流程", "补贴标准"),
            "q4", "希望简化申请材料 👍"));
      });
    }
  }

  @Test
  void closedNotYetOpenAndUnknownSurveysSaySoPlainly() throws Exception {
    Instant now = clock.instant();
    Survey closed = new Survey(Receipts.surveyId(), "pi-" + UUID.randomUUID(), "济政〔2026〕9号", "关于公交线网优化的决定",
        "TRIGGERED", "公交线网优化评估问卷", ParticipationDatabase.QUESTIONS, Instant.parse("2026-03-01T00:00:00Z"),
        Instant.parse("2026-03-31T15:59:00Z"), null);
    store.create(closed);
    Survey later = new Survey(Receipts.surveyId(), "pi-" + UUID.randomUUID(), "济政〔2026〕10号", "关于垃圾分类的决定",
        "RISK", "垃圾分类争议风险评估问卷", ParticipationDatabase.QUESTIONS, now.plus(Duration.ofDays(3)),
        now.plus(Duration.ofDays(10)), null);
    store.create(later);
    try (Browser browser = phone()) {
      browser.open(base() + "/public/surveys/" + closed.surveyId());
      browser.waitForText("结束征集");
      assertThat(browser.bodyText()).contains("问卷已于 2026年3月31日 23:59 结束征集", "触发评估", "第八条");
      assertThat(browser.driver().findElement(By.id("survey-form")).isDisplayed()).isFalse();
      assertFitsTheWidth(browser);
      browser.screenshot("public-survey-closed");

      browser.open(base() + "/public/surveys/" + later.surveyId());
      browser.waitForText("尚未开始征集");
      assertThat(browser.bodyText()).contains("争议风险评估", "第十八条");

      browser.open(base() + "/public/surveys/" + Receipts.surveyId());
      browser.waitForText("没有找到这份问卷");
      browser.screenshot("public-survey-unknown");
    }
  }

  @Test
  void theOpinionPageShowsTheDecisionAndChecksTheFormInPlace() throws Exception {
    try (Browser browser = phone()) {
      browser.open(base() + "/public/decisions/" + Http.encode("济政〔2026〕7号") + "/opinions");
      browser.waitForText("济政〔2026〕7号");
      assertThat(browser.bodyText()).contains("第八条第（三）项", "不收集身份证号", "联系方式（选填）", "2 年");
      assertFitsTheWidth(browser);
      assertLargeTargets(browser);
      browser.click(By.id("submit"));
      browser.waitForText("请选择意见类别。");
      assertThat(browser.bodyText()).contains("请填写意见内容。");
      browser.screenshot("public-opinions-360");
      new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("category")))
          .selectByVisibleText("意见建议");
      browser.driver().findElement(By.id("text")).sendKeys("建议在社区服务中心增设办理窗口。");
      browser.click(By.id("submit"));
      // whatever the opinions API answers, the page shows it in Chinese and never a blank or an English error
      browser.waitFor(By.cssSelector("#form-error:not([hidden]), #done:not([hidden])"));
      assertThat(browser.bodyText()).containsPattern("回执号|决策|意见");
      browser.screenshot("public-opinions-submitted");

      browser.open(base() + "/public/evaluations");
      browser.waitFor(By.cssSelector("#failure:not([hidden]), #empty:not([hidden]), #list li"));
      assertFitsTheWidth(browser);
      browser.screenshot("public-evaluations-360");
    }
  }

  @Test
  void eachPageWithItsAssetsIsUnder150Kb() {
    Http http = Http.anonymous(port);
    Map<String, List<String>> pages = Map.of(
        "/public/surveys/" + Receipts.surveyId(), List.of("/public/site.css", "/public/common.js", "/public/survey.js"),
        "/public/decisions/x/opinions", List.of("/public/site.css", "/public/common.js", "/public/opinions.js"),
        "/public/evaluations", List.of("/public/site.css", "/public/common.js", "/public/evaluations.js"));
    pages.forEach((page, assets) -> {
      Http.Response html = http.get(page);
      assertThat(html.status()).isEqualTo(200);
      long total = html.bytes().length;
      for (String asset : assets) {
        assertThat(html.body()).contains(asset);
        Http.Response response = http.get(asset);
        assertThat(response.status()).as(asset).isEqualTo(200);
        total += response.bytes().length;
      }
      assertThat(total).as(page).isLessThan(150 * 1024);
      assertThat(html.body()).doesNotContain("http://", "https://");
    });
  }
}
