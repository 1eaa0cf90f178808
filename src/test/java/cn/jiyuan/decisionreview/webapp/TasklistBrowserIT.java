package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Browser;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A civil servant logs into Tasklist and sees a Chinese interface with the shared filters. */
// Headless Chromium through Tasklist; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
class TasklistBrowserIT {

  @LocalServerPort int port;

  @Test
  void sifaSeesTheChineseTasklist() throws Exception {
    try (Browser browser = Browser.start()) {
      String base = "http://localhost:" + port;
      browser.open(base + "/camunda/app/tasklist/default/");
      browser.waitForText("登录");
      Path login = browser.screenshot("tasklist-login");
      browser.loginToWebapp(base, "tasklist", "sifa", "demo");
      browser.waitForText("我的待办");
      browser.waitForText("本单位待办");
      Path tasklist = browser.screenshot("tasklist-sifa");

      String text = browser.bodyText();
      assertThat(text).contains("即将到期", "已逾期", "发起流程");
      assertThat(text).doesNotContain("Start process", "Filters", "Log out", "Welcome");
      assertThat(Files.size(login)).isPositive();
      assertThat(Files.size(tasklist)).isPositive();
    }
  }
}
