package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13 item 1 through the API as each role: pages of {@code GET /api/decisions} from the register's read model,
 * with headers, filters, orders and visibility in the query; the row kept in step with the process (each list entry
 * equal to what the engine-reading {@code GET /api/decisions/{n}} says); the admin rebuild.
 */
@IntegrationTest
class DecisionRegistryRestIT {

  private static final Pattern LINK = Pattern.compile("<([^>]*)>; rel=\"(\\w+)\"");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  private Http as(String user) {
    return Http.basic(port, user, "demo");
  }

  private static Map<String, Object> vars(Object... pairs) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      vars.put((String) pairs[i], Map.of("value", pairs[i + 1]));
    }
    return Map.of("variables", vars);
  }

  private String register(String title, String category, String start, String end, String unit) {
    String number = DecisionNumbers.unique();
    Http.Response registered = as("zhengfu").postJson("/engine-rest/process-definition/key/decision-tracking/submit-form",
        vars("decisionNumber", number, "decisionTitle", title, "decisionCategory", category, "broadImpact", true,
            "implementationStart", start, "implementationEnd", end == null ? "" : end, "executingUnit", unit,
            "superiorMandated", false));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    return number;
  }

  private Http.Response list(String user, String query) {
    return as(user).get("/api/decisions?" + query);
  }

  private static List<String> numbers(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().findValuesAsText("decisionNumber");
  }

  private static Map<String, String> links(Http.Response response) {
    Map<String, String> links = new LinkedHashMap<>();
    Matcher m = LINK.matcher(response.header("Link"));
    while (m.find()) {
      links.put(m.group(2), m.group(1));
    }
    return links;
  }

  @Test
  void pagesFilterSortAndShowOnlyTheUnitsOwnDecisions() {
    String token = "名录" + UUID.randomUUID().toString().substring(0, 8);
    List<String> fgw = new ArrayList<>();
    List<String> jyj = new ArrayList<>();
    fgw.add(register(token + "A 数字政府", "REFORM", "2026-03-01", null, "exec-fgw"));
    fgw.add(register(token + "B 营商环境", "POLICY", "2026-04-01", "2032-03-31", "exec-fgw"));
    fgw.add(register(token + "C 产业规划", "PLAN", "2026-05-01", "2031-04-30", "exec-fgw"));
    fgw.add(register(token + "D 其他事项", "OTHER", "2026-06-01", null, "exec-fgw"));
    jyj.add(register(token + "E 课后服务", "REFORM", "2026-07-01", null, "exec-jyj"));
    jyj.add(register(token + "F 近视防控", "OTHER", "2026-08-01", null, "exec-jyj"));
    jyj.add(register(token + "G 教育规划", "PLAN", "2026-09-01", "2031-08-31", "exec-jyj"));
    List<String> all = new ArrayList<>(fgw);
    all.addAll(jyj);
    String q = "q=" + Http.encode(token);

    // pages by number, with the total and the links
    List<String> sorted = all.stream().sorted().toList();
    Http.Response first = list("sifa", q + "&size=3&sort=decisionNumber");
    assertThat(numbers(first)).containsExactlyElementsOf(sorted.subList(0, 3));
    assertThat(first.header("X-Total-Count")).isEqualTo("7");
    Map<String, String> links = links(first);
    assertThat(links).containsOnlyKeys("first", "next", "last");
    assertThat(links.get("next")).startsWith("/api/decisions?page=1&size=3").contains("sort=decisionNumber")
        .contains("q=" + Http.encode(token));
    Http.Response second = as("sifa").get(links.get("next"));
    assertThat(numbers(second)).containsExactlyElementsOf(sorted.subList(3, 6));
    assertThat(links(second)).containsOnlyKeys("first", "prev", "next", "last");
    Http.Response last = as("sifa").get(links.get("last"));
    assertThat(numbers(last)).containsExactlyElementsOf(sorted.subList(6, 7));
    assertThat(links(last)).containsOnlyKeys("first", "prev", "last");
    assertThat(numbers(as("sifa").get(links(last).get("prev")))).containsExactlyElementsOf(sorted.subList(3, 6));
    Http.Response beyond = list("sifa", q + "&size=3&page=9");
    assertThat(numbers(beyond)).isEmpty();
    assertThat(beyond.header("X-Total-Count")).isEqualTo("7");

    // the default order is the newest registration first, as before the pages
    assertThat(numbers(list("sifa", q))).containsExactlyElementsOf(reversed(all));

    // each filter, alone and together
    assertThat(numbers(list("sifa", q + "&unit=exec-jyj"))).containsExactlyInAnyOrderElementsOf(jyj);
    assertThat(numbers(list("sifa", q + "&category=PLAN"))).containsExactlyInAnyOrder(fgw.get(2), jyj.get(2));
    assertThat(numbers(list("sifa", q + "&category=PLAN,OTHER&unit=exec-fgw")))
        .containsExactlyInAnyOrder(fgw.get(2), fgw.get(3));
    assertThat(numbers(list("sifa", q + "&status=TRACKING"))).hasSize(7);
    assertThat(numbers(list("sifa", q + "&status=EVALUATING,SUSPENDED"))).isEmpty();
    assertThat(numbers(list("sifa", "q=" + Http.encode(token + "F 近视")))).containsExactly(jyj.get(1));
    // a number in another spelling, or a part of it
    String number = fgw.get(0);
    assertThat(numbers(list("sifa", "q=" + Http.encode(number.replace("〔", "[").replace("〕", "]")))))
        .containsExactly(number);
    assertThat(numbers(list("sifa", "q=" + Http.encode(number.substring(number.indexOf('〕') + 1)))))
        .contains(number);

    // orders: title; next evaluation date (those without one last), and descending
    assertThat(numbers(list("sifa", q + "&sort=title"))).containsExactlyElementsOf(all);
    List<String> byNext = numbers(list("sifa", q + "&sort=nextEvaluationDate"));
    JsonNode byNextRows = list("sifa", q + "&sort=nextEvaluationDate").json();
    List<String> dues = new ArrayList<>();
    byNextRows.forEach(d -> dues.add(d.get("nextScheduledEvaluation").isNull() ? "~"
        : d.get("nextScheduledEvaluation").get("dueDate").asText()));
    assertThat(dues).isSorted();
    assertThat(dues).contains("~"); // category OTHER has no schedule
    int scheduled = (int) dues.stream().filter(d -> !d.equals("~")).count();
    List<String> byNextDesc = numbers(list("sifa", q + "&sort=-nextEvaluationDate"));
    assertThat(byNextDesc.subList(0, scheduled)).containsExactlyElementsOf(reversed(byNext.subList(0, scheduled)));
    assertThat(numbers(list("sifa", q + "&sort=status,-title"))).containsExactlyElementsOf(reversed(all));

    // who sees what: the count is the query's, so the filter is in the query
    Http.Response own = list("jyj", q);
    assertThat(numbers(own)).containsExactlyInAnyOrderElementsOf(jyj);
    assertThat(own.header("X-Total-Count")).isEqualTo("3");
    Http.Response foreign = list("jyj", q + "&unit=exec-fgw");
    assertThat(numbers(foreign)).isEmpty();
    assertThat(foreign.header("X-Total-Count")).isEqualTo("0");
    assertThat(numbers(list("fgw", q))).containsExactlyInAnyOrderElementsOf(fgw);
    for (String seesAll : List.of("sifa", "zhengfu", "ducha", "demo")) {
      assertThat(list(seesAll, q).header("X-Total-Count")).as(seesAll).isEqualTo("7");
    }
    assertThat(list("jigou", q).header("X-Total-Count")).isEqualTo("0");
    assertThat(Http.anonymous(port).get("/api/decisions?" + q).status()).isEqualTo(401);

    // every entry of a page is what the engine-reading GET /api/decisions/{n} says (which adds each evaluation's
    // rectification items, not part of a page)
    for (JsonNode d : list("sifa", q).json()) {
      JsonNode one = as("sifa").get("/api/decisions/" + Http.encode(d.get("decisionNumber").asText())).json();
      assertThat(one.get("rectifications").isArray()).isTrue();
      assertThat(d).isEqualTo(withoutRectifications(one));
    }
  }

  @Test
  void badParametersAreRefusedInChinese() {
    for (String bad : List.of("page=-1", "page=x", "page=1.5", "size=0", "size=501", "size=abc", "sort=foo",
        "sort=title,-title", "sort=%3Bdrop", "status=FOO", "status=TRACKING,", "category=bar", "unit=%E6%9C%AC",
        "unit=exec-fgw%27--", "q=" + "长".repeat(101), "q=%E2%80%8B", "page=1&page=2")) {
      Http.Response refused = list("sifa", bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().get("message").asText()).as(bad).containsPattern("\\p{IsHan}");
    }
    Http.Response ok = list("sifa", "size=500&page=0&sort=-registeredAt,decisionNumber");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().size()).isLessThanOrEqualTo(500);
  }

  @Test
  void theRowFollowsEachStepOfTheProcess() {
    // REFORM from 2020: its execution evaluation (due 2021) starts at once, the final one is still pending
    String number = register("名录写入测试 " + UUID.randomUUID(), "REFORM", "2020-01-01", "2034-12-31", "exec-fgw");
    // the context's job executor may fire the due timer any moment: either state is fine, as long as row = engine
    JsonNode registered = assertSame(number);
    assertThat(registered.get("nextScheduledEvaluation").get("evaluationType").asText()).isIn("EXECUTION", "FINAL");

    Jobs.drain(engine, number); // the due timer: the evaluation starts
    JsonNode started = assertSame(number);
    assertThat(started.get("status").asText()).isEqualTo("EVALUATING");
    assertThat(started.get("scheduledEvaluations").findValuesAsText("status")).contains("IN_PROGRESS");

    // a request while it runs is merged into it
    Http.Response merged = as("fgw").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars("decisionNumber", number, "requestReason", "EXECUTOR_APPLICATION", "requestDescription", "执行中发现问题"));
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    Jobs.drain(engine, merged.json().get("id").asText());
    Jobs.drain(engine, number);
    assertThat(assertSame(number).get("requests").findValuesAsText("handling")).containsExactly("MERGED");

    // the evaluation ends: history, last execution evaluation, schedule, status
    ProcessInstance tracking = tracking(number);
    EvaluationScenario.of(engine, evaluationOf(tracking)).simplifiedUntilResolved("SUSPEND", "exec-fgw");
    Jobs.drain(engine, tracking.getId());
    JsonNode suspended = assertSame(number);
    assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
    assertThat(suspended.get("pastEvaluations").findValuesAsText("outcome")).containsExactly("SUSPEND");
    assertThat(suspended.get("lastExecutionEvaluationDate").isNull()).isFalse();
    assertThat(jdbc.queryForObject("SELECT last_evaluation_outcome FROM dr_decision WHERE decision_number = ?",
        String.class, number)).isEqualTo("SUSPEND");

    // 恢复执行: tracking again, the final evaluation next
    Task resume = engine.getTaskService().createTaskQuery().processInstanceId(tracking.getId()).singleResult();
    Http.Response resumed = as("zhengfu").postJson("/engine-rest/task/" + resume.getId() + "/submit-form",
        vars("resumeNotes", "整改完成，恢复执行"));
    assertThat(resumed.status()).as(resumed.body()).isIn(200, 204);
    JsonNode tracked = assertSame(number);
    assertThat(tracked.get("status").asText()).isEqualTo("TRACKING");
    assertThat(tracked.get("nextScheduledEvaluation").get("evaluationType").asText()).isEqualTo("FINAL");
    assertThat(numbers(list("sifa", "sort=-nextEvaluationDate&status=TRACKING&q=" + Http.encode(number))))
        .containsExactly(number);
  }

  @Test
  void theRebuildRepairsADriftedRowAndIsIdempotent() {
    String number = register("名录重建测试 " + UUID.randomUUID(), "POLICY", "2026-07-01", "2032-06-30", "exec-jyj");
    JsonNode before = assertSame(number);
    // behind the engine's back
    jdbc.update("UPDATE dr_decision SET status = 'SUSPENDED', title = '被改动的名称', next_evaluation_due = DATE '2099-01-01',"
        + " detail = NULL WHERE decision_number = ?", number);
    assertThat(entry(number)).isNotEqualTo(before);

    Http.Response refused = as("sifa").postJson("/api/admin/decision-register/rebuild", Map.of());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("message").asText()).contains("仅系统管理员");
    assertThat(entry(number).get("title").asText()).isEqualTo("被改动的名称");

    Http.Response rebuilt = as("demo").postJson("/api/admin/decision-register/rebuild", Map.of());
    assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
    assertThat(rebuilt.json().get("repaired").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(rebuilt.json().get("checked").asInt()).isGreaterThanOrEqualTo(rebuilt.json().get("repaired").asInt());
    assertThat(rebuilt.json().get("message").asText()).contains("修复");
    assertThat(entry(number)).isEqualTo(before);
    assertSame(number);

    Http.Response again = as("demo").postJson("/api/admin/decision-register/rebuild", Map.of());
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("repaired").asInt()).as(again.body()).isZero();
    assertThat(again.json().get("added").asInt()).isZero();
    assertThat(entry(number)).isEqualTo(before);
  }

  /**
   * The list's entry (the row) equals what the engine's history gives; returns it. The engine is read before and after
   * the list (the context's job executor may be between steps): when both agree, the row read between them must too.
   */
  /** A decision as a page lists it: without the rectification items, which only the one-decision answer has. */
  private static JsonNode withoutRectifications(JsonNode decision) {
    return ((ObjectNode) decision.deepCopy()).without("rectifications");
  }

  private JsonNode assertSame(String number) {
    for (int attempt = 0; attempt < 20; attempt++) {
      JsonNode before = as("sifa").get("/api/decisions/" + Http.encode(number)).json();
      JsonNode listed = entry(number);
      JsonNode after = as("sifa").get("/api/decisions/" + Http.encode(number)).json();
      if (before.equals(after)) {
        assertThat(listed).isEqualTo(withoutRectifications(after));
        return listed;
      }
    }
    throw new AssertionError(number + " kept changing while it was read");
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private JsonNode entry(String number) {
    Http.Response page = list("sifa", "q=" + Http.encode(number));
    for (JsonNode d : page.json()) {
      if (d.get("decisionNumber").asText().equals(number)) {
        return d;
      }
    }
    throw new AssertionError(number + " not listed: " + page.body());
  }

  private ProcessInstance tracking(String number) {
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("decision-tracking")
        .processInstanceBusinessKey(number).singleResult();
  }

  private ProcessInstance evaluationOf(ProcessInstance tracking) {
    return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(tracking.getId())
        .singleResult();
  }
}
