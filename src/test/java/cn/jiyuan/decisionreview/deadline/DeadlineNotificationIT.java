package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5 items 3–4 with a controlled clock (without a mail server the channel is the log, recipients are user ids): the task is announced when created, the reminder comes on the
 * right working day, the escalation at the due date reaches the unit and the supervision office, nothing is
 * written twice, and completing the task cancels what is still pending.
 */
@IntegrationTest
class DeadlineNotificationIT {

  @Autowired ProcessEngine engine;
  @Autowired DeadlineWatch watch;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  List<String> rows(String taskId, String kind) {
    return jdbc.queryForList("SELECT recipient || ':' || status FROM dr_notification WHERE task_id = ? AND kind = ? ORDER BY recipient",
        String.class, taskId, kind);
  }

  @Covers({"第五条", "条例第四十条"})

  @Test
  void announcedRemindedEscalatedAndCancelled() {
    ClockUtil.setCurrentTime(TaskDeadlineIT.beijing("2026-02-13", "10:00"));
    String number = DecisionNumbers.unique();
    EvaluationScenario s = EvaluationScenario.start(engine, number, "exec-jyj");
    String task = s.task(TaskKeys.DETERMINE_METHOD).getId();
    assertThat(rows(task, "TASK_AVAILABLE")).anyMatch(r -> r.startsWith("sifa"));
    assertThat(jdbc.queryForList("SELECT recipient FROM dr_notification WHERE process_instance_id = ? AND kind = 'EVALUATION_STARTED'",
        String.class, s.instance.getId())).anyMatch(r -> r.startsWith("jyj"));

    // Follow-up (reminder) date is 26 Feb 09:00, the due date 27 Feb 17:30 (across the Spring Festival).
    watch.scan(TaskDeadlineIT.beijing("2026-02-25", "18:00"));
    assertThat(rows(task, "REMINDER")).isEmpty();
    watch.scan(TaskDeadlineIT.beijing("2026-02-26", "09:30"));
    assertThat(rows(task, "REMINDER")).anyMatch(r -> r.startsWith("sifa"));
    assertThat(rows(task, "OVERDUE")).isEmpty();
    watch.scan(TaskDeadlineIT.beijing("2026-02-26", "10:30"));
    assertThat(rows(task, "REMINDER")).hasSize(rows(task, "REMINDER").size()).noneMatch(r -> r.contains("CANCELLED"));
    int reminders = rows(task, "REMINDER").size();

    watch.scan(TaskDeadlineIT.beijing("2026-02-27", "18:00"));
    assertThat(rows(task, "OVERDUE")).anyMatch(r -> r.startsWith("sifa"))
        .anyMatch(r -> r.startsWith("ducha"));
    watch.scan(TaskDeadlineIT.beijing("2026-03-02", "09:00"));
    assertThat(rows(task, "REMINDER")).hasSize(reminders);

    s.determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS, null);
    assertThat(rows(task, "REMINDER")).allMatch(r -> r.endsWith(":CANCELLED") || r.endsWith(":SENT"));
    assertThat(rows(task, "OVERDUE")).allMatch(r -> r.endsWith(":CANCELLED") || r.endsWith(":SENT"));
  }
}
