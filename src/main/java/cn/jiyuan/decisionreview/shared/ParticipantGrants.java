package cn.jiyuan.decisionreview.shared;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;

/**
 * Art. 23 at engine level: an evaluation's participants (executing unit, evaluator group, agency, chosen
 * experts) may read that one process instance — its variables show in their Tasklist — and nobody else
 * beyond the roles that read everything. Granted by the step that makes them participants.
 */
@Service
public class ParticipantGrants {

  private final AuthorizationService authorizationService;
  private final IdentityService identityService;
  private final SystemCalls system;
  private final AuditRecords audit;

  public ParticipantGrants(AuthorizationService authorizationService, IdentityService identityService,
      SystemCalls system, AuditRecords audit) {
    this.authorizationService = authorizationService;
    this.identityService = identityService;
    this.system = system;
    this.audit = audit;
  }

  public void grantGroup(String processInstanceId, String groupId) {
    grant(processInstanceId, groupId, null, true);
  }

  /**
   * As {@link #grantGroup}, for an instance its start listener is creating: it can hold no grant yet, so there is
   * nothing to look up first (one query less for each registration and evaluation start).
   */
  public void grantGroupOnNewInstance(String processInstanceId, String groupId) {
    grant(processInstanceId, groupId, null, false);
  }

  public void grantUser(String processInstanceId, String userId) {
    grant(processInstanceId, null, userId, true);
  }

  private void grant(String processInstanceId, String groupId, String userId, boolean mayExist) {
    if (groupId == null && userId == null) {
      return;
    }
    system.run(() -> {
      var query = authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
          .resourceType(Resources.PROCESS_INSTANCE).resourceId(processInstanceId);
      boolean exists = mayExist && (groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId)).count() > 0;
      if (!exists) {
        Authorization auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setResource(Resources.PROCESS_INSTANCE);
        auth.setResourceId(processInstanceId);
        if (groupId != null) {
          auth.setGroupId(groupId);
        } else {
          auth.setUserId(userId);
        }
        auth.addPermission(Permissions.READ);
        authorizationService.saveAuthorization(auth);
        // Art. 24: who widened the circle of readers, in the step's own transaction (a refused step grants nothing)
        var caller = identityService.getCurrentAuthentication();
        audit.record(processInstanceId, caller == null ? null : caller.getUserId(), AuditAction.ACCESS_GRANTED,
            groupId != null ? "group:" + groupId : "user:" + userId, null);
      }
    });
  }
}
