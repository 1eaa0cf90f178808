package cn.jiyuan.decisionreview.security;

import cn.jiyuan.decisionreview.shared.Groups;
import java.util.List;

/** The authenticated caller of the project's API, with the engine groups its authorizations use. */
public record CurrentUser(String userId, List<String> groupIds) {

  public boolean isMember(String groupId) {
    return groupIds.contains(groupId);
  }

  public boolean isAdmin() {
    return isMember(Groups.CAMUNDA_ADMIN);
  }

  /** The executing units this user belongs to. */
  public List<String> executingUnits() {
    return groupIds.stream().filter(Groups::isExecutingUnit).toList();
  }
}
