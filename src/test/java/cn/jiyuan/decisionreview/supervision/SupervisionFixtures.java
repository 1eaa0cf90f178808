package cn.jiyuan.decisionreview.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.Jobs;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The decisions the 督办 tests look at: one registered in February 2026 whose requested evaluation has been in
 * 准备阶段 since then (成立评估小组 long overdue, escalated twice), and one only tracked. Registered and
 * requested through /engine-rest as the demo users would; the escalations written as the deadline watch writes them.
 */
public final class SupervisionFixtures {

  public static final String LATE_TITLE = "济源市智慧停车设施建设实施方案";
  public static final String TRACKED_TITLE = "济源市公共文化服务体系建设规划";
  /** The second escalation of 成立评估小组, Beijing time. */
  static final OffsetDateTime LAST_ESCALATION = OffsetDateTime.parse("2026-03-20T09:00+08:00");

  public record Late(String number, String trackingId, String requestId, String evaluationId, String taskId) {}

  private SupervisionFixtures() {}

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return Map.of("variables", vars);
  }

  public static String register(int port, String title, String category, String unit) {
    String number = DecisionNumbers.unique();
    Http.Response registered = Http.basic(port, "zhengfu", "demo").postJson(
        "/engine-rest/process-definition/key/decision-tracking/submit-form", vars("decisionNumber", number,
            "decisionTitle", title, "decisionCategory", category, "broadImpact", true, "implementationStart",
            "2025-07-01", "implementationEnd", "", "executingUnit", unit, "superiorMandated", false));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    return number;
  }

  /** A decision of 市教育局 that is only tracked (category OTHER: nothing scheduled, no task). */
  public static String trackedOnly(int port) {
    return register(port, TRACKED_TITLE, "OTHER", "exec-jyj");
  }

  /** A decision of 市发展和改革委员会 with an evaluation whose task 成立评估小组 is overdue and was escalated twice. */
  public static Late late(ProcessEngine engine, int port, JdbcTemplate jdbc) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 2, 13, 10, 0).atZone(BeijingClock.ZONE).toInstant()));
    try {
      String number = register(port, LATE_TITLE, "POLICY", "exec-fgw");
      Http.Response request = Http.basic(port, "fgw", "demo").postJson(
          "/engine-rest/process-definition/key/evaluation-request/submit-form", vars("decisionNumber", number,
              "requestReason", "EXECUTOR_APPLICATION", "requestDescription", "停车泊位建设进度滞后"));
      assertThat(request.status()).as(request.body()).isEqualTo(200);
      Jobs.drain(engine, number);
      ProcessInstance evaluation = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(ProcessKeys.POST_EVALUATION).processInstanceBusinessKey(number).singleResult();
      EvaluationScenario.of(engine, evaluation).determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS,
          null);
      String taskId = EvaluationScenario.of(engine, evaluation).task(TaskKeys.FORM_TEAM).getId();
      String tracking = engine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey(ProcessKeys.DECISION_TRACKING).processInstanceBusinessKey(number).singleResult().getId();
      // The context's own deadline watch escalates this long-overdue task too: its rows are replaced by two known
      // levels, the last one waiting far ahead, so the watch neither repeats nor starts the chain again meanwhile.
      for (int attempt = 1; ; attempt++) {
        try {
          jdbc.update("DELETE FROM dr_escalation WHERE task_id = ?", taskId);
          escalate(jdbc, taskId, evaluation.getId(), number, 1, LAST_ESCALATION.minusDays(7), 5, null);
          escalate(jdbc, taskId, evaluation.getId(), number, 2, LAST_ESCALATION, 10, Timestamp.valueOf("2099-01-01 00:00:00"));
          break;
        } catch (org.springframework.dao.DuplicateKeyException watchWasFaster) {
          if (attempt == 3) {
            throw watchWasFaster;
          }
        }
      }
      return new Late(number, tracking, request.json().get("id").asText(), evaluation.getId(), taskId);
    } finally {
      ClockUtil.reset();
    }
  }

  private static void escalate(JdbcTemplate jdbc, String taskId, String pi, String number, int level,
      OffsetDateTime at, int days, Timestamp next) {
    jdbc.update("INSERT INTO dr_escalation (task_id, escalation_level, process_instance_id, decision_number,"
        + " escalated_at, working_days_overdue, recipients, next_escalation_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", taskId,
        level, pi, number, Timestamp.from(at.toInstant()), days, "王明远、赵敏", next);
  }
}
