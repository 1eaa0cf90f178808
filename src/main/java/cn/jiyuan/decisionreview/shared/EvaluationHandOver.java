package cn.jiyuan.decisionreview.shared;

import java.time.LocalDate;

/**
 * The hand-over between {@code decision-tracking} and the {@code post-evaluation} it calls (DESIGN.md §4, contract):
 * what the call activity passes in and takes back. Declared once here; {@code TrackingVariables} and
 * {@code EvaluationVariables} name the same constants, so the two sides cannot drift apart in name or type.
 */
public final class EvaluationHandOver {

  private EvaluationHandOver() {}

  public static final ProcessVariable<Boolean> AUTHORITY_ATTENTION = ProcessVariable.bool("authorityAttention");
  public static final ProcessVariable<String> DECISION_NUMBER = ProcessVariable.text("decisionNumber");
  public static final ProcessVariable<String> DECISION_TITLE = ProcessVariable.text("decisionTitle");
  public static final ProcessVariable<LocalDate> EVALUATION_COMPLETED_DATE = ProcessVariable.date("evaluationCompletedDate");
  public static final ProcessVariable<String> EVALUATION_GRADE = ProcessVariable.text("evaluationGrade");
  public static final ProcessVariable<String> EVALUATION_OUTCOME = ProcessVariable.text("evaluationOutcome");
  /** A File variable (the report), taken back as it is. */
  public static final String EVALUATION_REPORT = "evaluationReport";
  public static final ProcessVariable<LocalDate> EVALUATION_STARTED_DATE = ProcessVariable.date("evaluationStartedDate");
  public static final ProcessVariable<String> EVALUATION_TYPE = ProcessVariable.text("evaluationType");
  public static final ProcessVariable<String> EXECUTING_UNIT = ProcessVariable.text("executingUnit");
  public static final ProcessVariable<String> LEGAL_BASIS = ProcessVariable.text("legalBasis");
  public static final ProcessVariable<Boolean> URGENT = ProcessVariable.bool("urgent");
}
