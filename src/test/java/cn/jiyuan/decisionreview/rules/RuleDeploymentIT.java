package cn.jiyuan.decisionreview.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.report.ReportService;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.ModelerDeploy;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An analyst changes a rule in Modeler and deploys it with Modeler's own call, as {@code fenxi}: the system applies
 * it from then on, records the version and who deployed it, and refuses a model that would break it. Every
 * deployment made here is deleted afterwards (cascade), so the original rules are the latest again for the other
 * tests of this context.
 */
@IntegrationTest
class RuleDeploymentIT {

  static final String REQUEST = "/engine-rest/process-definition/key/evaluation-request/submit-form";
  static final String REGISTER = "/engine-rest/process-definition/key/decision-tracking/submit-form";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired ReportService.AppliedRules appliedRules;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void restoreTheOriginalRules() {
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    deployments.clear();
  }

  @Test
  void theTablesRunOnTheFeelEngineThatParsesEachTextOnce() throws ReflectiveOperationException {
    var dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
    assertThat(ParseOnceFeelEngineTest.parsing(dmn.getFeelEngine())).isNotNull();
  }

  @Test
  void theModelsAreReadAgainstSchemasCompiledOnceAndAModelAgainstItsSchemaIsRefused() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getDmnEngineConfiguration().getTransformer())
        .isInstanceOf(SchemaOnceDmnParsing.Transformer.class);
    assertThat(configuration.getDeployers()).filteredOn(BpmnDeployer.class::isInstance).singleElement()
        .satisfies(deployer -> assertThat(((BpmnDeployer) deployer).getBpmnParser())
            .isInstanceOf(SchemaOnceBpmnParsing.Parser.class));
    long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
    Map<String, String> broken = Map.of("broken.bpmn", SchemaOnceParsingTest.BPMN_AGAINST_THE_SCHEMA,
        "broken.dmn", SchemaOnceParsingTest.DMN_AGAINST_THE_SCHEMA);
    broken.forEach((file, text) -> {
      Http.Response response = ModelerDeploy.deploy(fenxi(), "有错误的模型",
          Map.of(file, text.getBytes(StandardCharsets.UTF_8)));
      assertThat(response.status()).as(file + ": " + response.body()).isEqualTo(400);
      assertThat(response.json().get("message").asText()).as(file)
          .startsWith("部署被拒绝，未部署任何文件：" + file + "：不符合 " + (file.endsWith(".bpmn") ? "BPMN 2.0" : "DMN") + " 规范（第 ")
          .contains(file.endsWith(".bpmn") ? "'1start' 不是 'NCName' 的有效值" : "unknownEntry")
          .doesNotContain("Exception", "ENGINE-");
    });
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
  }

  private Http fenxi() {
    return Http.basic(port, "fenxi", "demo");
  }

  private Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  private static byte[] edited(String path, String... fromTo) throws IOException {
    String text = Files.readString(Path.of(path));
    for (int i = 0; i < fromTo.length; i += 2) {
      assertThat(text).contains(fromTo[i]);
      text = text.replace(fromTo[i], fromTo[i + 1]);
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode deploy(String name, Map<String, byte[]> files) {
    Http.Response response = ModelerDeploy.deploy(fenxi(), name, files);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    deployments.add(response.json().get("id").asText());
    return response.json();
  }

  private int latestVersion(String decisionKey) {
    return engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
        .latestVersion().singleResult().getVersion();
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return Map.of("variables", vars);
  }

  private String register(String number, String category, String start) {
    Http.Response registered = as("zhengfu").postJson(REGISTER, vars("decisionNumber", number, "decisionTitle",
        "济源市规则变更测试决策", "decisionCategory", category, "broadImpact", false, "implementationStart", start,
        "implementationEnd", "", "executingUnit", "exec-zjj", "superiorMandated", false));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    return registered.json().get("id").asText();
  }

  private String requestWithOpinions(String number, int opinions) {
    Http.Response submitted = as("sifa").postJson(REQUEST, vars("decisionNumber", number, "requestReason",
        "PUBLIC_OPINIONS", "publicOpinionCount", opinions, "requestDescription", "群众意见较多"));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    return submitted.json().get("id").asText();
  }

  private Task refusal(String requestId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(requestId).taskDefinitionKey("Task_Refused")
        .singleResult();
  }

  @Test
  void aLowerOpinionThresholdDeployedFromModelerGovernsTheNextRequests() throws IOException {
    int before = latestVersion("evaluationTrigger");
    JsonNode deployed = deploy("公众意见门槛调整为10条", Map.of("evaluationTrigger.dmn", edited("dmn/evaluationTrigger.dmn",
        "<text>&gt;= 20</text>", "<text>&gt;= 10</text>", "公众意见不足 20 条", "公众意见不足 10 条")));
    assertThat(latestVersion("evaluationTrigger")).isEqualTo(before + 1);

    String number = DecisionNumbers.unique();
    String tracking = register(number, "OTHER", "2026-01-01");
    String accepted = requestWithOpinions(number, 15);
    assertThat(refusal(accepted)).isNull();
    Jobs.drain(engine, number);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking).count())
        .as("15 opinions start an evaluation under the new threshold").isEqualTo(1);

    String refused = requestWithOpinions(number, 9);
    Task task = refusal(refused);
    assertThat(task).isNotNull();
    String text = (String) engine.getRuntimeService().getVariable(refused, "requestRefusalText");
    assertThat(text).contains("不足 10 条", "本次申请填写的公众意见为 9 条").doesNotContain("20");

    // the version applied is on record for this decision, and the rule history names who deployed it (Art. 27)
    JsonNode applied = as("ducha").get("/api/rules/applied/" + Http.encode(number)).json();
    List<String> triggers = new ArrayList<>();
    applied.forEach(a -> {
      if (a.get("decisionKey").asText().equals("evaluationTrigger")) {
        triggers.add(a.get("version").asText());
      }
    });
    assertThat(triggers).containsExactly(String.valueOf(before + 1), String.valueOf(before + 1));
    // and the evaluation report names it (section 四)
    assertThat(appliedRules.describe(number)).anyMatch(r -> r.endsWith("（evaluationTrigger）第 " + (before + 1) + " 版"));
    JsonNode rules = fenxi().get("/api/rules").json();
    JsonNode trigger = null;
    for (JsonNode rule : rules) {
      if (rule.get("decisionKey").asText().equals("evaluationTrigger")) {
        trigger = rule;
      }
    }
    assertThat(trigger).isNotNull();
    assertThat(trigger.get("latestVersion").asInt()).isEqualTo(before + 1);
    JsonNode newest = trigger.get("versions").get(0);
    assertThat(newest.get("deployedBy").asText()).isEqualTo("fenxi");
    assertThat(newest.get("deploymentName").asText()).isEqualTo("公众意见门槛调整为10条");
    assertThat(newest.get("deploymentId").asText()).isEqualTo(deployed.get("id").asText());
    assertThat(newest.get("deploymentTime").isNull()).isFalse();
    assertThat(trigger.get("versions").get(1).get("deployedBy").asText()).isEqualTo(RuleVersions.SYSTEM_DEPLOYER);
  }

  @Test
  void aSixMonthExecutionEvaluationForReformsAppliesToNewRegistrationsOnly() throws IOException {
    LocalDate start = BeijingClock.INSTANCE.today().minusMonths(3);
    String earlier = DecisionNumbers.unique();
    String earlierTracking = register(earlier, "REFORM", start.toString());

    deploy("重大改革事项执行评估提前至6个月", Map.of("evaluationSchedule.dmn", edited("dmn/evaluationSchedule.dmn",
        "<outputEntry id=\"rule_executionReform_dueMonths\"><text>12</text>",
        "<outputEntry id=\"rule_executionReform_dueMonths\"><text>6</text>")));
    String later = DecisionNumbers.unique();
    String laterTracking = register(later, "REFORM", start.toString());

    assertThat(timer(laterTracking)).isEqualTo(start.plusMonths(6).atStartOfDay(BeijingClock.ZONE).toInstant());
    // the README's promise: a registration keeps the schedule it was given (no rule applies backwards)
    assertThat(timer(earlierTracking)).isEqualTo(start.plusMonths(12).atStartOfDay(BeijingClock.ZONE).toInstant());
  }

  private java.time.Instant timer(String trackingId) {
    List<Job> timers = engine.getManagementService().createJobQuery().processInstanceId(trackingId).timers().list();
    assertThat(timers).hasSize(1);
    return timers.get(0).getDuedate().toInstant();
  }

  @Test
  void aModelThatWouldBreakTheSystemIsRefusedAndNothingIsDeployed() throws IOException {
    long deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
    int triggerBefore = latestVersion("evaluationTrigger");
    Map<String, String> refusals = new LinkedHashMap<>();
    refusals.put("evaluationTrigger.dmn", "缺少约定的输出“refusalReason”");
    Map<String, Map<String, byte[]>> broken = new LinkedHashMap<>();
    broken.put("evaluationTrigger.dmn", Map.of("evaluationTrigger.dmn", edited("dmn/evaluationTrigger.dmn",
        "name=\"refusalReason\"", "name=\"reason\"")));
    broken.put("no history time to live", Map.of("measures-revision.bpmn", edited("processes/measures-revision.bpmn",
        "camunda:historyTimeToLive=\"P10958D\"", "")));
    refusals.put("no history time to live", "未设置历史记录保存期限（historyTimeToLive）");
    broken.put("unknown form", Map.of("measures-revision.bpmn", edited("processes/measures-revision.bpmn",
        "camunda:formRef=\"measures-revision\"", "camunda:formRef=\"no-such-form\"")));
    refusals.put("unknown form", "引用的表单“no-such-form”既不在本次部署中，也未部署过");
    broken.put("form component", Map.of("report-progress.form", edited("forms/report-progress.form",
        "\"type\": \"textarea\"", "\"type\": \"filepicker\"")));
    refusals.put("form component", "表单组件类型“filepicker”");

    for (Map.Entry<String, Map<String, byte[]>> model : broken.entrySet()) {
      Http.Response response = ModelerDeploy.deploy(fenxi(), "有错误的模型", model.getValue());
      assertThat(response.status()).as(model.getKey() + ": " + response.body()).isEqualTo(400);
      String message = response.json().get("message").asText();
      assertThat(message).as(model.getKey()).startsWith("部署被拒绝，未部署任何文件：").contains(refusals.get(model.getKey()))
          .doesNotContain("Exception", "ENGINE-");
    }
    // the webapps' engine API is the same engine, and the same check: an analyst logged into Cockpit
    Http cockpit = Http.anonymous(port);
    cockpit.get("/camunda/app/cockpit/default/");
    Http.Response login = cockpit.send(cockpit.request("/camunda/api/admin/auth/user/default/login/cockpit")
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", cockpit.cookie("XSRF-TOKEN"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.form(Map.of("username", "fenxi", "password", "demo")))));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    String csrf = cockpit.get("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN");
    Http.Response viaWebapp = ModelerDeploy.deploy(cockpit, "/camunda/api/engine/engine/default/deployment/create",
        "有错误的模型", broken.get("evaluationTrigger.dmn"), csrf);
    assertThat(viaWebapp.status()).as(viaWebapp.body()).isEqualTo(400);
    assertThat(viaWebapp.json().get("message").asText()).contains("缺少约定的输出“refusalReason”");
    assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(latestVersion("evaluationTrigger")).isEqualTo(triggerBefore);
  }

  @Test
  void aProcessDeployedAloneKeepsItsForms() throws IOException {
    JsonNode deployed = deploy("只部署评估申请流程", Map.of("evaluation-request.bpmn", edited("processes/evaluation-request.bpmn",
        "name=\"评估申请未受理\"", "name=\"评估申请未受理\" camunda:priority=\"60\"")));
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployed.get("id").asText()).singleResult().getId();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("evaluation-request")
        .latestVersion().singleResult().getId()).isEqualTo(definitionId);

    String number = DecisionNumbers.unique();
    register(number, "OTHER", "2026-01-01");
    String request = requestWithOpinions(number, 1);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(request).singleResult()
        .getProcessDefinitionId()).isEqualTo(definitionId);
    Task task = refusal(request);
    Http.Response form = as("sifa").get("/engine-rest/task/" + task.getId() + "/deployed-form");
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    assertThat(form.json().get("id").asText()).isEqualTo("request-refused");
  }

  @Test
  void onlyAnalystsTheLegalOfficeAndSupervisionReadTheRuleHistory() {
    for (String reader : List.of("fenxi", "sifa", "ducha")) {
      Http.Response rules = as(reader).get("/api/rules");
      assertThat(rules.status()).as(reader).isEqualTo(200);
      assertThat(rules.json().findValuesAsText("decisionKey")).containsExactlyElementsOf(ContractDecisions.ids());
    }
    for (String other : List.of("zhengfu", "jyj", "jigou", "zhuanjia1")) {
      Http.Response refused = as(other).get("/api/rules");
      assertThat(refused.status()).as(other).isEqualTo(403);
      assertThat(refused.json().get("message").asText()).contains("流程分析员");
    }
  }
}
