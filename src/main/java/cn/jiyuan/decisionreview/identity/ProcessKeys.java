package cn.jiyuan.decisionreview.identity;

/** Process keys (DESIGN.md §4, contract) that authorizations refer to. */
public final class ProcessKeys {

  public static final String DECISION_TRACKING = "decision-tracking";
  public static final String POST_EVALUATION = "post-evaluation";
  public static final String EVALUATION_REQUEST = "evaluation-request";
  public static final String AGENCY_REGISTRATION = "agency-registration";
  public static final String MEASURES_REVISION = "measures-revision";
  public static final String ANNUAL_ASSESSMENT = "annual-assessment";
  /** 整改事项办理: one instance per rectification item, started when a report is approved (Art. 16, 17). */
  public static final String RECTIFICATION = "rectification";

  private ProcessKeys() {}
}
