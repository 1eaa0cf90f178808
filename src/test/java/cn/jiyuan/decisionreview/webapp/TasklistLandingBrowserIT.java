package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.ReviewDecision;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.identity.TasklistFilterSeeder;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Browser;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the real Tasklist: where a group member lands and what a task card says, the
 * ineligible agency refused in place, and the form details a new user stumbled over (a cut-off checkbox label, a
 * counter of empty rows, an amount without digit grouping).
 */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
class TasklistLandingBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private String base() {
    return "http://localhost:" + port;
  }

  private static String number() {
    return DecisionNumbers.unique();
  }

  private static Object js(Browser browser, String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }

  private void openAndClaim(Browser browser, Task task, String formText) {
    browser.open(base() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    browser.waitForText(formText);
    browser.clickText("认领"); // Tasklist keeps the form disabled until the task is claimed
    browser.waitForText("取消认领");
  }

  private static void choose(Browser browser, int selectIndex, String option) {
    browser.click(By.xpath("(//*[contains(@class,'fjs-form-field-select')]//*[contains(@class,'fjs-input-group')])[" + selectIndex + "]"));
    browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(.,'" + option + "')]"));
  }

  /** Clicked by script: the notification of an earlier refusal may lie over the button. */
  private static void submit(Browser browser) {
    WebElement button = browser.waitFor(By.xpath("//button[normalize-space(.)='提交' or normalize-space(.)='完成']"));
    js(browser, "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
  }

  /**
   * 我的待办 is sorted by due date and shows one page; other tests leave sifa many tasks. The task gets a due date
   * just before the earliest one there, so that its card is on the first page.
   */
  private Task firstInMyTasks(String user, Task task) {
    Filter myTasks = engine.getFilterService().createFilterQuery().filterName(TasklistFilterSeeder.MY_TASKS).singleResult();
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    Date earliest;
    try {
      earliest = engine.getFilterService().<Task>list(myTasks.getId()).stream().map(Task::getDueDate)
          .filter(Objects::nonNull).min(Date::compareTo).orElse(task.getDueDate());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    task.setDueDate(new Date(Math.min(earliest.getTime(), task.getDueDate().getTime()) - 60_000));
    engine.getTaskService().saveTask(task);
    return engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult();
  }

  @Test
  void sifaLandsOnAClaimableTaskAndAnIneligibleAgencyIsRefusedInPlace() throws Exception {
    String number = number();
    EvaluationScenario s = EvaluationScenario.start(engine, number, "exec-jyj");
    s.determineMethod(EvaluatorType.COMMISSIONED, Procedure.FULL, Groups.LEGAL_AFFAIRS, null);
    Task selection = firstInMyTasks("sifa", s.task(TaskKeys.SELECT_AGENCY));
    String processName = engine.getRepositoryService().getProcessDefinition(selection.getProcessDefinitionId()).getName();
    try (Browser browser = Browser.start()) {
      browser.loginToWebapp(base(), "tasklist", "sifa", "demo");
      // The first filter is where sifa lands; it lists the legal office's unclaimed task.
      browser.waitForText("我的待办");
      WebElement card = browser.waitFor(By.xpath("//li[contains(@class,'task')][contains(.,'" + number + "')]"));
      browser.screenshot("landing-my-tasks");
      assertThat(card.getText()).contains("选择受委托评估机构", processName, "决策文号", number, "决策名称",
          "济源市中小学课后服务实施方案", "到期");
      assertThat(js(browser, "return Array.from(arguments[0].querySelectorAll('.variable-item span, .variable-item strong'))"
          + ".every(e => e.scrollWidth <= e.clientWidth + 1);", card)).as("no line of the card is cut off").isEqualTo(true);

      openAndClaim(browser, selection, "委托范围");
      WebElement label = browser.waitFor(By.xpath("//label[contains(.,'承诺不转包、不变相转包')]"));
      assertThat(js(browser, "const e=arguments[0]; return e.scrollWidth <= e.clientWidth && e.scrollHeight <= e.clientHeight;", label))
          .as("the checkbox label is not cut off").isEqualTo(true);
      assertThat(browser.bodyText()).contains("不擅自将委托事项转包或变相转包给其他单位或个人").doesNotContain("Add new");

      choose(browser, 1, "济源恒泰管理咨询有限公司");
      browser.driver().findElement(By.cssSelector("textarea[id$='Field_commissionScope']")).sendKeys("对课后服务实施情况开展整体评估");
      browser.click(By.cssSelector("input[id$='Field_noSubcontractingDeclared']"));
      browser.screenshot("select-agency-form");
      submit(browser);
      browser.waitForText("该机构受到处理（第二十五条），不得委托");
      browser.screenshot("select-agency-refused");
      Task still = s.task(TaskKeys.SELECT_AGENCY);
      assertThat(still.getId()).isEqualTo(selection.getId());
      assertThat(still.getDueDate()).isEqualTo(selection.getDueDate());

      choose(browser, 1, "郑州大学公共政策研究中心");
      submit(browser);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
          engine.getTaskService().createTaskQuery().taskId(selection.getId()).count() == 0);
    }
    assertThat(s.var("evaluatorGroup")).isEqualTo("agency-demo");
  }

  @Test
  void theConsultationCounterCountsFilledRowsAndTheBudgetIsGrouped() throws Exception {
    EvaluationScenario consult = EvaluationScenario.start(engine, number(), "exec-jyj");
    consult.determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS, null).formTeam().draftPlan().approvePlan(ReviewDecision.APPROVE).designSurvey()
        .closeSurveyEarly();
    EvaluationScenario plan = EvaluationScenario.start(engine, number(), "exec-jyj");
    plan.determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS, null).formTeam().draftPlan(); // budget 50000
    try (Browser browser = Browser.start()) {
      browser.loginToWebapp(base(), "tasklist", "sifa", "demo");
      browser.waitForText("我的待办");
      openAndClaim(browser, consult.task(TaskKeys.RECORD_CONSULTATIONS), "征求意见记录");
      // the questionnaire's row is the system's; the team adds its own channels after it
      browser.waitForText("已填写 1 条记录，使用了 1 种不同方式，尚未满足两种不同方式的要求");
      browser.waitForText("第一条“网上问卷”记录由系统根据答卷自动汇总");
      browser.screenshot("consultations-online-survey");
      browser.click(By.cssSelector("button.fjs-repeat-render-add")); // form-js's 添加 (Add new)
      browser.waitForText("已填写 1 条记录，使用了 1 种不同方式"); // a new empty row counts for nothing
      choose(browser, 2, "座谈会");
      browser.waitForText("已填写 2 条记录，使用了 2 种不同方式，已满足两种不同方式的要求");
      browser.click(By.cssSelector("button.fjs-repeat-render-add"));
      choose(browser, 3, "座谈会");
      browser.waitForText("已填写 3 条记录，使用了 2 种不同方式，已满足两种不同方式的要求"); // one channel counts once
      browser.screenshot("consultations-two-channels");
      assertThat(browser.bodyText()).doesNotContain("Add new");
    }
    try (Browser browser = Browser.start()) {
      browser.loginToWebapp(base(), "tasklist", "zhengfu", "demo");
      browser.waitForText("我的待办");
      browser.open(base() + "/camunda/app/tasklist/default/#/?task=" + plan.task(TaskKeys.APPROVE_PLAN).getId());
      browser.waitForText("经费预算");
      browser.waitForText("经费预算： 50,000 元");
      browser.screenshot("approve-plan-budget");
    }
  }

  @Test
  void theLoginPageFindsTheWelcomePage() throws Exception {
    try (Browser browser = Browser.start()) {
      browser.open(base() + "/camunda/app/tasklist/default/");
      browser.waitForText("登录");
      // The login page's probe of Camunda Run's welcome page is answered (by the welcome app), not a 404.
      browser.waitForText("欢迎使用重大行政决策跟踪反馈与后评估系统");
      List<?> statuses = (List<?>) js(browser, "return performance.getEntriesByType('resource')"
          + ".filter(e => e.name.endsWith('/camunda-welcome')).map(e => e.responseStatus);");
      assertThat(statuses).isNotEmpty().allSatisfy(status -> assertThat(((Number) status).intValue()).isEqualTo(200));
      browser.screenshot("login-first-visit");
    }
  }
}
