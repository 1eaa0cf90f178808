package cn.jiyuan.decisionreview.identity;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.jiyuan.decisionreview.identity.IdentitySeedProperties.GroupDef;
import cn.jiyuan.decisionreview.shared.Groups;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Grants grants = grantsOf(seededGroups());
    for (Resources resource : Resources.values()) {
      grants.grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
    }
    for (String group : staffGroups()) {
      grantStaff(grants, group);
    }
    for (String group : COCKPIT_GROUPS) {
      grants.grant(group, Resources.APPLICATION, APP_COCKPIT, Permissions.ACCESS);
    }
    for (String group : READ_ALL_GROUPS) {
      grantReadAll(grants, group);
    }
    grantAnalysts(grants);
    STARTABLE.forEach((group, keys) -> keys.forEach(key -> grantStart(grants, group, key)));
    for (String group : staffGroups()) {
      NOT_STARTABLE_BY_STAFF.forEach(key -> grants.revoke(group, Resources.PROCESS_DEFINITION, key,
          ProcessDefinitionPermissions.CREATE_INSTANCE));
    }
  }

  /** Every staff group: Tasklist, the staff directory, and the evaluation application (Art. 8(4), 18) for units. */
  public void grantStaff(String group) {
    grantStaff(grantsOf(List.of(group)), group);
  }

  private static void grantStaff(Grants grants, String group) {
    grants.grant(group, Resources.APPLICATION, APP_TASKLIST, Permissions.ACCESS);
    grants.grant(group, Resources.USER, ANY, Permissions.READ);
    grants.grant(group, Resources.GROUP, ANY, Permissions.READ);
    if (Groups.isExecutingUnit(group)) {
      grantStart(grants, group, ProcessKeys.EVALUATION_REQUEST);
    }
  }

  public List<String> staffGroups() {
    return seed.allGroups().stream().map(GroupDef::id).filter(Groups::isStaff).toList();
  }

  private List<String> seededGroups() {
    List<String> groups = new ArrayList<>(List.of(Groups.CAMUNDA_ADMIN, Groups.PROCESS_ANALYSTS));
    groups.addAll(COCKPIT_GROUPS);
    groups.addAll(STARTABLE.keySet());
    groups.addAll(staffGroups());
    return groups.stream().distinct().toList();
  }

  private static void grantReadAll(Grants grants, String group) {
    grants.grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK);
    grants.grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grants.grant(group, Resources.TASK, ANY, TaskPermissions.READ);
    grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
  }

  /**
   * Analysts deploy models (Modeler's deploy dialog against /engine-rest) and read definitions and diagrams in
   * Cockpit. They read no instance, task, variable, decision history or file: those hold the evaluations' content,
   * which Art. 23 keeps to the participants.
   */
  private static void grantAnalysts(Grants grants) {
    String group = Groups.PROCESS_ANALYSTS;
    grants.grant(group, Resources.APPLICATION, APP_COCKPIT, Permissions.ACCESS);
    grants.grant(group, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
    grants.grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    grants.grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    grants.grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
  }

  private static void grantStart(Grants grants, String group, String processKey) {
    grants.grant(group, Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grants.grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
  }

  /** Idempotent: adds missing permissions to an existing grant instead of inserting a second row. */
  public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
    grantsOf(List.of(group)).grant(group, resource, resourceId, permissions);
  }

  /** The GRANT rows of these groups, read in one query; see {@link Grants}. */
  public Grants grantsOf(Collection<String> groups) {
    return new Grants(authorizationService, groups);
  }

  /**
   * The GRANT rows of some groups, read in one query and kept current as grants are added or changed, so that a
   * seeding pass asks the database once instead of once per grant (about 90 lookups on every start).
   */
  public static final class Grants {

    private record Key(String group, int resourceType, String resourceId) {}

    private final AuthorizationService authorizationService;
    private final Set<String> groups;
    private final Map<Key, Authorization> rows = new HashMap<>();

    private Grants(AuthorizationService authorizationService, Collection<String> groups) {
      this.authorizationService = authorizationService;
      this.groups = Set.copyOf(groups);
      for (Authorization row : authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .groupIdIn(groups.toArray(String[]::new)).list()) {
        rows.putIfAbsent(new Key(row.getGroupId(), row.getResourceType(), row.getResourceId()), row);
      }
    }

    private Key key(String group, Resource resource, String resourceId) {
      if (!groups.contains(group)) {
        throw new IllegalArgumentException("grants of " + group + " were not read");
      }
      return new Key(group, resource.resourceType(), resourceId);
    }

    /** Idempotent: adds missing permissions to an existing grant instead of inserting a second row. */
    public void grant(String group, Resource resource, String resourceId, Permission... permissions) {
      Key key = key(group, resource, resourceId);
      Authorization auth = rows.get(key);
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
        rows.put(key, authorizationService.saveAuthorization(auth));
      }
    }

    /** Removes permissions from an existing grant (a database seeded by an earlier version); never adds a row. */
    public void revoke(String group, Resource resource, String resourceId, Permission... permissions) {
      Key key = key(group, resource, resourceId);
      Authorization auth = rows.get(key);
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
        rows.put(key, authorizationService.saveAuthorization(auth));
      }
    }
  }
}
