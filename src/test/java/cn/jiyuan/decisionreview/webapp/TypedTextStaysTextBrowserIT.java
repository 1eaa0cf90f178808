package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.identity.TasklistFilterSeeder;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Tasklist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What one user types is shown to the next as text (integrity of every write, item 9): a decision title that is
 * HTML and markdown, registered by the authority, appears literally in the legal office's form, and nothing in it
 * becomes an element, a link or a script.
 */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
class TypedTextStaysTextBrowserIT {

  static final String TITLE = "<img src=x onerror=\"window.injected=1\"> **加粗** [点我](javascript:window.injected=2) | 表格";

  @LocalServerPort int port;

  @Test
  void aTitleWithMarkupIsShownAsTextInTheNextForm() throws Exception {
    String number = DecisionNumbers.unique();
    Http zhengfu = Http.basic(port, "zhengfu", "demo");
    Http.Response registered = zhengfu.postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars("decisionNumber", number, "decisionTitle", TITLE, "decisionCategory", "OTHER", "broadImpact", false,
            "implementationStart", "2026-03-01", "implementationEnd", "", "executingUnit", "exec-fgw",
            "superiorMandated", false, "assistingSuperior", false));
    assertThat(registered.status()).as(registered.body()).isBetween(200, 204);
    Http.Response requested = zhengfu.postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars("decisionNumber", number, "requestReason", "AUTHORITY_DEEMS_NECESSARY", "requestDescription", "有必要评估"));
    assertThat(requested.status()).as(requested.body()).isBetween(200, 204);

    try (Tasklist t = Tasklist.open(port, "typed-text")) {
      t.login("sifa").openTask(List.of(TasklistFilterSeeder.MY_TASKS, TasklistFilterSeeder.UNIT_TASKS), "确定评估方式", number);
      t.shot("标题含标记");
      WebElement form = t.driver().findElement(By.cssSelector("[cam-tasklist-form] .fjs-container"));
      assertThat(form.getText()).as("the title reads as typed").contains("<img src=x onerror=\"window.injected=1\">")
          .contains("**加粗**").contains("[点我](javascript:window.injected=2)");
      assertThat(form.findElements(By.cssSelector(".fjs-form-field-text img, .fjs-form-field-text strong em, "
          + ".fjs-form-field-text a[href^='javascript']"))).as("no element made from the title").isEmpty();
      for (WebElement strong : form.findElements(By.cssSelector(".fjs-form-field-text strong"))) {
        assertThat(strong.getText()).as("only the form's own bold labels are bold").doesNotContain("加粗");
      }
      assertThat(((JavascriptExecutor) t.driver()).executeScript("return window.injected === undefined;"))
          .as("nothing ran").isEqualTo(true);
    }
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return Map.of("variables", vars);
  }
}
