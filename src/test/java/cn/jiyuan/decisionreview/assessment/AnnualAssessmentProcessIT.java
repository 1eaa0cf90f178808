package cn.jiyuan.decisionreview.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.download.ContentDispositions;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The January process (Art. 26): its timer fires on 5 January at 09:00 Beijing time, the previous year's workbook is
 * generated behind an async boundary, and legal-affairs' task offers it for download; {@code sifa} downloads it the
 * way the form's link does (webapp session) and completes the task through the REST API; a completion without
 * 报送日期 is refused and changes nothing; staff cannot start the process.
 */
@IntegrationTest
@TestPropertySource(properties = {"decision-review.demo.evaluations=false", "camunda.bpm.job-execution.enabled=false"})
@Covers({"第二十六条"})
class AnnualAssessmentProcessIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  Job januaryTimer() {
    return engine.getManagementService().createJobQuery().processDefinitionKey(ProcessKeys.ANNUAL_ASSESSMENT).timers()
        .singleResult();
  }

  static ZonedDateTime beijing(Date date) {
    return date.toInstant().atZone(BeijingClock.ZONE);
  }

  @Test
  void theJanuaryTimerGivesLegalAffairsTheWorkbookToDownloadAndRecordsTheSubmission() throws Exception {
    Job timer = januaryTimer();
    ZonedDateTime due = beijing(timer.getDuedate());
    assertThat(due.getMonthValue()).isEqualTo(1);
    assertThat(due.getDayOfMonth()).isEqualTo(5);
    assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(due.toInstant()).isAfter(new Date().toInstant());

    // The day comes: the timer fires (this context's job executor is off, the test runs the job).
    ClockUtil.setCurrentTime(Date.from(due.plusMinutes(1).toInstant()));
    int assessed = due.getYear() - 1;
    Jobs.run(engine, timer.getId());
    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.ANNUAL_ASSESSMENT).singleResult();
    assertThat(instance).isNotNull();
    // the workbook waits behind the async boundary: the timer's transaction only started the instance
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    Jobs.drain(engine, instance.getId());
    assertThat(beijing(januaryTimer().getDuedate())).isEqualTo(due.plusYears(1));

    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getName()).isEqualTo("报送上一年度法治政府建设考核材料");
    assertThat(task.getTaskDefinitionKey()).isEqualTo(AnnualAssessmentElements.SUBMIT);
    assertThat(task.getDueDate()).isAfter(Date.from(due.toInstant()));
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly(Groups.LEGAL_AFFAIRS);

    // sifa opens the task in Tasklist: the form's link is the workbook, downloaded with the Tasklist session.
    Http tasklist = Http.webappSession(port, "sifa", "demo");
    JsonNode formVariables = tasklist.get("/camunda/api/engine/engine/default/task/" + task.getId()
        + "/form-variables").json();
    assertThat(formVariables.get("assessmentYear").get("value").asInt()).isEqualTo(assessed);
    assertThat(formVariables.get("assessmentSummary").get("value").asText()).startsWith(assessed + " 年度共 ");
    String url = formVariables.get("assessmentWorkbookUrl").get("value").asText();
    Http.Response download = tasklist.get(url);
    assertThat(download.status()).as(download.body()).isEqualTo(200);
    assertThat(ContentDispositions.fileName(download.header("Content-Disposition")))
        .isEqualTo(AssessmentWorkbook.fileName(assessed));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download.bytes()))) {
      assertThat(workbook.getSheet(AssessmentWorkbook.UNIT_SHEET).getRow(0).getCell(0).getStringCellValue())
          .startsWith(assessed + " 年度");
      assertThat(workbook.getSheet(AssessmentWorkbook.DECISION_SHEET)).isNotNull();
    }
    // an executing unit has no part in the task and cannot fetch the workbook this way
    assertThat(Http.webappSession(port, "fgw", "demo").get(url).status()).isIn(403, 404);

    // A completion without 报送日期, or with a date before the year ended or after today, is refused; nothing changes.
    Http sifa = Http.basic(port, "sifa", "demo");
    String today = LocalDate.now(BeijingClock.INSTANCE).toString();
    for (Map<String, Object> bad : new Map[] {body(null, "市委依法治市办", "无"),
        body(assessed + "-12-31", "市委依法治市办", null), body(LocalDate.parse(today).plusDays(1).toString(), "市委依法治市办", null),
        body(today, " ", null)}) {
      Http.Response refused = sifa.postJson("/engine-rest/task/" + task.getId() + "/submit-form", bad);
      assertThat(refused.status()).as(refused.body()).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).containsAnyOf("报送日期", "报送单位");
      assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
      assertThat(engine.getRuntimeService().getVariables(instance.getId()))
          .doesNotContainKeys("submissionDate", "submissionRecipient", "submissionRemarks");
    }

    Http.Response done = sifa.postJson("/engine-rest/task/" + task.getId() + "/submit-form",
        body(today, "市委全面依法治市委员会办公室", "通过政务内网报送"));
    assertThat(done.status()).as(done.body()).isEqualTo(204);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .isZero();
    Map<String, Object> recorded = new LinkedHashMap<>();
    for (HistoricVariableInstance v : engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).list()) {
      recorded.put(v.getName(), v.getValue());
    }
    assertThat(recorded).containsEntry("submissionDate", today)
        .containsEntry("submissionRecipient", "市委全面依法治市委员会办公室")
        .containsEntry("submissionRemarks", "通过政务内网报送").containsKey(AnnualAssessmentVariables.ASSESSMENT_WORKBOOK);
  }

  @Test
  void staffCannotStartItByHand() {
    for (String user : new String[] {"sifa", "zhengfu", "fgw"}) {
      Http http = Http.basic(port, user, "demo");
      Http.Response start = http.postJson("/engine-rest/process-definition/key/" + ProcessKeys.ANNUAL_ASSESSMENT
          + "/start", Map.of());
      // the read-all roles see the definition and are refused; a unit does not even see it
      assertThat(start.status()).as(user + ": " + start.body()).isEqualTo(user.equals("fgw") ? 404 : 403);
      assertThat(start.json().get("message").asText()).matches(".*\\p{IsHan}.*");
      JsonNode startable = http.get("/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
          + "&startablePermissionCheck=true").json();
      startable.forEach(d -> assertThat(d.get("key").asText()).isNotEqualTo(ProcessKeys.ANNUAL_ASSESSMENT));
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.ANNUAL_ASSESSMENT)
        .count()).isZero();
  }

  private static Map<String, Object> body(String date, String recipient, String remarks) {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (date != null) {
      vars.put("submissionDate", Map.of("value", date));
    }
    vars.put("submissionRecipient", Map.of("value", recipient));
    if (remarks != null) {
      vars.put("submissionRemarks", Map.of("value", remarks));
    }
    return Map.of("variables", vars);
  }
}
