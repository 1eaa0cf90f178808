package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.deadline.EscalationLog.Escalation;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 12 part 2 with a controlled clock (no mail server in this context: the channel is the log, recipients are user
 * ids): a task due on day D is escalated at D (level 1), not again the next day, at D+3 working days (level 2, now
 * also to the decision authority) and at D+6 (level 3); two nodes scanning at once write each level once; completing
 * the task ends it. The engine clock is kept at each pass's time, so the scheduled watch of this context, should it run
 * meanwhile, sees what the test sees.
 */
@IntegrationTest
@Covers({"条例第四十条"})
class EscalationIT {

  @Autowired ProcessEngine engine;
  @Autowired DeadlineWatch watch;
  @Autowired EscalationLog log;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private DeadlineWatch.Pass scanAt(String day, String time) {
    Date now = TaskDeadlineIT.beijing(day, time);
    ClockUtil.setCurrentTime(now);
    return watch.scan(now);
  }

  private List<Integer> levels(String taskId) {
    return log.forTasks(List.of(taskId)).stream().map(Escalation::level).toList();
  }

  /** recipient:status of one level's notifications (level 1: OVERDUE, from 2: ESCALATION with the level in the key). */
  private List<String> notices(String taskId, int level) {
    return level == 1
        ? jdbc.queryForList("SELECT recipient || ':' || status FROM dr_notification WHERE task_id = ? AND kind = 'OVERDUE' "
            + "ORDER BY recipient", String.class, taskId)
        : jdbc.queryForList("SELECT recipient || ':' || status FROM dr_notification WHERE task_id = ? "
            + "AND kind = 'ESCALATION' AND dedupe_key LIKE ? ORDER BY recipient", String.class, taskId, "%|level-" + level);
  }

  private String subject(String taskId, String kind, String recipient, int level) {
    return jdbc.queryForObject("SELECT subject || '|' || body FROM dr_notification WHERE task_id = ? AND kind = ? "
        + "AND recipient = ? AND dedupe_key LIKE ?", String.class, taskId, kind, recipient,
        level == 1 ? "%" + recipient : "%|level-" + level);
  }

