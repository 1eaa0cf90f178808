package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.support.Browser;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** sifa completes the Camunda Form 确定评估方式 in Tasklist, as a civil servant would. */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
class TasklistCamundaFormBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void sifaDeterminesTheEvaluationMethodInTasklist() throws Exception {
    EvaluationScenario s = EvaluationScenario.start(engine, DecisionNumbers.unique(), "exec-jyj");
    Task task = s.task(TaskKeys.DETERMINE_METHOD);
    try (Browser browser = Browser.start()) {
      String base = "http://localhost:" + port;
      browser.loginToWebapp(base, "tasklist", "sifa", "demo");
      browser.waitForText("我的待办");
      browser.open(base + "/camunda/app/tasklist/default/#/?task=" + task.getId());
      browser.waitForText("承担评估具体工作的单位");
      browser.clickText("认领"); // Tasklist keeps the form disabled until the task is claimed
      browser.waitForText("取消认领");
      browser.clickText("自行评估");
      browser.clickText("完整程序（第十条至第十四条）");
      browser.clickText("整体评估");
      browser.click(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
      browser.click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(.,'市司法局')]"));
      browser.screenshot("tasklist-determine-method");
      browser.click(By.xpath("//button[normalize-space(.)='提交' or normalize-space(.)='完成']"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
          engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 0);
      browser.screenshot("tasklist-determine-method-done");
    }
    assertThat(s.var("evaluatorType")).isEqualTo("SELF");
    assertThat(s.var("evaluatorGroup")).isEqualTo("legal-affairs");
    assertThat(s.task(TaskKeys.FORM_TEAM)).isNotNull();
  }
}
