package cn.jiyuan.decisionreview.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.identity.TasklistFilterSeeder;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.Tasklist;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * sifa's January task in Tasklist (Art. 26): the workbook downloads from the form's link and opens, a 报送日期 before
 * the year's end is refused next to the field, and the corrected submission ends the task. Screenshots under
 * {@code target/e2e/annual-assessment/}.
 */
@Tag("browser")
@IntegrationTest
@TestPropertySource(properties = {"decision-review.demo.evaluations=false", "camunda.bpm.job-execution.enabled=false"})
class AnnualAssessmentBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void sifaDownloadsTheWorkbookFromTheTaskAndRecordsTheSubmission() throws Exception {
    Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(ProcessKeys.ANNUAL_ASSESSMENT)
        .timers().singleResult();
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(BeijingClock.ZONE);
    ClockUtil.setCurrentTime(Date.from(due.plusMinutes(1).toInstant()));
    Jobs.run(engine, timer.getId());
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.ANNUAL_ASSESSMENT).active().singleResult();
    Jobs.drain(engine, instance.getId());
    int year = due.getYear() - 1;
    LocalDate today = due.toLocalDate();

    try (Tasklist t = Tasklist.open(port, "annual-assessment")) {
      t.login("sifa").openTask(TasklistFilterSeeder.MY_TASKS, "报送上一年度法治政府建设考核材料", "").claim();
      assertThat(t.detailText()).contains("报送 " + year + " 年度法治政府建设考核材料").contains("第二十六条");
      assertThat(t.englishInForm()).isEmpty();
      t.shot("报送考核材料");

      Path workbook = download(t, "下载 " + year + " 年度考核材料");
      assertThat(workbook.getFileName().toString()).isEqualTo(AssessmentWorkbook.fileName(year));
      try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(workbook))) {
        assertThat(book.getSheet(AssessmentWorkbook.UNIT_SHEET).getRow(0).getCell(0).getStringCellValue())
            .startsWith(year + " 年度");
      }

      t.form().date("报送日期", LocalDate.of(year, 12, 31)).text("报送单位", "市委全面依法治市委员会办公室")
          .text("备注", "通过政务内网报送");
      assertThat(t.submitExpectingRefusal("不能早于")).contains((year + 1) + "-01-01");
      t.shot("报送日期被拒绝");
      assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("submissionRecipient");

      t.form().date("报送日期", today);
      t.shot("报送情况");
      t.submit();
      t.shot("已报送");
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    Map<String, Object> recorded = new LinkedHashMap<>();
    for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      recorded.put(v.getName(), v.getValue());
    }
    assertThat(recorded).containsEntry("submissionDate", today.toString())
        .containsEntry("submissionRecipient", "市委全面依法治市委员会办公室").containsEntry("submissionRemarks", "通过政务内网报送");
  }

  /** Clicks the form's link and waits for the file, as a person's browser saves it. */
  static Path download(Tasklist t, String linkText) throws Exception {
    List<Path> before;
    try (Stream<Path> files = Files.list(t.downloads())) {
      before = files.toList();
    }
    t.driver().findElement(By.xpath("//a[contains(normalize-space(.),'" + linkText + "')]")).click();
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      try (Stream<Path> files = Files.list(t.downloads())) {
        List<Path> fresh = files.filter(f -> !before.contains(f) && f.toString().endsWith(".xlsx")).toList();
        if (!fresh.isEmpty()) {
          return fresh.get(0);
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("“" + linkText + "”没有下载到文件");
  }
}
