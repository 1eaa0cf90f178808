package cn.jiyuan.decisionreview.assessment;

/** Element ids of {@code annual-assessment} that code, the deadline table and the tests rely on. */
public final class AnnualAssessmentElements {

  private AnnualAssessmentElements() {}

  public static final String START_JANUARY = "StartEvent_January";
  public static final String GENERATE_WORKBOOK = "Task_GenerateWorkbook";
  public static final String SUBMIT = "Task_SubmitAnnualAssessment";
}
