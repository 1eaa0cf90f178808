package cn.jiyuan.decisionreview.identity;

import cn.jiyuan.decisionreview.identity.IdentitySeedProperties.GroupDef;
import cn.jiyuan.decisionreview.identity.IdentitySeedProperties.UserDef;
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
  private final IdentitySeedProperties seed;
  private final AdminAccountProperties admin;

  public IdentitySeeder(IdentityService identityService, IdentitySeedProperties seed, AdminAccountProperties admin) {
    this.identityService = identityService;
    this.seed = seed;
    this.admin = admin;
  }

  /** Must run inside {@link cn.jiyuan.decisionreview.config.SeedLock}. */
  public void seed() {
    ensureGroup(new GroupDef(Groups.CAMUNDA_ADMIN, ADMIN_GROUP_NAME), GROUP_TYPE_SYSTEM);
    for (GroupDef group : seed.allGroups()) {
      ensureGroup(group, GROUP_TYPE_WORKFLOW);
    }
    ensureUser(new UserDef(admin.id(), admin.firstName(), admin.lastName(), admin.email(), admin.password(),
        List.of(Groups.CAMUNDA_ADMIN)));
    for (UserDef user : seed.demoUsers()) {
      ensureUser(user);
    }
  }

  private void ensureGroup(GroupDef def, String type) {
    Group existing = identityService.createGroupQuery().groupId(def.id()).singleResult();
    if (existing != null) {
      return;
    }
    Group group = identityService.newGroup(def.id());
    group.setName(def.name());
    group.setType(type);
    identityService.saveGroup(group);
    LOG.info("已创建用户组 {}（{}）", def.id(), def.name());
  }

  private void ensureUser(UserDef def) {
    User existing = identityService.createUserQuery().userId(def.id()).singleResult();
    if (existing == null) {
      User user = identityService.newUser(def.id());
      user.setFirstName(def.firstName());
      user.setLastName(def.lastName());
      user.setEmail(def.email());
      user.setPassword(def.password());
      identityService.saveUser(user);
      LOG.info("已创建用户 {}（{}{}）", def.id(), def.firstName(), def.lastName());
    }
    for (String groupId : def.groups()) {
      boolean member = identityService.createUserQuery().userId(def.id()).memberOfGroup(groupId).count() > 0;
      if (!member) {
        identityService.createMembership(def.id(), groupId);
      }
    }
  }
}