  @Test
  void escalatedAtTheDueDateThenEveryThreeWorkingDaysUntilCompleted() throws Exception {
    ClockUtil.setCurrentTime(TaskDeadlineIT.beijing("2026-03-05", "10:00"));
    EvaluationScenario s = EvaluationScenario.start(engine, DecisionNumbers.unique(), "exec-jyj");
    Task task = s.task(TaskKeys.DETERMINE_METHOD);
    String id = task.getId();
    // D: 5 working days from Thursday 5 March, across a weekend: 6, 9, 10, 11, 12 March.
    assertThat(task.getDueDate()).isEqualTo(TaskDeadlineIT.beijing("2026-03-12", "17:30"));

    scanAt("2026-03-12", "17:00");
    assertThat(levels(id)).isEmpty();

    // Level 1 at D: the responsible unit (legal affairs: sifa) and the supervision office (ducha), not the authority.
    assertThat(scanAt("2026-03-12", "18:00").escalated()).isPositive();
    assertThat(levels(id)).containsExactly(1);
    Escalation first = log.forTasks(List.of(id)).get(0);
    assertThat(first.workingDaysOverdue()).isZero();
    assertThat(first.recipients()).contains("sifa", "ducha").doesNotContain("zhengfu");
    assertThat(first.nextEscalationAt()).isEqualTo(TaskDeadlineIT.beijing("2026-03-17", "17:30").toInstant());
    assertThat(notices(id, 1)).contains("sifa:PENDING", "ducha:PENDING").noneMatch(r -> r.startsWith("zhengfu"));
    assertThat(subject(id, "OVERDUE", "ducha", 1)).contains("已逾期（第1次督办）", "现进行第1次督办");

    // D+1: nothing new; a second pass at the same moment reads no overdue task at all, though there are some.
    assertThat(scanAt("2026-03-13", "18:00").escalated()).isZero();
    DeadlineWatch.Pass idle = scanAt("2026-03-13", "18:00");
    assertThat(engine.getTaskService().createTaskQuery().active().dueBefore(TaskDeadlineIT.beijing("2026-03-13", "18:00"))
        .count()).isPositive();
    assertThat(idle.examined()).as("tasks and 督办 rows read by a pass with nothing due").isZero();
    assertThat(levels(id)).containsExactly(1);

    // D+3 working days (Tuesday 17 March, after the weekend), not before the due time of day.
    scanAt("2026-03-17", "10:00");
    assertThat(levels(id)).containsExactly(1);
    scanAt("2026-03-17", "18:00");
    assertThat(levels(id)).containsExactly(1, 2);
    Escalation second = log.forTasks(List.of(id)).get(1);
    assertThat(second.workingDaysOverdue()).isEqualTo(3);
    assertThat(second.recipients()).contains("sifa", "ducha", "zhengfu");
    assertThat(notices(id, 2)).contains("sifa:PENDING", "ducha:PENDING", "zhengfu:PENDING");
    assertThat(subject(id, "ESCALATION", "zhengfu", 2)).contains("【督办】", "（第2次督办）", "已逾期3个工作日",
        "现进行第2次督办，并同时报送决策机关");
    assertThat(log.forTasks(List.of(id))).extracting(Escalation::nextEscalationAt)
        .containsExactly(null, TaskDeadlineIT.beijing("2026-03-20", "17:30").toInstant());
    assertThat(notices(id, 1)).as("level 1 is not written again").hasSize(notices(id, 1).size())
        .allMatch(r -> r.endsWith(":PENDING"));

    // D+6 (Friday 20 March): two nodes scan at once; each level is written once.
    Date d6 = TaskDeadlineIT.beijing("2026-03-20", "18:00");
    ClockUtil.setCurrentTime(d6);
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<DeadlineWatch.Pass> a = CompletableFuture.supplyAsync(() -> scanTogether(together, d6));
    CompletableFuture<DeadlineWatch.Pass> b = CompletableFuture.supplyAsync(() -> scanTogether(together, d6));
    a.get(60, TimeUnit.SECONDS);
    b.get(60, TimeUnit.SECONDS);
    assertThat(levels(id)).containsExactly(1, 2, 3);
    assertThat(notices(id, 3)).containsExactlyElementsOf(notices(id, 2));
    assertThat(subject(id, "ESCALATION", "sifa", 3)).contains("（第3次督办）", "已逾期6个工作日");

    // Completing the task ends it: pending notices cancelled, no next level, nothing at D+9.
    s.determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS, null);
    assertThat(log.forTasks(List.of(id))).extracting(Escalation::nextEscalationAt).containsOnlyNulls();
    assertThat(notices(id, 3)).allMatch(r -> r.endsWith(":CANCELLED"));
    scanAt("2026-03-25", "18:00");
    assertThat(levels(id)).containsExactly(1, 2, 3);
  }

  private DeadlineWatch.Pass scanTogether(CyclicBarrier together, Date now) {
    try {
      together.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return watch.scan(now);
  }

  @Test
  void aChangedDueDateIsFollowed() {
    ClockUtil.setCurrentTime(TaskDeadlineIT.beijing("2026-04-13", "10:00"));
    EvaluationScenario s = EvaluationScenario.start(engine, DecisionNumbers.unique(), "exec-jyj");
    var tasks = engine.getTaskService();
    Task task = s.task(TaskKeys.DETERMINE_METHOD);
    String id = task.getId();

    // Set back into the past after a pass: no watermark to miss it, the next pass escalates it.
    scanAt("2026-04-14", "09:00");
    ClockUtil.setCurrentTime(TaskDeadlineIT.beijing("2026-04-14", "09:05"));
    task.setDueDate(TaskDeadlineIT.beijing("2026-04-10", "17:30"));
    tasks.saveTask(task);
    scanAt("2026-04-14", "09:10");
    assertThat(levels(id)).containsExactly(1);
    assertThat(log.forTasks(List.of(id)).get(0).workingDaysOverdue()).isEqualTo(2);

    // Extended to 30 April: no level while it is not due; the next level once the new date has passed.
    task = tasks.createTaskQuery().taskId(id).singleResult();
    task.setDueDate(TaskDeadlineIT.beijing("2026-04-30", "17:30"));
    tasks.saveTask(task);
    scanAt("2026-04-20", "18:00");
    assertThat(levels(id)).containsExactly(1);
    assertThat(log.forTasks(List.of(id)).get(0).nextEscalationAt())
        .isEqualTo(TaskDeadlineIT.beijing("2026-04-30", "17:30").toInstant());
    scanAt("2026-04-30", "18:00");
    assertThat(levels(id)).containsExactly(1, 2);
    assertThat(log.forTasks(List.of(id)).get(1).workingDaysOverdue()).isZero();

    s.determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS, null);
    scanAt("2026-05-12", "18:00");
    assertThat(levels(id)).containsExactly(1, 2);
  }
}
