package cn.jiyuan.decisionreview.agency;

/**
 * The agency register's view of the engine's identity service, kept small so that {@link AgencyService}
 * can be tested without an engine.
 */
public interface AgencyGroups {

  /**
   * Creates the Camunda group of an agency if it is missing (type WORKFLOW), gives it the agency's current
   * name, and grants it what staff need to work in Tasklist. Idempotent.
   */
  void ensureAgencyGroup(String groupId, String name);

  /** Whether {@code groupId} is an existing executing-unit group (exec-…). */
  boolean executingUnitExists(String groupId);
}
