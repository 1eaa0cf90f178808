package cn.jiyuan.decisionreview.shared;

/** Group ids of DESIGN.md §1. Executing units and agencies are families with a common prefix. */
public final class Groups {

  public static final String DECISION_AUTHORITY = "decision-authority";
  public static final String LEGAL_AFFAIRS = "legal-affairs";
  public static final String SUPERVISION_OFFICE = "supervision-office";
  public static final String EXPERTS = "experts";
  /** Edit and deploy models from Camunda Modeler; not staff: they work on no evaluation (Art. 23). */
  public static final String PROCESS_ANALYSTS = "process-analysts";
  public static final String CAMUNDA_ADMIN = "camunda-admin";
  public static final String EXEC_PREFIX = "exec-";
  public static final String AGENCY_PREFIX = "agency-";

  private Groups() {}

  public static boolean isExecutingUnit(String groupId) {
    return groupId != null && groupId.startsWith(EXEC_PREFIX) && groupId.length() > EXEC_PREFIX.length();
  }

  public static boolean isAgency(String groupId) {
    return groupId != null && groupId.startsWith(AGENCY_PREFIX) && groupId.length() > AGENCY_PREFIX.length();
  }

  /** Staff are everyone who works in Tasklist: the fixed roles plus every unit and agency group. */
  public static boolean isStaff(String groupId) {
    return DECISION_AUTHORITY.equals(groupId)
        || LEGAL_AFFAIRS.equals(groupId)
        || SUPERVISION_OFFICE.equals(groupId)
        || EXPERTS.equals(groupId)
        || isExecutingUnit(groupId)
        || isAgency(groupId);
  }
}
