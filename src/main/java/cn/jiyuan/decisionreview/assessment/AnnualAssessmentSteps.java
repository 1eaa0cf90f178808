package cn.jiyuan.decisionreview.assessment;

import static cn.jiyuan.decisionreview.assessment.AnnualAssessmentVariables.*;

import cn.jiyuan.decisionreview.assessment.AssessmentReport.UnitFigures;
import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.MachineStep;
import java.time.LocalDate;
import java.util.function.ToIntFunction;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code annual-assessment} names (Art. 26): generating the workbook and checking the submission record. */
@Configuration
public class AnnualAssessmentSteps {

  /**
   * 生成上一年度考核材料: the previous year's full report (as legal-affairs reads it) as a File variable, its download
   * URL and a one-line summary for the form. A year set at the start (an administrator re-running a year) is kept.
   */
  @Bean
  JavaDelegate generateAssessmentWorkbook(AnnualAssessments assessments, BeijingClock clock) {
    return MachineStep.failingWith("生成年度考核材料失败", execution -> {
      int year = ASSESSMENT_YEAR.find(execution).orElse(clock.today().getYear() - 1);
      AssessmentReport report = assessments.report(year);
      ASSESSMENT_YEAR.set(execution, year);
      execution.setVariable(ASSESSMENT_WORKBOOK, Variables.fileValue(AssessmentWorkbook.fileName(year))
          .file(assessments.workbook(report)).mimeType(AssessmentWorkbook.MIME_TYPE).create());
      ASSESSMENT_WORKBOOK_URL.set(execution, workbookUrl(execution.getProcessInstanceId()));
      ASSESSMENT_SUMMARY.set(execution, summary(report));
    });
  }

  /** The engine's own download of the process variable, as the webapp serves it to the user's session. */
  public static String workbookUrl(String processInstanceId) {
    return "/camunda/api/engine/engine/default/process-instance/" + processInstanceId + "/variables/"
        + ASSESSMENT_WORKBOOK + "/data";
  }

  static String summary(AssessmentReport report) {
    return report.year() + " 年度共 " + report.units().size() + " 个执行单位、" + report.decisions().size() + " 项决策在跟踪；启动评估 "
        + sum(report, UnitFigures::evaluationsStarted) + " 项，完成 " + sum(report, UnitFigures::evaluationsCompleted)
        + " 项（按期完成 " + sum(report, UnitFigures::completedOnTime) + " 项），免于评估 "
        + sum(report, UnitFigures::waived) + " 项，逾期任务 " + sum(report, UnitFigures::tasksOverdue) + " 项。";
  }

  private static int sum(AssessmentReport report, ToIntFunction<UnitFigures> figure) {
    return report.units().stream().mapToInt(figure).sum();
  }

  /**
   * The form's rules again on the server: a completion through the REST API that breaks one is refused with 400 and
   * the task stays open.
   */
  @Bean
  TaskListener assessmentSubmissionRules(BeijingClock clock) {
    return task -> {
      int year = ASSESSMENT_YEAR.require(task);
      submissionRules(FormValues.date(task.getVariable(SUBMISSION_DATE.name())), year, clock.today(),
          FormValues.text(task.getVariable(SUBMISSION_RECIPIENT.name()))).throwIfAny();
    };
  }

  static FormRefusal submissionRules(LocalDate date, int year, LocalDate today, String recipient) {
    FormRefusal refusal = new FormRefusal();
    if (date == null) {
      refusal.add(SUBMISSION_DATE.name(), "请填写报送日期（格式 YYYY-MM-DD）");
    } else {
      refusal.require(!date.isBefore(LocalDate.of(year + 1, 1, 1)), SUBMISSION_DATE.name(),
          "报送日期不能早于 " + (year + 1) + "-01-01（" + year + " 年度结束之后才能报送）");
      refusal.require(!date.isAfter(today), SUBMISSION_DATE.name(), "报送日期不能晚于今天（" + today + "）");
    }
    refusal.require(recipient != null && !recipient.isBlank(), SUBMISSION_RECIPIENT.name(), "请填写报送单位");
    return refusal;
  }
}
