package cn.jiyuan.decisionreview.assessment;

import cn.jiyuan.decisionreview.shared.ProcessVariable;
import java.time.LocalDate;

/** The variables of {@code annual-assessment} (Art. 26): the year, the workbook, and what its form records. */
public final class AnnualAssessmentVariables {

  private AnnualAssessmentVariables() {}

  /** The year assessed: the one before the January the timer fired in (Beijing time). */
  public static final ProcessVariable<Integer> ASSESSMENT_YEAR = ProcessVariable.integer("assessmentYear");
  /** A File variable: the workbook as generated, kept with the process (and its history). */
  public static final String ASSESSMENT_WORKBOOK = "assessmentWorkbook";
  /** Where the form's link downloads the workbook, with the user's Tasklist session. */
  public static final ProcessVariable<String> ASSESSMENT_WORKBOOK_URL = ProcessVariable.text("assessmentWorkbookUrl");
  /** One line with the year's totals, shown above the link. */
  public static final ProcessVariable<String> ASSESSMENT_SUMMARY = ProcessVariable.text("assessmentSummary");
  public static final ProcessVariable<LocalDate> SUBMISSION_DATE = ProcessVariable.date("submissionDate");
  public static final ProcessVariable<String> SUBMISSION_RECIPIENT = ProcessVariable.text("submissionRecipient");
  public static final ProcessVariable<String> SUBMISSION_REMARKS = ProcessVariable.text("submissionRemarks");
}
