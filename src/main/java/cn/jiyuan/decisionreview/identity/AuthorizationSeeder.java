package cn.jiyuan.decisionreview.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.jiyuan.decisionreview.identity.IdentitySeedProperties.GroupDef;
import cn.jiyuan.decisionreview.shared.Groups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.springframework.stereotype.Component;

/**
 * Grants each role only what it needs (DESIGN.md §1, §8). Executing units, agencies and experts get no
 * global read: they see an evaluation through its tasks and the per-instance grants made when it starts.
 */
@Component
public class AuthorizationSeeder {

  public static final String APP_TASKLIST = "tasklist";
  public static final String APP_COCKPIT = "cockpit";

  /** Roles that read every decision and evaluation: they coordinate (Art. 23 lists them as participants). */
  static final List<String> READ_ALL_GROUPS =
      List.of(Groups.SUPERVISION_OFFICE, Groups.LEGAL_AFFAIRS, Groups.DECISION_AUTHORITY);

  /** Cockpit: who follows the decisions and their evaluations; the authority reads the 督办 page there too. */
  static final List<String> COCKPIT_GROUPS = List.of(Groups.LEGAL_AFFAIRS, Groups.SUPERVISION_OFFICE,
      Groups.DECISION_AUTHORITY);

  /**
   * Process keys each role may start from Tasklist. Executing units only apply for evaluations (Art. 8(4), 18).
   * Nobody starts post-evaluation: every evaluation is requested (evaluation-request) or scheduled, and
   * decision tracking calls it, so that tracking records it (Art. 8, 18, 19).
   */
  static final Map<String, List<String>> STARTABLE = Map.of(
      Groups.DECISION_AUTHORITY, List.of(ProcessKeys.DECISION_TRACKING, ProcessKeys.EVALUATION_REQUEST),
      Groups.LEGAL_AFFAIRS, List.of(ProcessKeys.DECISION_TRACKING, ProcessKeys.EVALUATION_REQUEST,
          ProcessKeys.AGENCY_REGISTRATION));

  /** Started only by the engine (call activity, scheduler); earlier versions let staff start post-evaluation. */
  static final List<String> NOT_STARTABLE_BY_STAFF = List.of(ProcessKeys.POST_EVALUATION, ProcessKeys.MEASURES_REVISION,
      ProcessKeys.ANNUAL_ASSESSMENT, ProcessKeys.RECTIFICATION);

  private final AuthorizationService authorizationService;
  private final IdentitySeedProperties seed;

  public AuthorizationSeeder(AuthorizationService authorizationService, IdentitySeedProperties seed) {
    this.authorizationService = authorizationService;
    this.seed = seed;
  }

  public void seed() {
    for (Resources resource : Resources.values()) {
      grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String group : staffGroups()) {
      grantStaff(group);
    }
    for (String group : COCKPIT_GROUPS) {
      grant(group, Resources.APPLICATION, APP_COCKPIT, Permissions.ACCESS);
    }
    for (String group : READ_ALL_GROUPS) {
      grantReadAll(group);
    }
    grantAnalysts();
    STARTABLE.forEach((group, keys) -> keys.forEach(key -> grantStart(group, key)));
    for (String group : staffGroups()) {
      NOT_STARTABLE_BY_STAFF.forEach(key -> revoke(group, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.CREATE_INSTANCE));
    }
  }

  /** Every staff group: Tasklist, the staff directory, and the evaluation application (Art. 8(4), 18) for units. */
  public void grantStaff(String group) {
    grant(group, Resources.APPLICATION, APP_TASKLIST, Permissions.ACCESS);
    grant(group, Resources.USER, ANY, Permissions.READ);
    grant(group, Resources.GROUP, ANY, Permissions.READ);
    if (Groups.isExecutingUnit(group)) {
      grantStart(group, ProcessKeys.EVALUATION_REQUEST);
    }
  }

  public List<String> staffGroups() {
    return seed.allGroups().stream().map(GroupDef::id).filter(Groups::isStaff).toList();
  }

  private void grantReadAll(String group) {
    grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(group, Resources.TASK, ANY, TaskPermissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  /**
   * Analysts deploy models (Modeler's deploy dialog against /engine-rest) and read definitions and diagrams in
   * Cockpit. They read no instance, task, variable, decision history or file: those hold the evaluations' content,
   * which Art. 23 keeps to the participants.
   */
  private void grantAnalysts() {
    String group = Groups.PROCESS_ANALYSTS;
    grant(group, Resources.APPLICATION, APP_COCKPIT, Permissions.ACCESS);
    grant(group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  private void grantStart(String group, String processKey) {
    grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  /** Removes permissions from an existing grant (a database seeded by an earlier version); never adds a row. */
  public void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = existingGrant(group, resource, resourceId);
    if (auth == null) {
      return;
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (auth.isPermissionGranted(permission)) {
        auth.removePermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(auth);
    }
  }

  private Authorization existingGrant(String group, Resource resource, String resourceId) {
    return authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(group)
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
  }

  /** Idempotent: adds missing permissions to an existing grant instead of inserting a second row. */
  public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    Authorization auth = existingGrant(group, resource, resourceId);
    boolean changed = false;
    if (auth == null) {
      auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      auth.setGroupId(group);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
      changed = true;
    }
    for (Permission permission : permissions) {
      if (!auth.isPermissionGranted(permission)) {
        auth.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(auth);
    }
  }
}
