package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One decision is tracked once. Numbers in any bracket, space or width spelling are one number,
 * the primary key of dr_decision (not a query) decides a race, the loser gets the sequential refusal and leaves
 * nothing; an ended tracking keeps its number, a deleted one gives it back; existing trackings are backfilled.
 * Runs on H2 in verify, and on PostgreSQL when SPRING_DATASOURCE_URL points at one (.ci/run).
 */
@IntegrationTest
class DecisionNumberIT {

  static final String START = "/engine-rest/process-definition/key/decision-tracking/start";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  /** An issuing-organ code of its own per test run, so that numbers never collide with other tests'. */
  static String organ() {
    Random random = new Random();
    StringBuilder s = new StringBuilder("济测");
    for (int i = 0; i < 6; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }

  private Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  static Map<String, Object> registration(String number) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("decisionNumber", Map.of("value", number));
    vars.put("decisionTitle", Map.of("value", "济源市数字政府建设实施方案"));
    vars.put("decisionCategory", Map.of("value", "OTHER"));
    vars.put("broadImpact", Map.of("value", false));
    vars.put("implementationStart", Map.of("value", "2026-07-01"));
    vars.put("executingUnit", Map.of("value", "exec-fgw"));
    return Map.of("variables", vars);
  }

  static String duplicateRefusal(String canonical) {
    return "决策文号“" + canonical + "”已在跟踪中，不能重复登记。";
  }

