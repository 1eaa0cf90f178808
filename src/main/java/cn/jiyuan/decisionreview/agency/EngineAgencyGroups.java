package cn.jiyuan.decisionreview.agency;

import cn.jiyuan.decisionreview.identity.AuthorizationSeeder;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@link AgencyGroups} on the engine. Registration runs as the legal-affairs user, who may not create
 * groups or authorizations; inside an engine command the group work therefore runs without authorization
 * checks. The ways in are the agency-registration process, which only legal-affairs may start, and the
 * demo seed.
 */
@Component
public class EngineAgencyGroups implements AgencyGroups {

  private static final Logger LOG = LoggerFactory.getLogger(EngineAgencyGroups.class);

  private final IdentityService identityService;
  private final AuthorizationSeeder authorizations;
  private final SystemCalls system;

  public EngineAgencyGroups(ProcessEngine processEngine, AuthorizationSeeder authorizations, SystemCalls system) {
    this.identityService = processEngine.getIdentityService();
    this.authorizations = authorizations;
    this.system = system;
  }

  @Override
  public void ensureAgencyGroup(String groupId, String name) {
    system.run(() -> {
      Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
      if (group == null) {
        group = identityService.newGroup(groupId);
        group.setName(name);
        group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
        identityService.saveGroup(group);
        LOG.info("已创建评估机构用户组 {}（{}）", groupId, name);
      } else if (!name.equals(group.getName())) {
        group.setName(name);
        identityService.saveGroup(group);
      }
      authorizations.grantStaff(groupId);
    });
  }

  @Override
  public boolean executingUnitExists(String groupId) {
    if (!Groups.isExecutingUnit(groupId)) {
      return false;
    }
    return system.run(() -> identityService.createGroupQuery().groupId(groupId).count() > 0);
  }
}
