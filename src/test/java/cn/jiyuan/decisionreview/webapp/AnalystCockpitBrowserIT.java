package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.support.Browser;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.TestProcesses;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The process analyst works in Cockpit's definition views: the processes and the rule tables with their diagrams,
 * as Modeler deployed them. What the evaluations themselves hold stays out of sight (Art. 23): an instance that
 * exists is neither listed nor readable for the analyst.
 */
// Headless Chromium through Cockpit; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
class AnalystCockpitBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void theAnalystSeesDefinitionsAndDiagramsButNoInstanceData() throws Exception {
    String number = DecisionNumbers.unique();
    String instance = TestProcesses.startUnitTask(engine, "exec-fgw", number).getId();
    String base = "http://localhost:" + port;
    String tracking = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.DECISION_TRACKING).latestVersion().singleResult().getId();
    String unitTask = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(TestProcesses.UNIT_TASK).latestVersion().singleResult().getId();

    try (Browser browser = Browser.start()) {
      browser.loginToWebapp(base, "cockpit", "fenxi", "demo");
      browser.waitForText("钱 思远"); // logged in: the header names the user; only then navigate
      browser.open(base + "/camunda/app/cockpit/default/#/processes");
      browser.waitForText("重大行政决策登记与跟踪");
      browser.screenshot("analyst-cockpit-processes");

      browser.open(base + "/camunda/app/cockpit/default/#/decisions");
      browser.waitForText("跟踪反馈与后评估启动");
      assertThat(browser.bodyText()).contains("定期评估安排", "不重复组织评估", "评估等级");
      browser.screenshot("analyst-cockpit-decisions");

      browser.open(base + "/camunda/app/cockpit/default/#/process-definition/" + tracking + "/runtime");
      diagramShown(browser);
      browser.screenshot("analyst-cockpit-tracking-diagram");

      // a process that has a running instance with another unit's data: the analyst sees the model, not the instance
      browser.open(base + "/camunda/app/cockpit/default/#/process-definition/" + unitTask + "/runtime");
      diagramShown(browser);
      Thread.sleep(1500); // the instance table is one more request after the diagram
      assertThat(browser.bodyText()).doesNotContain(number, instance, "仅限exec-fgw查看的数据");
      browser.screenshot("analyst-cockpit-no-instances");

      browser.open(base + "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
      Thread.sleep(2500);
      assertThat(browser.bodyText()).doesNotContain(number, "仅限exec-fgw查看的数据");
      browser.screenshot("analyst-cockpit-instance-refused");
    }
  }

  private static void diagramShown(Browser browser) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.cssSelector(".djs-container svg .djs-element")).isEmpty());
  }
}
