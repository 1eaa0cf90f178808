package cn.jiyuan.decisionreview.identity;

import cn.jiyuan.decisionreview.config.DecisionReviewProperties;
import cn.jiyuan.decisionreview.config.DecisionReviewProperties.GroupDef;
import cn.jiyuan.decisionreview.config.DecisionReviewProperties.UserDef;
import cn.jiyuan.decisionreview.shared.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Creates the configured groups, the administrator and (demo profile) the demo users, if missing. */
@Component
public class IdentitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);
  static final String ADMIN_GROUP_NAME = "系统管理员";
  static final String GROUP_TYPE_WORKFLOW = "WORKFLOW";
  static final String GROUP_TYPE_SYSTEM = "SYSTEM";

  private final IdentityService identityService;
  private final DecisionReviewProperties properties;

  public IdentitySeeder(IdentityService identityService, DecisionReviewProperties properties) {
    this.identityService = identityService;
    this.properties = properties;
  }

  /** Must run inside {@link cn.jiyuan.decisionreview.config.SeedLock}. */
  public void seed() {
    ensureGroup(new GroupDef(Groups.CAMUNDA_ADMIN, ADMIN_GROUP_NAME), GROUP_TYPE_SYSTEM);
    for (GroupDef group : properties.getIdentity().allGroups()) {
      ensureGroup(group, GROUP_TYPE_WORKFLOW);
    }
    DecisionReviewProperties.Admin admin = properties.getAdmin();
    UserDef adminUser = new UserDef();
    adminUser.setId(admin.getId());
    adminUser.setFirstName(admin.getFirstName());
    adminUser.setLastName(admin.getLastName());
    adminUser.setEmail(admin.getEmail());
    adminUser.setPassword(admin.getPassword());
    adminUser.setGroups(List.of(Groups.CAMUNDA_ADMIN));
    ensureUser(adminUser);
    for (UserDef user : properties.getIdentity().getDemoUsers()) {
      ensureUser(user);
    }
  }

  private void ensureGroup(GroupDef def, String type) {
    Group existing = identityService.createGroupQuery().groupId(def.getId()).singleResult();
    if (existing != null) {
      return;
    }
    Group group = identityService.newGroup(def.getId());
    group.setName(def.getName());
    group.setType(type);
    identityService.saveGroup(group);
    LOG.info("已创建用户组 {}（{}）", def.getId(), def.getName());
  }

  private void ensureUser(UserDef def) {
    User existing = identityService.createUserQuery().userId(def.getId()).singleResult();
    if (existing == null) {
      User user = identityService.newUser(def.getId());
      user.setFirstName(def.getFirstName());
      user.setLastName(def.getLastName());
      user.setEmail(def.getEmail());
      user.setPassword(def.getPassword());
      identityService.saveUser(user);
      LOG.info("已创建用户 {}（{}{}）", def.getId(), def.getFirstName(), def.getLastName());
    }
    for (String groupId : def.getGroups()) {
      boolean member = identityService.createUserQuery().userId(def.getId()).memberOfGroup(groupId).count() > 0;
      if (!member) {
        identityService.createMembership(def.getId(), groupId);
      }
    }
  }
}
