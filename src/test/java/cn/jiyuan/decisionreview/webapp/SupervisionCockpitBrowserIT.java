package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.deadline.WorkingDayCalendar;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.supervision.SupervisionFixtures;
import cn.jiyuan.decisionreview.support.Browser;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 督办 in Cockpit as 赵敏 (督办科): from the dashboard to the 督办 page, the late decision with its title, unit, the
 * holder of the overdue task, the working days late and the escalation; the filter 仅看有逾期任务的决策; a row's link
 * into the evaluation's process instance; the definition's tab 决策名称 with the title beside the business key. An analyst, who has Cockpit but may not read evaluations, is told 无权查看.
 */
// Headless Chromium through Cockpit; CI runs these once, on H2 (see .ci/run)
@Tag("browser")
@IntegrationTest
@Covers({"条例第三十四条", "条例第四十条"})
class SupervisionCockpitBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDayCalendar calendar;

  private static By row(String number) {
    return By.cssSelector("#dr-supervision-table tr[data-decision-number='" + number + "']");
  }

  @Test
  void theSupervisorFollowsTheLateDecisionIntoItsEvaluation() throws Exception {
    SupervisionFixtures.Late late = SupervisionFixtures.late(engine, port, jdbc);
    String tracked = SupervisionFixtures.trackedOnly(port);
    LocalDate due = engine.getTaskService().createTaskQuery().taskId(late.taskId()).singleResult().getDueDate()
        .toInstant().atZone(BeijingClock.ZONE).toLocalDate();
    int daysLate = calendar.workingDaysBetween(due, BeijingClock.INSTANCE.today());
    String base = "http://localhost:" + port;

    try (Browser browser = Browser.start()) {
      browser.loginToWebapp(base, "cockpit", "ducha", "demo");
      browser.waitForText("赵 敏");
      browser.waitFor(By.id("dr-supervision-dashboard"));
      assertThat(browser.driver().findElement(By.id("dr-supervision-dashboard")).getText()).contains("督办", "已逾期");
      browser.screenshot("supervision-dashboard");

      browser.click(By.id("dr-supervision-nav"));
      WebElement lateRow = browser.reveal(row(late.number()));
      assertThat(browser.driver().getCurrentUrl()).endsWith("#/supervision");
      assertThat(lateRow.getText()).contains(SupervisionFixtures.LATE_TITLE, "市发展和改革委员会", "评估中", "准备阶段",
          "成立评估小组", "办理：市司法局", "期限：" + due, "已逾期 " + daysLate + " 个工作日",
          "督办 2 次，第 2 级，最近 2026-03-20 09:00");
      browser.screenshot("supervision-board");
      assertThat(browser.reveal(row(tracked)).getText()).contains(SupervisionFixtures.TRACKED_TITLE,
          "市教育局", "跟踪中", "无进行中的评估", "无待办任务");

      browser.click(By.id("dr-filter-overdue"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(d -> d.findElements(row(tracked)).isEmpty());
      assertThat(browser.driver().findElements(row(late.number()))).hasSize(1);
      assertThat(browser.driver().findElements(By.cssSelector("#dr-supervision-table tbody tr[data-decision-number]")))
          .allSatisfy(r -> assertThat(r.getAttribute("textContent")).contains("已逾期"));
      browser.screenshot("supervision-overdue");

      browser.click(By.cssSelector("#dr-supervision-table tr[data-decision-number='" + late.number()
          + "'] a[data-test='row-link']"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> d.getCurrentUrl()
          .endsWith("#/process-instance/" + late.evaluationId() + "/runtime"));
      new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
          .until(d -> !d.findElements(By.cssSelector(".djs-container svg .djs-element")).isEmpty());
      browser.waitForText(late.number());
      browser.screenshot("supervision-instance");

      // Cockpit's own instance list has fixed columns; the definition's tab 决策名称 puts the title beside the number
      String definition = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(late.evaluationId())
          .singleResult().getProcessDefinitionId();
      browser.open(base + "/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
      browser.clickText("决策名称");
      WebElement search = browser.waitFor(By.id("dr-titles-search"));
      search.sendKeys("智慧停车", Keys.ENTER);
      // the unfiltered first page is drawn, then replaced by the search's one row
      new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
          .until(d -> d.findElements(By.cssSelector("#dr-decision-titles tbody tr")).size() == 1
              && !d.findElements(By.cssSelector("#dr-decision-titles tr[data-instance-id='" + late.evaluationId()
                  + "']")).isEmpty());
      WebElement titled = browser.driver().findElement(By.cssSelector("#dr-decision-titles tr[data-instance-id='"
          + late.evaluationId() + "']"));
      assertThat(titled.getText()).contains(late.number(), SupervisionFixtures.LATE_TITLE, "市发展和改革委员会");
      browser.screenshot("supervision-titles-tab");
    }

    try (Browser browser = Browser.start()) {
      browser.loginToWebapp(base, "cockpit", "fenxi", "demo");
      browser.waitForText("钱 思远");
      browser.open(base + "/camunda/app/cockpit/default/#/supervision");
      browser.waitFor(By.id("dr-supervision-refused"));
      assertThat(browser.bodyText()).contains("无权查看").doesNotContain(late.number());
      assertThat(browser.driver().findElements(By.id("dr-supervision-nav"))).isEmpty();
      browser.screenshot("supervision-refused");
    }
  }
}
