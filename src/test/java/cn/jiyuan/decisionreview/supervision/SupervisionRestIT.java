package cn.jiyuan.decisionreview.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.deadline.WorkingDayCalendar;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/supervision/decisions}: what the 督办 page shows, and who may read it. */
@IntegrationTest
@Covers({"条例第三十四条", "条例第四十条"})
class SupervisionRestIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired WorkingDayCalendar calendar;

  private Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  private static JsonNode decision(JsonNode board, String number) {
    for (JsonNode d : board.get("decisions")) {
      if (number.equals(d.get("decisionNumber").asText())) {
        return d;
      }
    }
    throw new AssertionError("not on the board: " + number);
  }

  @Test
  void theBoardShowsEachDecisionsEvaluationPhaseTasksOverdueDaysAndEscalations() {
    SupervisionFixtures.Late late = SupervisionFixtures.late(engine, port, jdbc);
    String tracked = SupervisionFixtures.trackedOnly(port);
    Task formTeam = engine.getTaskService().createTaskQuery().taskId(late.taskId()).singleResult();
    LocalDate due = formTeam.getDueDate().toInstant().atZone(BeijingClock.ZONE).toLocalDate();
    int daysLate = calendar.workingDaysBetween(due, BeijingClock.INSTANCE.today());

    Http.Response response = as("ducha").get("/api/supervision/decisions");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode board = response.json();
    assertThat(board.get("today").asText()).isEqualTo(BeijingClock.INSTANCE.today().toString());

    JsonNode d = decision(board, late.number());
    assertThat(d.get("title").asText()).isEqualTo(SupervisionFixtures.LATE_TITLE);
    assertThat(d.get("executingUnit").asText()).isEqualTo("exec-fgw");
    assertThat(d.get("executingUnitName").asText()).isEqualTo("市发展和改革委员会");
    assertThat(d.get("status").asText()).isEqualTo("EVALUATING");
    assertThat(d.get("statusLabel").asText()).isEqualTo("评估中");
    assertThat(d.get("trackingProcessInstanceId").asText()).isEqualTo(late.trackingId());
    JsonNode evaluation = d.get("evaluation");
    assertThat(evaluation.get("processInstanceId").asText()).isEqualTo(late.evaluationId());
    assertThat(evaluation.get("legalBasis").asText()).isEqualTo("第八条第（四）项");
    assertThat(evaluation.get("evaluationTypeLabel").asText()).isNotBlank();
    assertThat(evaluation.get("procedure").asText()).isEqualTo("FULL");
    assertThat(evaluation.get("evaluatorTypeLabel").asText()).isEqualTo("自行评估");
    assertThat(evaluation.get("phase").asText()).isEqualTo("PREPARATION");
    assertThat(evaluation.get("phaseLabel").asText()).isEqualTo("准备阶段");

    assertThat(d.get("tasks")).hasSize(1);
    JsonNode task = d.get("tasks").get(0);
    assertThat(task.get("taskId").asText()).isEqualTo(late.taskId());
    assertThat(task.get("name").asText()).isEqualTo("成立评估小组");
    assertThat(task.get("processInstanceId").asText()).isEqualTo(late.evaluationId());
    assertThat(task.get("phaseLabel").asText()).isEqualTo("准备阶段");
    assertThat(task.get("holder").asText()).isEqualTo("市司法局");
    assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("legal-affairs");
    assertThat(task.get("dueDate").asText()).isEqualTo(due.toString()).startsWith("2026-0");
    assertThat(task.get("overdue").asBoolean()).isTrue();
    assertThat(task.get("workingDaysOverdue").asInt()).isEqualTo(daysLate).isGreaterThan(100);
    assertThat(task.get("escalationCount").asInt()).isEqualTo(2);
    assertThat(task.get("escalationLevel").asInt()).isEqualTo(2);
    assertThat(task.get("lastEscalatedAt").asText()).isEqualTo("2026-03-20T09:00+08:00");
    assertThat(d.get("overdueTaskCount").asInt()).isEqualTo(1);
    assertThat(d.get("maxWorkingDaysOverdue").asInt()).isEqualTo(daysLate);
    assertThat(d.get("escalationCount").asInt()).isEqualTo(2);

    // Cockpit's lists: the request, like tracking and evaluation, carries the decision's title
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(late.requestId())
        .variableName("decisionTitle").singleResult().getValue()).isEqualTo(SupervisionFixtures.LATE_TITLE);

    JsonNode t = decision(board, tracked);
    assertThat(t.get("title").asText()).isEqualTo(SupervisionFixtures.TRACKED_TITLE);
    assertThat(t.get("executingUnitName").asText()).isEqualTo("市教育局");
    assertThat(t.get("status").asText()).isEqualTo("TRACKING");
    assertThat(t.get("statusLabel").asText()).isEqualTo("跟踪中");
    assertThat(t.get("evaluation").isNull()).isTrue();
    assertThat(t.get("tasks")).isEmpty();
    assertThat(t.get("overdueTaskCount").asInt()).isZero();
    assertThat(t.get("escalationCount").asInt()).isZero();

    // the legal office, the decision authority and the administrator read the same board
    for (String user : List.of("sifa", "zhengfu", "demo")) {
      Http.Response other = as(user).get("/api/supervision/decisions");
      assertThat(other.status()).as(user).isEqualTo(200);
      assertThat(decision(other.json(), late.number()).get("tasks").get(0).get("holder").asText()).isEqualTo("市司法局");
    }
  }

  @Test
  void unitsAgenciesAndExpertsAreRefusedInChineseAndStrangersMustLogIn() {
    for (String user : List.of("fgw", "jyj", "zhuanjia1", "jigou", "fenxi")) {
      Http.Response refused = as(user).get("/api/supervision/decisions");
      assertThat(refused.status()).as(user).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).as(user).isEqualTo(SupervisionController.REFUSAL);
    }
    assertThat(Http.anonymous(port).get("/api/supervision/decisions").status()).isEqualTo(401);
  }

  @Test
  void theCockpitSessionReadsTheBoard() {
    // the plugin calls the API with the Cockpit login of the browser, no Basic credentials
    Http session = Http.webappSession(port, "ducha", "demo");
    Http.Response board = session.get("/api/supervision/decisions");
    assertThat(board.status()).as(board.body()).isEqualTo(200);
    assertThat(board.json().get("decisions").findValuesAsText("decisionNumber")).contains("济政〔2025〕7号");
  }
}
