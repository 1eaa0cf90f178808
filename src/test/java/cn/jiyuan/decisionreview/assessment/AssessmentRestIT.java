package cn.jiyuan.decisionreview.assessment;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.deadline.WorkingDayCalendar;
import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluationSubmissions;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.tracking.TrackingElements;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code GET /api/assessment/{year}} and {@code .xlsx} (Art. 26) for a known set of evaluations in 2030, run with a
 * controlled clock in a unit of its own (so that other tests' decisions do not change its row): on time, overdue
 * (the unit's materials a month late, and a second task still open at the end of the year), a waiver, and each
 * outcome. The workbook holds the same numbers; each role reads what it may.
 */
@IntegrationTest
// Timers are fired by the test itself, not by the job executor racing it (the context DecisionTrackingProcessIT uses).
@TestPropertySource(properties = {"decision-review.demo.evaluations=false", "camunda.bpm.job-execution.enabled=false"})
@Covers({"第二十六条"})
class AssessmentRestIT {

  static final int YEAR = 2030;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired WorkingDayCalendar calendar;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  static void at(String day, String time) {
    ClockUtil.setCurrentTime(Date.from(LocalDate.parse(day).atTime(LocalTime.parse(time))
        .atZone(cn.jiyuan.decisionreview.shared.BeijingClock.ZONE).toInstant()));
  }

  /** A unit nobody else's test uses, named in the directory as registration requires. */
  String newUnit() {
    String id = Groups.EXEC_PREFIX + "kh" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    Group group = engine.getIdentityService().newGroup(id);
    group.setName("考核测试局" + id.substring(7));
    group.setType("WORKFLOW");
    engine.getIdentityService().saveGroup(group);
    return id;
  }

  ProcessInstance register(String number, String unit, boolean superiorMandated) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(DECISION_NUMBER.name(), number);
    v.put(DECISION_TITLE.name(), "考核测试决策" + number);
    v.put(DECISION_CATEGORY.name(), "REFORM");
    v.put(BROAD_IMPACT.name(), false);
    v.put(IMPLEMENTATION_START.name(), "2029-03-01");
    v.put(EXECUTING_UNIT.name(), unit);
    v.put(SUPERIOR_MANDATED.name(), superiorMandated);
    String id = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("decision-tracking")
        .latestVersion().singleResult().getId();
    return engine.getFormService().submitStartForm(id, v);
  }

  /** The Art. 19 execution evaluation falls due (2030-03-01): its timer fires and the evaluation starts. */
  ProcessInstance due(ProcessInstance tracking) {
    // on CI's shared PostgreSQL another context's job executor, on the same moved clock, may fire the timer first
    org.camunda.bpm.engine.runtime.Job timer = engine.getManagementService().createJobQuery()
        .processInstanceId(tracking.getId()).timers().singleResult();
    if (timer != null) {
      Jobs.run(engine, timer.getId());
    }
    // the evaluation starts, or (Art. 20) the tracking asks legal-affairs to confirm a waiver instead
    long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
    ProcessInstance evaluation;
    boolean waiverOffered;
    do {
      Jobs.drain(engine, tracking.getBusinessKey());
      evaluation = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId())
          .singleResult();
      waiverOffered = engine.getTaskService().createTaskQuery().processInstanceId(tracking.getId())
          .taskDefinitionKey(TrackingElements.CONFIRM_WAIVER).count() > 0;
    } while (evaluation == null && !waiverOffered && System.nanoTime() < until);
    return evaluation;
  }

  @Test
  void theYearsFiguresPerUnitAndDecisionAndTheWorkbookHoldingTheSame() throws Exception {
    String unit = newUnit();
    at("2029-02-01", "10:00");
    List<String> outcomes = List.of("CONTINUE", "MAJOR_ADJUSTMENT", "SUSPEND", "TERMINATE");
    List<ProcessInstance> onTime = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      onTime.add(register(DecisionNumbers.unique(), unit, false));
    }
    ProcessInstance late = register(DecisionNumbers.unique(), unit, false);
    ProcessInstance stillOpen = register(DecisionNumbers.unique(), unit, false);
    ProcessInstance waived = register(DecisionNumbers.unique(), unit, true);

    at("2030-03-02", "10:00");
    for (int i = 0; i < outcomes.size(); i++) {
      EvaluationScenario.of(engine, due(onTime.get(i))).simplifiedUntilResolved(outcomes.get(i), unit);
      Jobs.drain(engine, onTime.get(i).getBusinessKey());
    }
    // Art. 20 ¶2: the superior organises it; legal-affairs confirms the waiver.
    assertThat(due(waived)).isNull();
    Task confirm = engine.getTaskService().createTaskQuery().processInstanceId(waived.getId())
        .taskDefinitionKey(TrackingElements.CONFIRM_WAIVER).singleResult();
    engine.getFormService().submitTaskForm(confirm.getId(), Map.of(WAIVER_DECISION.name(), "CONFIRM",
        WAIVER_REASON.name(), "上级机关组织评估"));
    Jobs.drain(engine, waived.getBusinessKey());
    EvaluationScenario open = EvaluationScenario.of(engine, due(stillOpen))
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null);
    EvaluationScenario slow = EvaluationScenario.of(engine, due(late))
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null);
    Date materialsDue = slow.task(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).getDueDate();
    Date openDue = open.task(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).getDueDate();

    // The unit supplies its materials a month late; the rest of that evaluation follows at once.
    at("2030-04-15", "10:00");
    slow.supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED)
        .recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values())).reviewDraft(null).finalizeReport()
        .authority("ADJUST").complete(TaskKeys.MITIGATION, EvaluationSubmissions.mitigation("采取措施", "减少损失", "无"));
    Jobs.drain(engine, late.getBusinessKey());

    at("2031-01-10", "10:00");
    Http sifa = Http.basic(port, "sifa", "demo");
    Http.Response response = sifa.get("/api/assessment/" + YEAR);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode report = response.json();
    assertThat(report.get("year").asInt()).isEqualTo(YEAR);
    assertThat(report.get("generatedAt").asText()).startsWith("2031-01-10T10:00").endsWith("+08:00");
    JsonNode row = unitRow(report, unit);
    assertThat(row.get("unitName").asText()).isEqualTo("考核测试局" + unit.substring(7));
    assertThat(row.get("decisionsTracked").asInt()).isEqualTo(7);
    assertThat(row.get("evaluationsDue").asInt()).isEqualTo(7);
    assertThat(row.get("evaluationsStarted").asInt()).isEqualTo(6);
    assertThat(row.get("evaluationsCompleted").asInt()).isEqualTo(5);
    assertThat(row.get("completedOnTime").asInt()).isEqualTo(4);
    assertThat(row.get("waived").asInt()).isEqualTo(1);
    assertThat(row.get("tasksOverdue").asInt()).isEqualTo(2);
    int lateDays = calendar.workingDaysBetween(day(materialsDue), LocalDate.of(2030, 4, 15));
    int openDays = calendar.workingDaysBetween(day(openDue), LocalDate.of(2030, 12, 31));
    assertThat(lateDays).isGreaterThan(15);
    assertThat(row.get("workingDaysOverdue").asInt()).isEqualTo(lateDays + openDays);
    assertThat(counts(row.get("outcomes"))).isEqualTo(Map.of("CONTINUE", 1, "ADJUST", 1, "MAJOR_ADJUSTMENT", 1,
        "SUSPEND", 1, "TERMINATE", 1));
    assertThat(counts(row.get("grades"))).isEqualTo(Map.of("EXCELLENT", 0, "GOOD", 5, "FAIR", 0, "POOR", 0));
    assertThat(counts(row.get("participationChannels"))).containsEntry("SYMPOSIUM", 5).containsEntry("ONLINE_SURVEY", 0)
        .containsOnlyKeys("ONLINE_SURVEY", "FIELD_RESEARCH", "SYMPOSIUM", "ARGUMENTATION_MEETING", "WRITTEN_SOLICITATION");

    List<JsonNode> decisions = new ArrayList<>();
    report.get("decisions").forEach(d -> {
      if (unit.equals(d.get("executingUnit").asText())) {
        decisions.add(d);
      }
    });
    assertThat(decisions).hasSize(7);
    JsonNode lateEvaluation = decision(decisions, late.getBusinessKey()).get("evaluations").get(0);
    assertThat(lateEvaluation.get("evaluationType").asText()).isEqualTo("EXECUTION");
    assertThat(lateEvaluation.get("startedAt").asText()).isEqualTo("2030-03-02");
    assertThat(lateEvaluation.get("completedAt").asText()).isEqualTo("2030-04-15");
    assertThat(lateEvaluation.get("onTime").asBoolean()).isFalse();
    assertThat(lateEvaluation.get("outcome").asText()).isEqualTo("ADJUST");
    assertThat(lateEvaluation.get("grade").asText()).isEqualTo("GOOD");
    JsonNode first = decision(decisions, onTime.get(0).getBusinessKey()).get("evaluations").get(0);
    assertThat(first.get("onTime").asBoolean()).isTrue();
    assertThat(first.get("waived").asBoolean()).isFalse();
    JsonNode running = decision(decisions, stillOpen.getBusinessKey()).get("evaluations").get(0);
    assertThat(running.get("completedAt").isNull()).isTrue();
    assertThat(running.get("onTime").isNull()).isTrue();
    JsonNode waiver = decision(decisions, waived.getBusinessKey()).get("evaluations").get(0);
    assertThat(waiver.get("waived").asBoolean()).isTrue();
    assertThat(waiver.get("completedAt").asText()).isEqualTo("2030-03-02");

    // The year before: tracked, nothing due, nothing evaluated.
    JsonNode before = unitRow(sifa.get("/api/assessment/" + (YEAR - 1)).json(), unit);
    assertThat(before.get("decisionsTracked").asInt()).isEqualTo(7);
    assertThat(before.get("evaluationsDue").asInt()).isZero();
    assertThat(before.get("evaluationsStarted").asInt()).isZero();
    assertThat(before.get("tasksOverdue").asInt()).isZero();

    assertTheWorkbookHoldsTheSameNumbers(sifa, report, unit);

    // The read-all roles see this unit; another unit sees only itself, not this unit's decisions.
    for (String user : List.of("demo", "ducha", "zhengfu")) {
      JsonNode seen = Http.basic(port, user, "demo").get("/api/assessment/" + YEAR).json();
      assertThat(unitRow(seen, unit)).as(user).isEqualTo(row);
      assertThat(seen.get("decisions")).as(user).hasSameSizeAs(report.get("decisions"));
    }
    JsonNode fgw = Http.basic(port, "fgw", "demo").get("/api/assessment/" + YEAR).json();
    assertThat(fgw.get("units")).singleElement().satisfies(u -> assertThat(u.get("unit").asText()).isEqualTo("exec-fgw"));
    fgw.get("decisions").forEach(d -> assertThat(d.get("executingUnit").asText()).isEqualTo("exec-fgw"));
  }

  private void assertTheWorkbookHoldsTheSameNumbers(Http sifa, JsonNode report, String unit) throws Exception {
    Http.Response xlsx = sifa.get("/api/assessment/" + YEAR + ".xlsx");
    assertThat(xlsx.status()).isEqualTo(200);
    assertThat(xlsx.header("Content-Type")).startsWith(AssessmentWorkbook.MIME_TYPE);
    assertThat(xlsx.header("Content-Disposition")).contains("filename*=UTF-8''")
        .contains(cn.jiyuan.decisionreview.download.ContentDispositions.percentEncode(AssessmentWorkbook.fileName(YEAR)));
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
      Sheet units = workbook.getSheet(AssessmentWorkbook.UNIT_SHEET);
      List<String> headers = AssessmentWorkbook.unitHeaders();
      Row header = units.getRow(AssessmentWorkbook.HEADER_ROW);
      for (int i = 0; i < headers.size(); i++) {
        assertThat(header.getCell(i).getStringCellValue()).isEqualTo(headers.get(i));
      }
      assertThat(units.getPrintSetup().getLandscape()).isTrue();
      assertThat(units.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
      assertThat(units.getFitToPage()).isTrue();
      assertThat(units.getRepeatingRows().formatAsString()).isEqualTo("3:3");
      assertThat(units.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
      assertThat(units.getColumnWidth(1)).isGreaterThan(units.getColumnWidth(0));

      // every unit row of the JSON, cell by cell
      List<String> keys = List.of("decisionsTracked", "evaluationsDue", "evaluationsStarted", "evaluationsCompleted",
          "completedOnTime", "tasksOverdue", "workingDaysOverdue", "waived");
      int matched = 0;
      for (JsonNode u : report.get("units")) {
        Row r = rowWith(units, 1, u.get("unitName").asText());
        List<Integer> expected = new ArrayList<>();
        keys.forEach(k -> expected.add(u.get(k).asInt()));
        for (String map : List.of("outcomes", "grades", "participationChannels")) {
          u.get(map).forEach(n -> expected.add(n.asInt()));
        }
        for (int i = 0; i < expected.size(); i++) {
          Cell cell = r.getCell(i + 2);
          assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
          assertThat((int) cell.getNumericCellValue()).as(u.get("unit") + " " + headers.get(i + 2)).isEqualTo(expected.get(i));
        }
        matched++;
      }
      assertThat(matched).isEqualTo(report.get("units").size()).isGreaterThan(3);

      Sheet decisions = workbook.getSheet(AssessmentWorkbook.DECISION_SHEET);
      assertThat(decisions.getRepeatingRows().formatAsString()).isEqualTo("3:3");
      assertThat(decisions.getPrintSetup().getLandscape()).isTrue();
      String late = report.get("decisions").findValues("decisionNumber").stream().map(JsonNode::asText)
          .filter(n -> unitRowsDecision(report, n, unit)).findFirst().orElseThrow();
      Row r = rowWith(decisions, 1, late);
      assertThat(r.getCell(3).getStringCellValue()).isEqualTo("考核测试局" + unit.substring(7));
    }
  }

  private static boolean unitRowsDecision(JsonNode report, String number, String unit) {
    for (JsonNode d : report.get("decisions")) {
      if (d.get("decisionNumber").asText().equals(number)) {
        return unit.equals(d.get("executingUnit").asText());
      }
    }
    return false;
  }

  private static Row rowWith(Sheet sheet, int column, String text) {
    for (Row r : sheet) {
      Cell c = r.getCell(column);
      if (r.getRowNum() > AssessmentWorkbook.HEADER_ROW && c != null && c.getCellType() == CellType.STRING
          && text.equals(c.getStringCellValue())) {
        return r;
      }
    }
    throw new AssertionError("no row with " + text + " in " + sheet.getSheetName());
  }

  static JsonNode unitRow(JsonNode report, String unit) {
    for (JsonNode u : report.get("units")) {
      if (unit.equals(u.get("unit").asText())) {
        return u;
      }
    }
    throw new AssertionError("no row for " + unit + " in " + report);
  }

  static JsonNode decision(List<JsonNode> decisions, String number) {
    return decisions.stream().filter(d -> d.get("decisionNumber").asText().equals(number)).findFirst().orElseThrow();
  }

  static Map<String, Integer> counts(JsonNode node) {
    Map<String, Integer> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asInt()));
    return map;
  }

  static LocalDate day(Date date) {
    return date.toInstant().atZone(cn.jiyuan.decisionreview.shared.BeijingClock.ZONE).toLocalDate();
  }

  @Test
  void whoMayReadAndWhichYearsExist() {
    int year = LocalDate.now(cn.jiyuan.decisionreview.shared.BeijingClock.INSTANCE).getYear();
    for (String user : List.of("sifa", "ducha", "zhengfu", "demo", "fgw")) {
      assertThat(Http.basic(port, user, "demo").get("/api/assessment/" + year).status()).as(user).isEqualTo(200);
      assertThat(Http.basic(port, user, "demo").get("/api/assessment/" + year + ".xlsx").status()).as(user).isEqualTo(200);
    }
    for (String user : List.of("zhuanjia1", "jigou", "fenxi")) {
      for (String path : List.of("/api/assessment/" + year, "/api/assessment/" + year + ".xlsx", "/api/assessment/abc")) {
        Http.Response refused = Http.basic(port, user, "demo").get(path);
        assertThat(refused.status()).as(user + " " + path).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).contains("年度法治政府建设考核材料");
      }
    }
    Http.Response anonymous = Http.anonymous(port).get("/api/assessment/" + year);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.json().get("message").asText()).contains("请先登录");
    Http sifa = Http.basic(port, "sifa", "demo");
    for (String bad : List.of("abc", "1999", "2021", String.valueOf(year + 1), "99999", "２０２６", "2026x", "abc.xlsx",
        "1800.xlsx")) {
      Http.Response refused = sifa.get("/api/assessment/" + bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).as(bad).contains("考核年度应为");
    }
  }
}
