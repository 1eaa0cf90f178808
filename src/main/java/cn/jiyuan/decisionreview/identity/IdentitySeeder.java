package cn.jiyuan.decisionreview.identity;

import cn.jiyuan.decisionreview.identity.IdentitySeedProperties.GroupDef;
import cn.jiyuan.decisionreview.identity.IdentitySeedProperties.UserDef;
import cn.jiyuan.decisionreview.shared.Groups;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

  /**
   * Must run inside {@link cn.jiyuan.decisionreview.config.SeedLock}. Reads which groups, users and memberships exist
   * in three queries at most (one per existing user for memberships), not one per group, user and membership.
   */
  public void seed() {
    List<GroupDef> groups = new ArrayList<>();
    groups.add(new GroupDef(Groups.CAMUNDA_ADMIN, ADMIN_GROUP_NAME));
    groups.addAll(seed.allGroups());
    Set<String> existingGroups = identityService.createGroupQuery()
        .groupIdIn(groups.stream().map(GroupDef::id).toArray(String[]::new)).list().stream()
        .map(Group::getId).collect(Collectors.toCollection(HashSet::new));
    for (GroupDef group : groups) {
      if (existingGroups.add(group.id())) {
        createGroup(group, Groups.CAMUNDA_ADMIN.equals(group.id()) ? GROUP_TYPE_SYSTEM : GROUP_TYPE_WORKFLOW);
      }
    }

    List<UserDef> users = new ArrayList<>();
    users.add(new UserDef(admin.id(), admin.firstName(), admin.lastName(), admin.email(), admin.password(),
        List.of(Groups.CAMUNDA_ADMIN)));
    users.addAll(seed.demoUsers());
    Set<String> existingUsers = identityService.createUserQuery()
        .userIdIn(users.stream().map(UserDef::id).toArray(String[]::new)).list().stream()
        .map(User::getId).collect(Collectors.toCollection(HashSet::new));
    for (UserDef user : users) {
      Set<String> memberOf = new HashSet<>();
      if (!existingUsers.add(user.id())) {
        identityService.createGroupQuery().groupMember(user.id()).list().forEach(g -> memberOf.add(g.getId()));
      } else {
        createUser(user);
      }
      for (String groupId : user.groups()) {
        if (memberOf.add(groupId)) {
          identityService.createMembership(user.id(), groupId);
        }
      }
    }
  }

  private void createGroup(GroupDef def, String type) {
    Group group = identityService.newGroup(def.id());
    group.setName(def.name());
    group.setType(type);
    identityService.saveGroup(group);
    LOG.info("已创建用户组 {}（{}）", def.id(), def.name());
  }

  private void createUser(UserDef def) {
    User user = identityService.newUser(def.id());
    user.setFirstName(def.firstName());
    user.setLastName(def.lastName());
    user.setEmail(def.email());
    user.setPassword(def.password());
    identityService.saveUser(user);
    LOG.info("已创建用户 {}（{}{}）", def.id(), def.firstName(), def.lastName());
  }
}
