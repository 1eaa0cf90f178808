package cn.jiyuan.decisionreview.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.ReviewDecision;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With a controlled clock: due dates in Chinese working days, across the Spring Festival. */
@IntegrationTest
class TaskDeadlineIT {

  @Autowired ProcessEngine engine;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static Date beijing(String day, String time) {
    return TaskDeadlines.at(LocalDate.parse(day), LocalTime.parse(time));
  }

  @Test
  void aTaskCreatedBeforeTheSpringFestivalIsDueAfterIt() {
    ClockUtil.setCurrentTime(beijing("2026-02-13", "10:00"));
    EvaluationScenario s = EvaluationScenario.start(engine, DecisionNumbers.unique(), "exec-jyj");
    Task task = s.task(TaskKeys.DETERMINE_METHOD);
    // 5 working days: 14 Feb (make-up Saturday), then 24, 25, 26, 27 Feb after the holiday of 15–23 Feb.
    assertThat(task.getDueDate()).isEqualTo(beijing("2026-02-27", "17:30"));
    // Reminder 1 working day ahead: on the 4th working day, 26 Feb.
    assertThat(task.getFollowUpDate()).isEqualTo(beijing("2026-02-26", "09:00"));
  }

  @Covers({"第五条"})
  @Test
  void materialsAreDueInTenWorkingDaysAndTheDueDateShowsInTasklistsFilters() {
    ClockUtil.setCurrentTime(beijing("2026-09-28", "10:00"));
    EvaluationScenario s = EvaluationScenario.start(engine, DecisionNumbers.unique(), "exec-jyj");
    s.determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS, null).formTeam().draftPlan().approvePlan(ReviewDecision.APPROVE).designSurvey();
    Task materials = s.task(TaskKeys.SUPPLY_MATERIALS);
    // From 28 Sep: 29, 30 Sep; 1–7 Oct National Day; 8, 9 Oct; 10 Oct (make-up Saturday); 12, 13, 14, 15, 16 Oct.
    assertThat(materials.getDueDate()).isEqualTo(beijing("2026-10-16", "17:30"));
    ClockUtil.reset();
    String overdue = engine.getFilterService().createFilterQuery().filterName("已逾期").singleResult().getId();
    assertThat(Http.basic(port, "jyj", "demo").get("/engine-rest/filter/" + overdue + "/list?maxResults=1000").json()
        .findValuesAsText("id")).contains(materials.getId());
  }

  @Test
  void theOverdueListShowsLateTasksToSupervisorsAndToTheResponsibleUnitOnly() {
    ClockUtil.setCurrentTime(beijing("2026-02-13", "10:00"));
    String number = DecisionNumbers.unique();
    EvaluationScenario s = EvaluationScenario.start(engine, number, "exec-jyj");
    String taskId = s.task(TaskKeys.DETERMINE_METHOD).getId();
    ClockUtil.reset();
    com.fasterxml.jackson.databind.JsonNode all = Http.basic(port, "ducha", "demo").get("/api/overdue-tasks").json();
    com.fasterxml.jackson.databind.JsonNode entry = null;
    for (com.fasterxml.jackson.databind.JsonNode e : all) {
      if (taskId.equals(e.get("taskId").asText())) {
        entry = e;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("decisionNumber").asText()).isEqualTo(number);
    assertThat(entry.get("taskName").asText()).isEqualTo("确定评估方式");
    assertThat(entry.get("decisionTitle").asText()).isEqualTo("济源市中小学课后服务实施方案");
    assertThat(entry.get("phase").asText()).isEqualTo("START");
    assertThat(entry.get("phaseLabel").asText()).isEqualTo("评估启动");
    assertThat(entry.get("unit").asText()).isEqualTo("市司法局");
    assertThat(entry.get("dueDate").asText()).isEqualTo("2026-02-27");
    int expected = new WorkingDayCalendar(CalendarFiles.bundled()).workingDaysBetween(LocalDate.of(2026, 2, 27),
        BeijingClock.INSTANCE.today());
    assertThat(entry.get("workingDaysOverdue").asInt()).isEqualTo(expected).isGreaterThan(150);
    assertThat(Http.basic(port, "sifa", "demo").get("/api/overdue-tasks").json().findValuesAsText("taskId")).contains(taskId);
    assertThat(Http.basic(port, "jyj", "demo").get("/api/overdue-tasks").json().findValuesAsText("taskId")).doesNotContain(taskId);
    assertThat(Http.anonymous(port).get("/api/overdue-tasks").status()).isEqualTo(401);
  }

  @Test
  void tasksWaitingForAnEventHaveNoDueDate() {
    TaskDeadlines.Plan plan = new TaskDeadlines.Plan(null, null);
    assertThat(engine).isNotNull();
    assertThat(new TaskDeadlines(null, new WorkingDayCalendar(java.util.List.of()), null, BeijingClock.INSTANCE)
        .dates(LocalDate.of(2026, 3, 2), plan)).containsOnlyNulls();
  }
}
