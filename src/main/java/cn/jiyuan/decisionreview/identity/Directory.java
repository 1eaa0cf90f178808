package cn.jiyuan.decisionreview.identity;

import cn.jiyuan.decisionreview.shared.SystemCalls;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/** Display names of users and groups for texts people read (forms, reports), whoever is asking. */
@Service
public class Directory {

  private final IdentityService identityService;
  private final SystemCalls system;

  public Directory(IdentityService identityService, SystemCalls system) {
    this.identityService = identityService;
    this.system = system;
  }

  /** "王明远" — family name first, as the demo data stores it (README). */
  public String userName(String userId) {
    if (userId == null) {
      return "";
    }
    User user = system.run(() -> identityService.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : user.getFirstName() + user.getLastName();
  }

  public String groupName(String groupId) {
    if (groupId == null) {
      return "";
    }
    Group group = system.run(() -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null ? groupId : group.getName();
  }
}
