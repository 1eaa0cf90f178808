package cn.jiyuan.decisionreview.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.TestProcesses;
import cn.jiyuan.decisionreview.tracking.RequestElements;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A completion or a start writes only what its deployed form declares, who-did-it variables
 * come from the authenticated user, and text is bounded and free of control characters — on /engine-rest, on
 * Tasklist's /camunda/api/engine and through the engine API for an authenticated user.
 */
@IntegrationTest
class FormSubmissionIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  private static String number() {
    return DecisionNumbers.unique();
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      Object value = pairs[i + 1];
      vars.put((String) pairs[i], value instanceof Map<?, ?> typed ? typed : Map.of("value", value));
    }
    return Map.of("variables", vars);
  }

  private static Map<String, Object> json(Object value) {
    return Map.of("value", FormValues.toJson(value), "type", "Json");
  }

  private static Map<String, Object> pdf(String name) {
    return Map.of("value", Base64.getEncoder().encodeToString("%PDF-1.7 材料".getBytes(StandardCharsets.UTF_8)),
        "type", "File", "valueInfo", Map.of("filename", name, "mimetype", "application/pdf"));
  }

  private Object[] materials(Object... extra) {
    Object[] base = {EvaluationVariables.materialFile(1), pdf("进度台账.pdf"), EvaluationVariables.IMPLEMENTATION_DATA.name(), "已完成 38 个小区\n其余在建",
        EvaluationVariables.IMPLEMENTATION_PROBLEMS.name(), "资金拨付慢", EvaluationVariables.IMPLEMENTATION_RISKS.name(), "无", EvaluationVariables.IMPLEMENTATION_SUGGESTIONS.name(), "建立直达机制"};
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /** A simplified self-evaluation by the legal office of an fgw decision, now at 提供实施情况材料 (embedded form). */
  private EvaluationScenario atMaterials() {
    return EvaluationScenario.start(engine, number(), "exec-fgw").determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null);
  }

  private String taskId(EvaluationScenario evaluation, String key) {
    return evaluation.task(key).getId();
  }

  private String message(Http.Response response) {
    return response.json().get("message").asText();
  }

  @Test
  void aCompletionThroughAnyEndpointMayWriteOnlyWhatTheEmbeddedFormDeclares() {
    EvaluationScenario evaluation = atMaterials();
    String pid = evaluation.instance.getId();
    String task = taskId(evaluation, TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED);
    Object[] injected = materials(EvaluationVariables.EVALUATOR_GROUP.name(), "exec-fgw", EvaluationVariables.DECISION_TITLE.name(), "被篡改的标题");

    Http fgw = as("fgw");
    for (String endpoint : List.of("/submit-form", "/complete")) {
      Http.Response refused = fgw.postJson("/engine-rest/task/" + task + endpoint, vars(injected));
      assertThat(refused.status()).as(endpoint + ": " + refused.body()).isEqualTo(400);
      assertThat(message(refused)).contains("“evaluatorGroup”", "“decisionTitle”").doesNotContain("Exception");
    }
    // resolve and BPMN error also set variables on the task's way out
    Http.Response resolve = fgw.postJson("/engine-rest/task/" + task + "/resolve", vars(injected));
    assertThat(resolve.status()).as(resolve.body()).isEqualTo(400);
    assertThat(message(resolve)).contains("“evaluatorGroup”");
    Http.Response error = fgw.postJson("/engine-rest/task/" + task + "/bpmnError",
        Map.of("errorCode", "E1", "variables", vars(injected).get("variables")));
    assertThat(error.status()).as(error.body()).isEqualTo(400);
    assertThat(message(error)).contains("“evaluatorGroup”");

    Http tasklist = Http.webappSession(port, "fgw", "demo");
    Http.Response webapp = tasklist.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form", vars(injected));
    assertThat(webapp.status()).as(webapp.body()).isEqualTo(400);
    assertThat(message(webapp)).contains("“evaluatorGroup”");

    // nothing was written, the task is still open, no material was stored
    assertThat(taskId(evaluation, TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED)).isEqualTo(task);
    assertThat(evaluation.var(EvaluationVariables.EVALUATOR_GROUP.name())).isEqualTo("legal-affairs");
    assertThat(evaluation.var(EvaluationVariables.DECISION_TITLE.name())).isEqualTo("济源市中小学课后服务实施方案");
    assertThat(as("fgw").get("/api/evaluations/" + pid + "/materials").json()).isEmpty();

    // what the form declares goes through
    Http.Response ok = tasklist.postJson("/camunda/api/engine/engine/default/task/" + task + "/submit-form", vars(materials()));
    assertThat(ok.status()).as(ok.body()).isEqualTo(204);
    assertThat(evaluation.var(EvaluationVariables.EVALUATOR_GROUP.name())).isEqualTo("legal-affairs");
    assertThat(as("fgw").get("/api/evaluations/" + pid + "/materials").json()).hasSize(1);
  }

  @Test
  void aCamundaFormsListItemsMayCarryOnlyTheListsOwnFields() {
    EvaluationScenario evaluation = atMaterials();
    String task = taskId(evaluation, TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED);
    Http sifa = as("sifa");
    Map<String, Object> item = new LinkedHashMap<>(Map.of("channel", "SYMPOSIUM", "date", "2026-10-12",
        "participants", 25, "summary", "家长代表座谈"));

    Map<String, Object> smuggled = new LinkedHashMap<>(item);
    smuggled.put(EvaluationVariables.EVALUATOR_GROUP.name(), "exec-fgw");
    Http.Response nested = sifa.postJson("/engine-rest/task/" + task + "/submit-form", vars(EvaluationVariables.CONSULTATIONS.name(), json(List.of(smuggled))));
    assertThat(nested.status()).isEqualTo(400);
    assertThat(message(nested)).contains("“征求意见记录”第 1 项含有表单中没有的一项“evaluatorGroup”");

    Map<String, Object> tooLong = new LinkedHashMap<>(item);
    tooLong.put("summary", "长".repeat(5001));
    Http.Response longText = sifa.postJson("/engine-rest/task/" + task + "/submit-form", vars(EvaluationVariables.CONSULTATIONS.name(), json(List.of(item, tooLong))));
    assertThat(longText.status()).isEqualTo(400);
    assertThat(message(longText)).contains("“征求意见记录”第 2 项的“主要情况”不能超过 5000 个字");

    Http.Response undeclared = sifa.postJson("/engine-rest/task/" + task + "/submit-form",
        vars(EvaluationVariables.CONSULTATIONS.name(), json(List.of(item)), EvaluationVariables.PROCEDURE_TYPE.name(), "FULL"));
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(message(undeclared)).contains("“procedureType”");
    assertThat(evaluation.var(EvaluationVariables.PROCEDURE_TYPE.name())).isEqualTo("SIMPLIFIED");
    assertThat(taskId(evaluation, TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED)).isEqualTo(task);

    assertThat(sifa.postJson("/engine-rest/task/" + task + "/submit-form", vars(EvaluationVariables.CONSULTATIONS.name(), json(List.of(item))))
        .status()).isEqualTo(204);
  }

  @Test
  void textIsBoundedByItsFieldAndFreeOfControlCharacters() {
    EvaluationScenario evaluation = atMaterials();
    String task = taskId(evaluation, TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED);
    Http.Response longTextarea = as("fgw").postJson("/engine-rest/task/" + task + "/submit-form",
        vars(materials(EvaluationVariables.IMPLEMENTATION_PROBLEMS.name(), "问".repeat(5001))));
    assertThat(longTextarea.status()).isEqualTo(400);
    assertThat(message(longTextarea)).contains("“存在的问题”不能超过 5000 个字（现为 5001 个字）");
    Http.Response bell = as("fgw").postJson("/engine-rest/task/" + task + "/submit-form",
        vars(materials(EvaluationVariables.IMPLEMENTATION_RISKS.name(), "风险\u0007")));
    assertThat(bell.status()).isEqualTo(400);
    assertThat(message(bell)).contains("“存在的风险”含有不允许的控制字符（U+0007）");
    Http.Response fileName = as("fgw").postJson("/engine-rest/task/" + task + "/submit-form",
        vars(materials("materialFile2", pdf("台账\u0000.pdf"))));
    assertThat(fileName.status()).isEqualTo(400);
    assertThat(message(fileName)).contains("“材料文件 2（可选）”的文件名含有不允许的控制字符");

    String number = number();
    Map<String, Object> registration = new LinkedHashMap<>(Map.of(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.DECISION_CATEGORY.name(), "POLICY",
        TrackingVariables.IMPLEMENTATION_START.name(), "2026-07-01", TrackingVariables.EXECUTING_UNIT.name(), "exec-fgw"));
    registration.put(TrackingVariables.DECISION_TITLE.name(), "规".repeat(201));
    Http.Response longTitle = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars(flat(registration)));
    assertThat(longTitle.status()).isEqualTo(400);
    assertThat(message(longTitle)).contains("“决策名称”不能超过 200 个字");
    registration.put(TrackingVariables.DECISION_TITLE.name(), "标题\u0000注入");
    Http.Response nul = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/start",
        vars(flat(registration)));
    assertThat(nul.status()).isEqualTo(400);
    assertThat(message(nul)).contains("“决策名称”含有不允许的控制字符（U+0000）");
    assertThat(as("zhengfu").get("/api/decisions/" + Http.encode(number)).status()).isEqualTo(404);

    // a form's own validate.maxLength (agency name: 255) replaces the default of 200
    Http.Response agency = as("sifa").postJson("/engine-rest/process-definition/key/agency-registration/submit-form",
        vars(EvaluationVariables.AGENCY_ID.name(), "it-" + UUID.randomUUID().toString().substring(0, 6), EvaluationVariables.AGENCY_NAME.name(), "机".repeat(256),
            "agencyType", "UNIVERSITY"));
    assertThat(agency.status()).isEqualTo(400);
    assertThat(message(agency)).contains("不能超过 255 个字");
  }

  private static Object[] flat(Map<String, Object> map) {
    return map.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
  }

  @Test
  void requestedByIsTheAuthenticatedUserNeverTheRequest() {
    String number = number();
    Http.Response registered = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.DECISION_TITLE.name(), "济源市产业扶持政策", TrackingVariables.DECISION_CATEGORY.name(), "POLICY",
            TrackingVariables.IMPLEMENTATION_START.name(), "2026-07-01", TrackingVariables.EXECUTING_UNIT.name(), "exec-fgw"));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);

    // jyj (education bureau) asks about fgw's decision in the legal office's name
    for (String endpoint : List.of("submit-form", "start")) {
      Http.Response forged = as("jyj").postJson("/engine-rest/process-definition/key/evaluation-request/" + endpoint,
          vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.REQUEST_REASON.name(), "EXECUTOR_APPLICATION", TrackingVariables.REQUEST_DESCRIPTION.name(), "以司法局名义申请",
              "requestedBy", "sifa"));
      assertThat(forged.status()).as(endpoint + ": " + forged.body()).isEqualTo(400);
      assertThat(message(forged)).contains("“requestedBy”", "当前登录用户");
    }
    // without the forged name the server knows who asks, and refuses another unit's decision
    Http.Response own = as("jyj").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.REQUEST_REASON.name(), "EXECUTOR_APPLICATION", TrackingVariables.REQUEST_DESCRIPTION.name(), "申请"));
    assertThat(own.status()).isEqualTo(400);
    assertThat(message(own)).contains("本单位");
    assertThat(as("sifa").get("/engine-rest/history/process-instance?processDefinitionKey=evaluation-request&processInstanceBusinessKey="
        + Http.encode(number)).json()).isEmpty();

    Http.Response accepted = as("fgw").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.REQUEST_REASON.name(), "EXECUTOR_APPLICATION", TrackingVariables.REQUEST_DESCRIPTION.name(), "目标设置偏高"));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    Jobs.drain(engine, number); // the request reaches tracking in a job
    JsonNode requests = as("fgw").get("/api/decisions/" + Http.encode(number)).json().get("requests");
    assertThat(requests.findValuesAsText("requestedBy")).containsExactly("fgw");
  }

  @Test
  void aStartFormDeclaresWhatAStartMayCarryAndStartingMidProcessIsForAdmins() {
    String number = number();
    Http.Response extra = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.DECISION_TITLE.name(), "济源市产业扶持政策", TrackingVariables.DECISION_CATEGORY.name(), "POLICY",
            TrackingVariables.IMPLEMENTATION_START.name(), "2026-07-01", TrackingVariables.EXECUTING_UNIT.name(), "exec-fgw", TrackingVariables.TRACKING_STATUS.name(), "TERMINATED"));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(message(extra)).contains("“trackingStatus”");
    assertThat(as("zhengfu").get("/api/decisions/" + Http.encode(number)).status()).isEqualTo(404);

    // start instructions skip the start event and its checks: refused for staff, whatever they carry
    Http.Response midway = as("jyj").postJson("/engine-rest/process-definition/key/evaluation-request/start", Map.of(
        "businessKey", number, "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", RequestElements.DELIVER)),
        "skipCustomListeners", true));
    assertThat(midway.status()).as(midway.body()).isEqualTo(403);
    assertThat(message(midway)).contains("开始表单");
    assertThat(as("sifa").get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + Http.encode(number)).json()).isEmpty();
  }

  @Test
  void variableEndpointsNeedPermissionsThatStaffDoNotHave() {
    EvaluationScenario evaluation = atMaterials();
    String pid = evaluation.instance.getId();
    String task = taskId(evaluation, TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED);
    Http fgw = as("fgw");
    Map<String, Object> value = Map.of("value", "exec-fgw");
    List<Http.Response> attempts = List.of(
        fgw.putJson("/engine-rest/task/" + task + "/variables/evaluatorGroup", value),
        fgw.postJson("/engine-rest/task/" + task + "/variables", Map.of("modifications", Map.of(EvaluationVariables.EVALUATOR_GROUP.name(), value))),
        fgw.putJson("/engine-rest/task/" + task + "/localVariables/evaluatorGroup", value),
        fgw.postJson("/engine-rest/task/" + task + "/localVariables", Map.of("modifications", Map.of(EvaluationVariables.EVALUATOR_GROUP.name(), value))),
        fgw.putJson("/engine-rest/process-instance/" + pid + "/variables/evaluatorGroup", value),
        fgw.postJson("/engine-rest/process-instance/" + pid + "/variables", Map.of("modifications", Map.of(EvaluationVariables.EVALUATOR_GROUP.name(), value))),
        fgw.putJson("/engine-rest/execution/" + pid + "/localVariables/evaluatorGroup", value),
        fgw.postJson("/engine-rest/process-instance/" + pid + "/modification", Map.of("instructions",
            List.of(Map.of("type", "startBeforeActivity", "activityId", TaskKeys.ANALYSIS_SIMPLIFIED,
                "variables", Map.of(EvaluationVariables.EVALUATOR_GROUP.name(), value))))));
    for (Http.Response attempt : attempts) {
      assertThat(attempt.status()).as(attempt.body()).isEqualTo(403);
    }
    assertThat(evaluation.var(EvaluationVariables.EVALUATOR_GROUP.name())).isEqualTo("legal-affairs");
    assertThat(engine.getTaskService().getVariableLocal(task, EvaluationVariables.EVALUATOR_GROUP.name())).isNull();

    // A message carries variables into the process it reaches: the executing unit cannot start its own evaluation
    // with a chosen evaluation type and article by correlating the tracking's EvaluationRequested message.
    String number = number();
    assertThat(as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.DECISION_TITLE.name(), "济源市产业扶持政策", TrackingVariables.DECISION_CATEGORY.name(), "POLICY",
            TrackingVariables.IMPLEMENTATION_START.name(), "2026-07-01", TrackingVariables.EXECUTING_UNIT.name(), "exec-fgw")).status()).isEqualTo(200);
    Http.Response message = fgw.postJson("/engine-rest/message", Map.of("messageName", "EvaluationRequested",
        "businessKey", number, "processVariables", Map.of(EvaluationVariables.EVALUATION_TYPE.name(), Map.of("value", "FINAL"),
            EvaluationVariables.LEGAL_BASIS.name(), Map.of("value", "伪造的依据"))));
    assertThat(message.status()).as(message.body()).isEqualTo(403);
    assertThat(message(message)).contains("不能直接发送消息或信号");
    // a signal nobody waits for is no permission question for Camunda: it would pass, with its variables
    Http.Response signal = fgw.postJson("/engine-rest/signal", Map.of("name", "EvaluationRequested",
        "variables", Map.of(EvaluationVariables.EVALUATION_TYPE.name(), Map.of("value", "FINAL"))));
    assertThat(signal.status()).as(signal.body()).isEqualTo(403);
    assertThat(as("sifa").get("/engine-rest/process-instance?processDefinitionKey=post-evaluation&businessKey="
        + Http.encode(number)).json()).isEmpty();
  }

  @Test
  void theEngineApiCalledForAUserIsHeldToTheFormButEngineWorkIsNot() {
    ProcessInstance unitTask = TestProcesses.startUnitTask(engine, "exec-fgw", "form-guard-" + UUID.randomUUID());
    String task = engine.getTaskService().createTaskQuery().processInstanceId(unitTask.getId()).singleResult().getId();
    asUser("fgw", () -> {
      assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("unit", "exec-jyj")))
          .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("“unit”");
      assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task, Map.of("unit", "exec-jyj")))
          .isInstanceOf(FormFieldValidationException.class);
    });
    assertThat(engine.getRuntimeService().getVariable(unitTask.getId(), "unit")).isEqualTo("exec-fgw");
    // the same call without an authenticated user is the engine's own work (delegates, demo data, tests)
    engine.getTaskService().complete(task, Map.of("unit", "exec-jyj", "note", "系统写入"));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(unitTask.getId())
        .variableName("note").singleResult().getValue()).isEqualTo("系统写入");
  }

  @Test
  void aFieldAnAnalystAddsToADeployedFormIsAcceptedWithoutACodeChange() {
    String key = "it-form-guard-" + UUID.randomUUID().toString().substring(0, 8);
    String v1 = deploy(key, "{\"id\":\"" + key + "\",\"type\":\"default\",\"components\":["
        + "{\"type\":\"textfield\",\"key\":\"note\",\"label\":\"说明\"}]}");
    String v2 = deploy(key, "{\"id\":\"" + key + "\",\"type\":\"default\",\"components\":["
        + "{\"type\":\"textfield\",\"key\":\"note\",\"label\":\"说明\"},"
        + "{\"type\":\"textarea\",\"key\":\"reason\",\"label\":\"理由\",\"validate\":{\"maxLength\":10}}]}");
    String first = startAndTask(v1);
    String second = startAndTask(v2);
    Http fgw = as("fgw");

    Http.Response old = fgw.postJson("/engine-rest/task/" + first + "/submit-form", vars("note", "好", "reason", "新字段"));
    assertThat(old.status()).isEqualTo(400);
    assertThat(message(old)).contains("“reason”");
    Http.Response tooLong = fgw.postJson("/engine-rest/task/" + second + "/submit-form", vars("reason", "理".repeat(11)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(message(tooLong)).contains("“理由”不能超过 10 个字");
    assertThat(fgw.postJson("/engine-rest/task/" + second + "/submit-form", vars("note", "好", "reason", "新字段")).status())
        .isEqualTo(204);
    assertThat(fgw.postJson("/engine-rest/task/" + first + "/submit-form", vars("note", "好")).status()).isEqualTo(204);

    // an embedded form in the deployment declares its cam-variable-names in the same way
    String html = key + ".html";
    String process = engine.getRepositoryService().createDeployment().name("it-form-guard")
        .addString(html, "<form><label for=c>备注</label><textarea id=c cam-variable-name=comment></textarea></form>")
        .addModelInstance(key + "-html.bpmn", Bpmn.createExecutableProcess(key + "-html").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Task_Html").camundaCandidateGroups("exec-fgw").camundaFormKey("embedded:deployment:" + html)
            .endEvent().done())
        .deploy().getId();
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(process).singleResult().getId();
    String htmlTask = startAndTask(definition);
    assertThat(fgw.postJson("/engine-rest/task/" + htmlTask + "/submit-form", vars("comment", "好", "x", 1)).status())
        .isEqualTo(400);
    assertThat(fgw.postJson("/engine-rest/task/" + htmlTask + "/submit-form", vars("comment", "多行\n备注")).status())
        .isEqualTo(204);
  }

  private String deploy(String key, String formJson) {
    String deployment = engine.getRepositoryService().createDeployment().name("it-form-guard")
        .addString(key + ".form", formJson)
        .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
            .userTask("Task_Form").camundaCandidateGroups("exec-fgw").camundaFormRef(key).camundaFormRefBinding("deployment")
            .endEvent().done())
        .deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
  }

  private String startAndTask(String processDefinitionId) {
    String pid = engine.getRuntimeService().startProcessInstanceById(processDefinitionId).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult().getId();
  }

  private void asUser(String user, Runnable work) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