  long runningTrackings(String canonical) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("decision-tracking")
        .processInstanceBusinessKey(canonical).count();
  }

  long historicTrackings(String canonical) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("decision-tracking")
        .processInstanceBusinessKey(canonical).count();
  }

  List<Map<String, Object>> rows(String canonical) {
    return jdbc.queryForList("SELECT process_instance_id, status FROM dr_decision WHERE decision_number = ?", canonical);
  }

  String rowInstance(String canonical) {
    List<Map<String, Object>> rows = rows(canonical);
    assertThat(rows).as("dr_decision row of " + canonical).hasSize(1);
    return (String) rows.get(0).get("process_instance_id");
  }

  @Test
  void twentyConcurrentPairsGiveExactlyOneTrackingEachAndTheLoserTheSequentialRefusal() throws Exception {
    String organ = organ();
    int pairs = 20;
    List<String> canonical = new ArrayList<>();
    List<String[]> spellings = new ArrayList<>();
    for (int i = 1; i <= pairs; i++) {
      String year = "〔2027〕" + i + "号";
      canonical.add(organ + year);
      spellings.add(switch (i % 5) {
        case 0 -> new String[] {organ + year, organ + year}; // the same spelling twice
        case 1 -> new String[] {organ + "[2027]" + i + "号", organ + year};
        case 2 -> new String[] {organ + " 〔2027〕 " + i + "号", organ + "【2027】" + i + "号"};
        case 3 -> new String[] {organ + "［２０２７］" + i + "号", organ + "(2027)" + i + "号"};
        default -> new String[] {organ + "〔2027〕第" + i + "号", " " + organ + "[2027]0" + i + "号 "};
      });
    }
    ExecutorService pool = Executors.newFixedThreadPool(2 * pairs);
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<Http.Response>> first = new ArrayList<>();
    List<Future<Http.Response>> second = new ArrayList<>();
    try {
      for (String[] pair : spellings) {
        first.add(pool.submit(() -> {
          gate.await();
          return as("zhengfu").postJson(START, registration(pair[0]));
        }));
        second.add(pool.submit(() -> {
          gate.await();
          return as("sifa").postJson(START, registration(pair[1]));
        }));
      }
      gate.countDown();
      for (int i = 0; i < pairs; i++) {
        Http.Response a = first.get(i).get(120, TimeUnit.SECONDS);
        Http.Response b = second.get(i).get(120, TimeUnit.SECONDS);
        String number = canonical.get(i);
        assertThat(List.of(a.status(), b.status())).as(number + ": " + a.body() + " / " + b.body())
            .containsExactlyInAnyOrder(200, 400);
        Http.Response winner = a.status() == 200 ? a : b;
        Http.Response loser = a.status() == 200 ? b : a;
        assertThat(winner.json().get("businessKey").asText()).isEqualTo(number);
        assertThat(loser.json().get("message").asText()).isEqualTo(duplicateRefusal(number));
        // Nothing of the loser stays behind: one instance, in runtime and in history, one row, the winner's.
        String winnerId = winner.json().get("id").asText();
        assertThat(runningTrackings(number)).as(number).isEqualTo(1);
        assertThat(historicTrackings(number)).as(number).isEqualTo(1);
        assertThat(rowInstance(number)).isEqualTo(winnerId);
      }
    } finally {
      pool.shutdownNow();
    }

    // A sequential duplicate, in yet another spelling, gets the very same refusal, from /engine-rest ...
    String number = canonical.get(0);
    Http.Response sequential = as("sifa").postJson(START, registration(organ + "【２０２７】１号"));
    assertThat(sequential.status()).isEqualTo(400);
    assertThat(sequential.json().get("message").asText()).isEqualTo(duplicateRefusal(number));
    // ... and from Tasklist's own API.
    Http tasklist = Http.webappSession(port, "zhengfu", "demo");
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("decision-tracking")
        .latestVersion().singleResult().getId();
    Http.Response fromTasklist = tasklist.postJson("/camunda/api/engine/engine/default/process-definition/" + definition
        + "/submit-form", registration(organ + " [2027] 1号"));
    assertThat(fromTasklist.status()).as(fromTasklist.body()).isEqualTo(400);
    // (Tasklist's API puts "Cannot instantiate process definition …: " before every start-form refusal.)
    assertThat(fromTasklist.json().get("message").asText()).endsWith(duplicateRefusal(number));
    assertThat(runningTrackings(number)).isEqualTo(1);
    assertThat(historicTrackings(number)).isEqualTo(1);

    // The registry answers for any spelling with the canonical number.
    JsonNode decision = as("sifa").get("/api/decisions/" + Http.encode(organ + "[2027]1号")).json();
    assertThat(decision.get("decisionNumber").asText()).isEqualTo(number);
    assertThat(decision.get("trackingProcessInstanceId").asText()).isEqualTo(rowInstance(number));
    assertThat(as("sifa").get("/api/decisions/" + Http.encode(organ + "【２０２７】1号")).status()).isEqualTo(200);
  }

  @Test
  void aRequestFindsItsDecisionInAnySpelling() {
    String organ = organ();
    String number = organ + "〔2027〕5号";
    assertThat(as("zhengfu").postJson(START, registration(organ + "[2027]5号")).status()).isEqualTo(200);
    Http.Response request = as("sifa").postJson("/engine-rest/process-definition/key/evaluation-request/start",
        Map.of("variables", Map.of("decisionNumber", Map.of("value", organ + " 【２０２７】 5号"),
            "requestReason", Map.of("value", "AUTHORITY_DEEMS_NECESSARY"), "requestDescription", Map.of("value", "有必要评估"))));
    assertThat(request.status()).as(request.body()).isEqualTo(200);
    assertThat(request.json().get("businessKey").asText()).isEqualTo(number);
    Jobs.drain(engine, number);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("post-evaluation")
        .processInstanceBusinessKey(number).count()).isEqualTo(1);
  }

  @Test
  void anEndedTrackingKeepsItsNumberAndADeletedOneGivesItBack() {
    String organ = organ();
    // Ended (Art. 16 TERMINATE): the row stays, the number cannot be registered again.
    String ended = organ + "〔2027〕1号";
    ProcessInstance terminated = registerAndTerminate(organ + "[2027]1号");
    assertThat(rows(ended)).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("TERMINATED"));
    Http.Response again = as("zhengfu").postJson(START, registration(organ + "【2027】1号"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().get("message").asText()).isEqualTo("决策文号“" + ended
        + "”已登记，其跟踪已结束（已终止），同一文号不能再次登记；重新作出的决策请以新的文号登记。");
    assertThat(rowInstance(ended)).isEqualTo(terminated.getId());
    assertThat(historicTrackings(ended)).isEqualTo(1);

    // Deleted by an administrator (even skipping listeners): the number is free again.
    String mistaken = organ + "〔2027〕2号";
    Http.Response first = as("zhengfu").postJson(START, registration(mistaken));
    assertThat(first.status()).isEqualTo(200);
    engine.getRuntimeService().deleteProcessInstance(first.json().get("id").asText(), "登记有误", true, true);
    Http.Response corrected = as("zhengfu").postJson(START, registration(organ + "[2027]2号"));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(rows(mistaken)).singleElement().satisfies(r -> {
      assertThat(r.get("process_instance_id")).isEqualTo(corrected.json().get("id").asText());
      assertThat(r.get("status")).isEqualTo("TRACKING");
    });
    assertThat(runningTrackings(mistaken)).isEqualTo(1);
  }

  @Test
  void statusChangesReachTheTableInTheSameTransaction() {
    String number = organ() + "〔2027〕3号";
    ProcessInstance tracking = register(number);
    assertThat(rows(number)).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("TRACKING"));
    request(number);
    assertThat(rows(number)).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("EVALUATING"));
    EvaluationScenario.of(engine, evaluationOf(tracking)).simplifiedUntilResolved("SUSPEND", "exec-fgw");
    Jobs.drain(engine, tracking.getId());
    assertThat(rows(number)).singleElement().satisfies(r -> assertThat(r.get("status")).isEqualTo("SUSPENDED"));
  }

  @Test
  void theBackfillRegistersExistingTrackingsOnceWithTheirDuplicatesLogged() {
    String organ = organ();
    String number = organ + "〔2027〕1号";
    // Trackings as an older version left them: no row, and the number as it was typed.
    ProcessInstance oldest = legacy(register(organ + "〔2027〕91号"), organ + " [2027] 1号");
    ProcessInstance duplicate = legacy(register(organ + "〔2027〕92号"), organ + "【2027】1号");
    String endedNumber = organ + "〔2027〕2号";
    ProcessInstance ended = legacy(registerAndTerminate(endedNumber), organ + "(2027)2号");
    String deletedNumber = organ + "〔2027〕3号";
    ProcessInstance deleted = legacy(register(deletedNumber), deletedNumber);
    engine.getRuntimeService().deleteProcessInstance(deleted.getId(), "登记有误");

    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    Integer added = tx.execute(s -> DecisionRegisterBackfill.run(jdbc));
    assertThat(added).isGreaterThanOrEqualTo(2);
    assertThat(rowInstance(number)).isEqualTo(oldest.getId());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision WHERE process_instance_id = ?", Long.class,
        duplicate.getId())).isZero();
    assertThat(rows(endedNumber)).singleElement().satisfies(r -> {
      assertThat(r.get("process_instance_id")).isEqualTo(ended.getId());
      assertThat(r.get("status")).isEqualTo("TERMINATED");
    });
    assertThat(rows(deletedNumber)).isEmpty();
    Integer again = tx.execute(s -> DecisionRegisterBackfill.run(jdbc));
    assertThat(again).as("a second run changes nothing").isZero();

    // From now on the backfilled rows decide: refusals, the registry and requests find the oldest tracking.
    Http.Response duplicateAgain = as("zhengfu").postJson(START, registration(organ + "[2027]1号"));
    assertThat(duplicateAgain.json().get("message").asText()).isEqualTo(duplicateRefusal(number));
    JsonNode decision = as("sifa").get("/api/decisions/" + Http.encode(number)).json();
    assertThat(decision.get("trackingProcessInstanceId").asText()).isEqualTo(oldest.getId());
    assertThat(decision.get("decisionNumber").asText()).isEqualTo(number);
    request(organ + "［2027］1号");
    assertThat(evaluationOf(oldest)).isNotNull();
    assertThat(evaluationOf(duplicate)).isNull();
  }

  // --- helpers: the engine API, as Tasklist's start forms would submit ---

  ProcessInstance register(String number) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("decisionNumber", number);
    v.put("decisionTitle", "测试决策");
    v.put("decisionCategory", "OTHER");
    v.put("broadImpact", false);
    v.put("implementationStart", "2026-01-01");
    v.put("executingUnit", "exec-fgw");
    return engine.getFormService().submitStartForm(latest("decision-tracking"), v);
  }

  /** Makes a tracking look as an older version left it: no row in dr_decision, the number as typed. */
  ProcessInstance legacy(ProcessInstance tracking, String typedNumber) {
    jdbc.update("DELETE FROM dr_decision WHERE process_instance_id = ?", tracking.getId());
    if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(tracking.getId()).count() > 0) {
      engine.getRuntimeService().setVariable(tracking.getId(), "decisionNumber", typedNumber);
      jdbc.update("UPDATE ACT_RU_EXECUTION SET BUSINESS_KEY_ = ? WHERE PROC_INST_ID_ = ?", typedNumber, tracking.getId());
    } else {
      jdbc.update("UPDATE ACT_HI_VARINST SET TEXT_ = ? WHERE PROC_INST_ID_ = ? AND NAME_ = 'decisionNumber'", typedNumber,
          tracking.getId());
    }
    jdbc.update("UPDATE ACT_HI_PROCINST SET BUSINESS_KEY_ = ? WHERE ID_ = ?", typedNumber, tracking.getId());
    return tracking;
  }

  /** A tracking without schedule (OTHER), an evaluation requested, and the authority terminating the decision. */
  ProcessInstance registerAndTerminate(String number) {
    ProcessInstance tracking = register(number);
    request(number);
    EvaluationScenario.of(engine, evaluationOf(tracking)).simplifiedUntilResolved("TERMINATE", "exec-fgw");
    Jobs.drain(engine, tracking.getId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(tracking.getId()).count()).isZero();
    return tracking;
  }

  void request(String number) {
    ProcessInstance request;
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("decisionNumber", number);
    v.put("requestReason", "AUTHORITY_DEEMS_NECESSARY");
    v.put("requestDescription", "决策机关认为有必要评估");
    engine.getIdentityService().setAuthentication("zhengfu", List.of("decision-authority"));
    try {
      request = engine.getFormService().submitStartForm(latest("evaluation-request"), v);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // The job executor's part runs without a user: the delivery, then the tracking's own jobs (found through the
    // register, since a legacy tracking keeps the number as typed for its business key).
    Jobs.drain(engine, request.getId());
    Jobs.drain(engine, jdbc.queryForObject("SELECT process_instance_id FROM dr_decision WHERE decision_number = ?",
        String.class, DecisionNumber.parse(number).value()));
  }

  ProcessInstance evaluationOf(ProcessInstance tracking) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId()).singleResult();
  }

  String latest(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  @Test
  void aNumberWithoutContentIsRefusedBeforeAnythingIsWritten() {
    long rows = jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision", Long.class);
    assertThatThrownBy(() -> register("〔〕")).hasMessageContaining("括号只用于四位数字的年份");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dr_decision", Long.class)).isEqualTo(rows);
  }
}
