package cn.jiyuan.decisionreview.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;

import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.ModelerDeploy;
import cn.jiyuan.decisionreview.support.TestProcesses;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Groups, demo users, role permissions, Tasklist filters, and idempotent concurrent seeding. */
@IntegrationTest
class IdentityAndAuthorizationIT {

  static final List<String> DEMO_USERS =
      List.of("demo", "sifa", "zhengfu", "ducha", "fgw", "jyj", "zjj", "jigou", "zhuanjia1", "zhuanjia2", "fenxi");
  /** Everyone who works in Tasklist: not the administrator, not the analyst (who works on models only). */
  static final List<String> STAFF_USERS = DEMO_USERS.subList(1, DEMO_USERS.size() - 1);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired StartupSeeding seeding;
  @Autowired AuthorizationSeeder authorizationSeeder;
  @Autowired TasklistFilterSeeder filterSeeder;

  @Test
  void groupsHaveChineseNames() {
    Map<String, String> expected = Map.of(
        "decision-authority", "决策机关", "legal-affairs", "市司法局", "supervision-office", "市政府办公室督办科",
        "experts", "评估专家库", "exec-fgw", "市发展和改革委员会", "exec-jyj", "市教育局", "exec-zjj", "市住房和城乡建设局",
        "process-analysts", "流程分析员");
    expected.forEach((id, name) -> assertThat(identityService.createGroupQuery().groupId(id).singleResult().getName())
        .isEqualTo(name));
    Group agency = identityService.createGroupQuery().groupId("agency-demo").singleResult();
    assertThat(agency.getName()).matches(".*[\\u4e00-\\u9fa5].*");
  }

  @Test
  void everyDemoUserHasAChineseNameAnEmailAndCanLogIn() {
    for (String id : DEMO_USERS) {
      User user = identityService.createUserQuery().userId(id).singleResult();
      assertThat(user).as(id).isNotNull();
      assertThat(user.getFirstName() + user.getLastName()).as(id).matches("[\\u4e00-\\u9fa5]+");
      assertThat(user.getEmail()).as(id).contains("@");
      assertThat(identityService.checkPassword(id, "demo")).as(id).isTrue();
    }
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list())
        .extracting(User::getId).containsExactly("demo");
    Map<String, String> membership = Map.of("sifa", "legal-affairs", "zhengfu", "decision-authority",
        "ducha", "supervision-office", "fgw", "exec-fgw", "jyj", "exec-jyj", "zjj", "exec-zjj",
        "jigou", "agency-demo", "zhuanjia1", "experts", "zhuanjia2", "experts", "fenxi", "process-analysts");
    membership.forEach((user, group) ->
        assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).count()).as(user).isEqualTo(1));
    for (String id : DEMO_USERS.subList(0, DEMO_USERS.size() - 1)) {
      Http.webappSession(port, id, "demo"); // throws unless the login succeeds (to Tasklist, which the analyst lacks)
    }
  }

  @Test
  void eachRoleGetsOnlyTheApplicationsItNeeds() {
    for (String user : STAFF_USERS) {
      assertThat(allowed(user, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).as(user).isTrue();
      assertThat(allowed(user, Permissions.ACCESS, Resources.APPLICATION, "admin")).as(user).isFalse();
      boolean cockpit = user.equals("sifa") || user.equals("ducha") || user.equals("zhengfu");
      assertThat(allowed(user, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).as(user).isEqualTo(cockpit);
    }
    assertThat(allowed("demo", Permissions.ACCESS, Resources.APPLICATION, "admin")).isTrue();
  }

  @Test
  void supervisionOfficeReadsEverythingAndChangesNothing() {
    assertThat(allowed("ducha", ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "post-evaluation")).isTrue();
    assertThat(allowed("ducha", Permissions.READ, Resources.PROCESS_INSTANCE, ANY)).isTrue();
    assertThat(allowed("ducha", Permissions.READ, Resources.TASK, ANY)).isTrue();
    for (Permission write : List.of(Permissions.UPDATE, Permissions.DELETE)) {
      assertThat(allowed("ducha", write, Resources.PROCESS_INSTANCE, ANY)).isFalse();
      assertThat(allowed("ducha", write, Resources.TASK, ANY)).isFalse();
      assertThat(allowed("ducha", write, Resources.PROCESS_DEFINITION, ANY)).isFalse();
    }
    assertThat(allowed("ducha", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, ANY)).isFalse();

    ProcessInstance instance = TestProcesses.startUnitTask(engine, "exec-zjj", "济政〔2026〕902号");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    Http ducha = Http.basic(port, "ducha", "demo");
    assertThat(ducha.get("/engine-rest/process-instance/" + instance.getId()).status()).isEqualTo(200);
    assertThat(ducha.get("/engine-rest/task/" + task.getId()).status()).isEqualTo(200);
    assertThat(ducha.get("/engine-rest/history/process-instance?processInstanceId=" + instance.getId()).json()).hasSize(1);
    assertThat(ducha.delete("/engine-rest/process-instance/" + instance.getId()).status()).isEqualTo(403);
    assertThat(ducha.postJson("/engine-rest/task/" + task.getId() + "/complete", Map.of()).status()).isEqualTo(403);
    assertThat(ducha.postJson("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "ducha")).status()).isEqualTo(403);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
  }

  /** Analysts deploy and read definitions (Modeler, Cockpit) but no evaluation's content (Art. 23). */
  @Test
  void analystsDeployAndReadDefinitionsButNoInstanceData() {
    assertThat(allowed("fenxi", Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(allowed("fenxi", Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isFalse();
    assertThat(allowed("fenxi", Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    assertThat(allowed("fenxi", Permissions.CREATE, Resources.DEPLOYMENT, ANY)).isTrue();
    assertThat(allowed("fenxi", Permissions.DELETE, Resources.DEPLOYMENT, ANY)).isFalse();
    for (Permission forbidden : List.of(ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.CREATE_INSTANCE)) {
      assertThat(allowed("fenxi", forbidden, Resources.PROCESS_DEFINITION, "post-evaluation")).as(forbidden.getName()).isFalse();
    }
    assertThat(allowed("fenxi", Permissions.READ_HISTORY, Resources.DECISION_DEFINITION, "evaluationTrigger")).isFalse();

    ProcessInstance instance = TestProcesses.startUnitTask(engine, "exec-zjj", "济政〔2026〕905号");
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    Http fenxi = Http.basic(port, "fenxi", "demo");
    assertThat(fenxi.get("/engine-rest/process-definition?key=post-evaluation").json()).hasSize(1);
    String definitionId = fenxi.get("/engine-rest/process-definition/key/post-evaluation").json().path("id").asText();
    assertThat(fenxi.get("/engine-rest/process-definition/" + definitionId + "/xml").json().path("bpmn20Xml").asText())
        .contains("bpmn:definitions");
    assertThat(fenxi.get("/engine-rest/decision-definition?key=evaluationTrigger").json()).isNotEmpty();
    assertThat(fenxi.get("/engine-rest/deployment").json()).isNotEmpty();
    for (String path : List.of("/engine-rest/process-instance", "/engine-rest/task", "/engine-rest/variable-instance",
        "/engine-rest/history/process-instance", "/engine-rest/history/task", "/engine-rest/history/variable-instance",
        "/engine-rest/history/activity-instance", "/engine-rest/history/decision-instance", "/engine-rest/history/detail",
        "/engine-rest/execution", "/engine-rest/job", "/engine-rest/incident")) {
      Http.Response response = fenxi.get(path);
      assertThat(response.status()).as(path).isIn(200, 403);
      if (response.status() == 200) {
        assertThat(response.json()).as(path).isEmpty();
      }
    }
    // the engine answers an instance the caller may not read as one that does not exist (404) or refuses (403)
    for (String path : List.of("/engine-rest/process-instance/" + instance.getId(), "/engine-rest/task/" + task.getId(),
        "/engine-rest/process-instance/" + instance.getId() + "/variables", "/engine-rest/task/" + task.getId() + "/variables")) {
      Http.Response response = fenxi.get(path);
      assertThat(response.status()).as(path).isIn(403, 404);
      assertThat(response.body()).as(path).doesNotContain("仅限");
    }

    // Modeler's deploy dialog, with the analyst's own credentials
    BpmnModelInstance model = Bpmn.createExecutableProcess("it-analyst-deploy").camundaHistoryTimeToLive(1)
        .startEvent().endEvent().done();
    Http.Response deployed = ModelerDeploy.deploy(fenxi, "分析员部署测试",
        Map.of("it-analyst-deploy.bpmn", Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));
    assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
    engine.getRepositoryService().deleteDeployment(deployed.json().path("id").asText(), true);
  }

  /** Evaluations go through tracking (Art. 8, 18, 19): no staff group may start post-evaluation itself. */
  @Test
  void noStaffGroupStartsAnEvaluationEvenOnADatabaseSeededByAnEarlierVersion() {
    // An earlier version granted the coordinators CREATE_INSTANCE on post-evaluation.
    authorizationSeeder.grant(Groups.LEGAL_AFFAIRS, Resources.PROCESS_DEFINITION, "post-evaluation",
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    assertThat(allowed("sifa", ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "post-evaluation"))
        .isTrue();
    seeding.seed();
    for (String user : STAFF_USERS) {
      for (String key : List.of("post-evaluation", "measures-revision", "annual-assessment")) {
        assertThat(allowed(user, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, key))
            .as(user + " starts " + key).isFalse();
      }
    }
    for (String user : List.of("sifa", "zhengfu", "fgw", "jyj", "zjj")) {
      assertThat(allowed(user, ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "evaluation-request"))
          .as(user + " requests an evaluation").isTrue();
    }
    assertThat(allowed("sifa", ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "post-evaluation")).isTrue();
  }

  @Test
  void tasklistFiltersExistOnceAndEveryStaffUserCanReadThem() {
    List<String> names = List.of("我的待办", "本单位待办", "即将到期", "已逾期");
    for (String name : names) {
      assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
    for (String user : STAFF_USERS) {
      List<String> visible = Http.basic(port, user, "demo").get("/engine-rest/filter").json().findValuesAsText("name");
      assertThat(visible).as(user).containsAll(names);
    }
  }

  @Test
  void dueFiltersSelectByDueDate() {
    ProcessInstance soon = TestProcesses.startUnitTask(engine, "exec-jyj", "济政〔2026〕903号");
    ProcessInstance later = TestProcesses.startUnitTask(engine, "exec-jyj", "济政〔2026〕904号");
    ProcessInstance late = TestProcesses.startUnitTask(engine, "exec-jyj", "济政〔2026〕905号");
    setDue(soon, Instant.now().plus(Duration.ofDays(2)));
    setDue(later, Instant.now().plus(Duration.ofDays(10)));
    setDue(late, Instant.now().minus(Duration.ofDays(1)));

    Http jyj = Http.basic(port, "jyj", "demo");
    List<String> dueSoon = listFilter(jyj, "即将到期");
    List<String> overdue = listFilter(jyj, "已逾期");
    List<String> unit = listFilter(jyj, "本单位待办");
    assertThat(dueSoon).contains(taskOf(soon)).doesNotContain(taskOf(later), taskOf(late));
    assertThat(overdue).contains(taskOf(late)).doesNotContain(taskOf(soon), taskOf(later));
    assertThat(unit).contains(taskOf(soon), taskOf(later), taskOf(late));
    assertThat(listFilter(Http.basic(port, "fgw", "demo"), "本单位待办")).doesNotContain(taskOf(soon));
  }

  @Test
  void myTasksShowsOwnTasksAndWhatTheUserOrTheirUnitCanClaim() {
    ProcessInstance unitTask = TestProcesses.startUnitTask(engine, "exec-zjj", "济政〔2026〕906号");
    ProcessInstance offeredToJyj = TestProcesses.startUnitTask(engine, "exec-zjj", "济政〔2026〕907号");
    engine.getTaskService().addCandidateUser(taskOf(offeredToJyj), "jyj");
    Http zjj = Http.basic(port, "zjj", "demo");
    Http jyj = Http.basic(port, "jyj", "demo");
    Http fgw = Http.basic(port, "fgw", "demo");

    // A member of the candidate group and a candidate user both land on the task; an unrelated unit does not.
    assertThat(listFilter(zjj, "我的待办")).contains(taskOf(unitTask), taskOf(offeredToJyj));
    assertThat(listFilter(jyj, "我的待办")).contains(taskOf(offeredToJyj)).doesNotContain(taskOf(unitTask));
    assertThat(listFilter(fgw, "我的待办")).doesNotContain(taskOf(unitTask), taskOf(offeredToJyj));

    // Once zjj has claimed it, it is zjj's own task; for jyj it is taken and only 本单位待办 of zjj's unit lists it.
    engine.getTaskService().claim(taskOf(offeredToJyj), "zjj");
    assertThat(listFilter(zjj, "我的待办")).contains(taskOf(offeredToJyj));
    assertThat(listFilter(jyj, "我的待办")).doesNotContain(taskOf(offeredToJyj));
    assertThat(listFilter(zjj, "本单位待办")).contains(taskOf(offeredToJyj));
  }

  @Test
  void anOutdatedFilterFromAnEarlierVersionIsBroughtUpToDateInPlace() {
    Filter myTasks = filterService.createFilterQuery().filterName(TasklistFilterSeeder.MY_TASKS).singleResult();
    // What earlier versions stored: the user's own tasks only.
    myTasks.setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    filterService.saveFilter(myTasks);
    ProcessInstance unitTask = TestProcesses.startUnitTask(engine, "exec-zjj", "济政〔2026〕908号");
    Http zjj = Http.basic(port, "zjj", "demo");
    assertThat(listFilter(zjj, "我的待办")).doesNotContain(taskOf(unitTask));

    seeding.seed();

    Filter updated = filterService.createFilterQuery().filterName(TasklistFilterSeeder.MY_TASKS).singleResult();
    assertThat(updated.getId()).isEqualTo(myTasks.getId());
    assertThat(listFilter(zjj, "我的待办")).contains(taskOf(unitTask));
    assertThat(filterSeeder.seed()).as("a second run finds nothing to change").isZero();
  }

  @Test
  void seedingIsIdempotentWhenTwoNodesStartAtOnce() throws Exception {
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long filters = filterService.createFilterQuery().count();
    long users = identityService.createUserQuery().count();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> runs = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      Callable<Void> run = () -> {
        start.await();
        seeding.seed();
        return null;
      };
      runs.add(pool.submit(run));
    }
    start.countDown();
    for (Future<?> run : runs) {
      run.get(); // rethrows any failure of either "node"
    }
    pool.shutdown();

    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(filterService.createFilterQuery().count()).isEqualTo(filters);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
  }

  private void setDue(ProcessInstance instance, Instant due) {
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
    task.setDueDate(Date.from(due));
    engine.getTaskService().saveTask(task);
  }

  private String taskOf(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
  }

  private List<String> listFilter(Http user, String name) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    return user.get("/engine-rest/filter/" + filter.getId() + "/list?maxResults=500").json().findValuesAsText("id");
  }

  private boolean allowed(String userId, Permission permission, Resource resource, String resourceId) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    return authorizationService.isUserAuthorized(userId, groups, permission, resource, resourceId);
  }
}
