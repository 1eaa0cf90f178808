package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.StatementCounter;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * P1 of issue 13 ({@code ./mvnw -Pbench verify -Dit.test=PostEvaluationBenchmarkIT}, or {@code bench/run}):
 * <ul>
 *   <li>one whole commissioned evaluation (full procedure, the 14 completions {@link PostEvaluationRestIT} makes,
 *   as the demo users through {@code /engine-rest}) against the same 14 completions, with the same bodies and the
 *   same forms, on {@code bench/evaluation-skeleton.bpmn}: 14 user tasks in a row, no listeners, no service tasks.
 *   The figure is the time of the users' requests (finding the task, submitting its form); the machine work behind
 *   the async boundaries runs between them, as the job executor would, and is printed apart;</li>
 *   <li>registrations through {@code /engine-rest} (submit-form of {@code decision-tracking}) against starts of
 *   {@code bench/registration-baseline.bpmn} (the same start form and variables, then a timer), by
 *   {@value #CLIENTS} clients.</li>
 * </ul>
 * Runs alternate between the process and its baseline so that a load change on the machine hits both. File H2 with
 * {@code WRITE_DELAY=0}, as the application runs, or PostgreSQL via SPRING_DATASOURCE_URL. Printed, never asserted.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=${SPRING_DATASOURCE_URL:jdbc:h2:file:./target/bench/p1-${random.uuid};"
        + "LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0}",
    "camunda.bpm.job-execution.enabled=false",
    "decision-review.deadline.watch-enabled=false", "decision-review.notification.sender.enabled=false"})
@ActiveProfiles({"demo", "it"})
@Import(StatementCounter.class)
class PostEvaluationBenchmarkIT {

  static final int EVALUATIONS = Integer.getInteger("bench.evaluations", 6);
  static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 300);
  static final int CLIENTS = Integer.getInteger("bench.clients", 4);
  static final String SKELETON = "bench-evaluation-skeleton";
  static final String REGISTRATION_BASELINE = "bench-registration-baseline";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private final Map<String, Http> users = new LinkedHashMap<>();

  private Http as(String user) {
    return users.computeIfAbsent(user, u -> Http.basic(port, u, "demo"));
  }

  /** One evaluation's 14 completions: task key, user, body. The consultation list needs the system's survey row. */
  record Step(String key, String user, Map<String, Object> body) {
  }

  /** Nanoseconds of the users' requests per task key, and of the jobs in between. */
  static final class Timing {
    final Map<String, Long> perStep = new LinkedHashMap<>();
    long requests;
    long jobs;
    int runs;

    void add(String key, long nanos) {
      perStep.merge(key, nanos, Long::sum);
      requests += nanos;
    }
  }

  /** The baselines' deployment and the registrar's right to start the registration baseline, once per context. */
  private synchronized void deployBaselines() {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(REGISTRATION_BASELINE)
        .count() > 0) {
      return;
    }
    engine.getRepositoryService().createDeployment().name("benchmark baselines")
        .addClasspathResource("bench/evaluation-skeleton.bpmn").addClasspathResource("bench/registration-baseline.bpmn")
        .deploy();
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization start = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    start.setGroupId(Groups.DECISION_AUTHORITY);
    start.setResource(Resources.PROCESS_DEFINITION);
    start.setResourceId(REGISTRATION_BASELINE);
    start.addPermission(Permissions.CREATE_INSTANCE);
    start.addPermission(Permissions.READ);
    authorizations.saveAuthorization(start);
  }

  /**
   * The statements one registration executes (engine and JDBC alike, each row of a batch, {@link StatementCounter})
   * beside the baseline's, grouped by kind and table, to see where they go. Printed, not asserted.
   */
  @Test
  void statementsOfOneRegistration() {
    deployBaselines();
    Http client = Http.basic(port, "zhengfu", "demo");
    Map<String, List<String>> sql = new LinkedHashMap<>();
    for (String key : List.of(REGISTRATION_BASELINE, "decision-tracking")) {
      String path = "/engine-rest/process-definition/key/" + key + "/submit-form";
      assertThat(client.postJson(path, registration(DecisionNumbers.unique())).status()).isEqualTo(200); // warm-up
      sql.put(key, StatementCounter.record(() -> assertThat(client.postJson(path,
          registration(DecisionNumbers.unique())).status()).isEqualTo(200)));
    }
    Map<String, long[]> kinds = new java.util.TreeMap<>();
    for (String statement : sql.get("decision-tracking")) {
      kinds.computeIfAbsent(kind(statement), k -> new long[2])[0]++;
    }
    for (String statement : sql.get(REGISTRATION_BASELINE)) {
      kinds.computeIfAbsent(kind(statement), k -> new long[2])[1]++;
    }
    kinds.forEach((kind, n) -> System.out.printf("P1 registration statements %-34s %3d | baseline %3d%n", kind, n[0],
        n[1]));
    System.out.printf("P1 statements executed by one registration through REST: %d | baseline start→timer with the same form "
        + "and variables: %d | ratio %.2f×%n", sql.get("decision-tracking").size(), sql.get(REGISTRATION_BASELINE).size(),
        sql.get("decision-tracking").size() / (double) sql.get(REGISTRATION_BASELINE).size());
  }

  /** "insert ACT_HI_DETAIL", "select ACT_RU_AUTHORIZATION", … */
  private static String kind(String sql) {
    String s = sql.trim().replaceAll("\\s+", " ");
    String verb = s.split(" ", 2)[0].toLowerCase(java.util.Locale.ROOT);
    java.util.regex.Matcher table = java.util.regex.Pattern.compile("(?i)(?:into|from|update) ([A-Za-z_.]+)").matcher(s);
    return verb + " " + (table.find() ? table.group(1).toUpperCase(java.util.Locale.ROOT) : s.substring(0,
        Math.min(60, s.length())));
  }

  @Test
  void evaluationAndRegistrationAgainstTheirBaselines() throws Exception {
    deployBaselines();

    Timing real = new Timing();
    Timing skeleton = new Timing();
    evaluate(new Timing(), new Timing()); // warm-up
    for (int i = 0; i < EVALUATIONS; i++) {
      evaluate(real, skeleton);
    }
    double realMs = real.requests / 1e6 / real.runs;
    double skeletonMs = skeleton.requests / 1e6 / skeleton.runs;
    System.out.printf("P1 one commissioned evaluation through REST (14 completions, mean of %d): %.0f ms, %.0f per minute"
        + " | baseline the same 14 completions on a 14-task chain without listeners: %.0f ms, %.0f per minute"
        + " | ratio %.2f× (target ≤ 1.3×)%n", real.runs, realMs, 60_000 / realMs, skeletonMs, 60_000 / skeletonMs,
        realMs / skeletonMs);
    System.out.printf("P1 machine work of one evaluation behind the async boundaries (jobs, outside the requests): %.0f ms"
        + " | baseline none%n", real.jobs / 1e6 / real.runs);
    for (String key : real.perStep.keySet()) {
      double r = real.perStep.get(key) / 1e6 / real.runs;
      double s = skeleton.perStep.getOrDefault(key, 0L) / 1e6 / skeleton.runs;
      System.out.printf("P1 step %s: %.1f ms | skeleton %.1f ms | ratio %.2f×%n", key, r, s, r / s);
    }

    registrations(REGISTRATION_BASELINE, 20); // warm-up
    registrations("decision-tracking", 20);
    double baselineRate = 0;
    double trackingRate = 0;
    for (int round = 0; round < 2; round++) {
      baselineRate += registrations(REGISTRATION_BASELINE, REGISTRATIONS) / 2;
      trackingRate += registrations("decision-tracking", REGISTRATIONS) / 2;
    }
    System.out.printf("P1 registering a decision through REST (%d clients, %d × 2): %.1f/s | baseline a start→timer"
        + " process with the same form and variables: %.1f/s | ratio %.2f× (target ≥ 0.8×) | load average %.1f%n",
        CLIENTS, REGISTRATIONS, trackingRate, baselineRate, trackingRate / baselineRate,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** Registrations per second of {@code count} submit-forms of the process, by {@link #CLIENTS} clients. */
  private double registrations(String processKey, int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Http> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(Http.basic(port, "zhengfu", "demo"));
    }
    List<Future<Integer>> results = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      Http client = clients.get(i % CLIENTS);
      results.add(pool.submit(() -> client.postJson("/engine-rest/process-definition/key/" + processKey + "/submit-form",
          registration(DecisionNumbers.unique())).status()));
    }
    for (Future<Integer> result : results) {
      assertThat(result.get()).as(processKey).isEqualTo(200);
    }
    double perSecond = count / ((System.nanoTime() - t0) / 1e9);
    pool.shutdown();
    return perSecond;
  }

  /** What the Tasklist start form register-decision submits: every field, the checkboxes false when unticked. */
  private static Map<String, Object> registration(String number) {
    return vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.DECISION_TITLE.name(), "基准测试决策",
        TrackingVariables.DECISION_CATEGORY.name(), "OTHER", TrackingVariables.BROAD_IMPACT.name(), false,
        TrackingVariables.IMPLEMENTATION_START.name(), "2026-01-01", TrackingVariables.IMPLEMENTATION_END.name(), "",
        TrackingVariables.EXECUTING_UNIT.name(), "exec-fgw", TrackingVariables.SUPERIOR_MANDATED.name(), false,
        TrackingVariables.ASSISTING_SUPERIOR.name(), false);
  }

  /** One real evaluation, then one skeleton run with the same bodies. */
  private void evaluate(Timing real, Timing skeleton) {
    String number = DecisionNumbers.unique();
    String pid = requestedEvaluation(number);
    List<Step> steps = steps(pid);
    for (Step step : steps) {
      long t0 = System.nanoTime();
      complete(pid, step);
      real.add(step.key(), System.nanoTime() - t0);
      long t1 = System.nanoTime();
      Jobs.drain(engine, pid); // the machine work after the person's step, as the job executor would run it
      if (step.key().equals(TaskKeys.DESIGN_SURVEY)) {
        closeSurvey(pid);
      }
      real.jobs += System.nanoTime() - t1;
    }
    real.runs++;
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult()
        .getState()).isEqualTo("COMPLETED");

    String sid = engine.getRuntimeService().startProcessInstanceByKey(SKELETON, number).getId();
    for (Step step : steps) {
      long t0 = System.nanoTime();
      complete(sid, step);
      skeleton.add(step.key(), System.nanoTime() - t0);
    }
    skeleton.runs++;
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(sid).count()).isZero();
  }

  private void complete(String pid, Step step) {
    Http http = as(step.user());
    JsonNode tasks = http.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + step.key()).json();
    assertThat(tasks).as(step.key() + " visible to " + step.user()).isNotEmpty();
    Http.Response response = http.postJson("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
        step.body());
    assertThat(response.status()).as(step.user() + " completes " + step.key() + ": " + response.body()).isEqualTo(204);
  }

  /** The way staff get an evaluation (as in {@link PostEvaluationRestIT}): registration, request, tracking starts it. */
  private String requestedEvaluation(String number) {
    Http.Response registered = as("zhengfu").postJson(
        "/engine-rest/process-definition/key/decision-tracking/submit-form", registration(number));
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    Http.Response requested = as("sifa").postJson("/engine-rest/process-definition/key/evaluation-request/submit-form",
        vars(TrackingVariables.DECISION_NUMBER.name(), number, TrackingVariables.REQUEST_REASON.name(),
            "AUTHORITY_DEEMS_NECESSARY", TrackingVariables.REQUEST_DESCRIPTION.name(), "基准测试"));
    assertThat(requested.status()).as(requested.body()).isEqualTo(200);
    Jobs.drain(engine, number);
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("post-evaluation")
        .processInstanceBusinessKey(number).singleResult().getId();
  }

  private void closeSurvey(String pid) {
    String surveyId = as("jigou").get("/api/evaluations/" + pid + "/survey").json().get("surveyId").asText();
    assertThat(Http.anonymous(port).postJson("/public/api/surveys/" + surveyId + "/responses",
        Map.of("answers", Map.of("q1", 4))).status()).isEqualTo(201);
    assertThat(as("jigou").postJson("/api/evaluations/" + pid + "/survey/close", Map.of()).status()).isEqualTo(200);
    Jobs.drain(engine, pid);
  }

  /** The 14 completions; the consultation records are read when that step comes (they hold the survey's row). */
  private List<Step> steps(String pid) {
    List<Step> steps = new ArrayList<>();
    steps.add(new Step(TaskKeys.DETERMINE_METHOD, "sifa", vars(EvaluationVariables.EVALUATOR_TYPE.name(), "COMMISSIONED",
        EvaluationVariables.PROCEDURE_TYPE.name(), "FULL", EvaluationVariables.UNDERTAKING_UNIT.name(), "legal-affairs",
        EvaluationVariables.EVALUATION_SCOPE.name(), "WHOLE")));
    steps.add(new Step(TaskKeys.SELECT_AGENCY, "sifa", vars(EvaluationVariables.AGENCY_ID.name(), "demo",
        EvaluationVariables.COMMISSION_SCOPE.name(), "整体评估", EvaluationVariables.NO_SUBCONTRACTING_DECLARED.name(), true)));
    steps.add(new Step(TaskKeys.FORM_TEAM, "jigou", vars(EvaluationVariables.TEAM_MEMBERS.name(), json(List.of(
        new TeamMember("孙立新", "郑州大学公共政策研究中心", "行业专家", "0371-1234567", true, null, null))))));
    steps.add(new Step(TaskKeys.DRAFT_PLAN, "jigou", vars(EvaluationVariables.PLAN_PURPOSE.name(), "评估改造成效",
        EvaluationVariables.PLAN_OBJECT_CONTENT.name(), "42个小区", EvaluationVariables.PLAN_STANDARDS_METHODS.name(), "第七条",
        EvaluationVariables.PLAN_STEPS_SCHEDULE.name(), "三个月", EvaluationVariables.PLAN_BUDGET.name(), 120000,
        EvaluationVariables.PLAN_ORGANISATION.name(), "机构负责")));
    steps.add(new Step(TaskKeys.APPROVE_PLAN, "zhengfu", vars(EvaluationVariables.PLAN_DECISION.name(), "APPROVE")));
    steps.add(new Step(TaskKeys.DESIGN_SURVEY, "jigou", vars(EvaluationVariables.SURVEY_OUTLINE.name(), "入户调查",
        EvaluationVariables.QUESTIONNAIRE_TITLE.name(), "老旧小区改造满意度", EvaluationVariables.QUESTIONNAIRE_DAYS.name(), 20,
        EvaluationVariables.QUESTIONNAIRE_ITEMS.name(), json(List.of(QuestionnaireItem.of("总体满意度", QuestionType.SCALE))))));
    byte[] pdf = "%PDF-1.7 实施情况".getBytes(StandardCharsets.UTF_8);
    steps.add(new Step(TaskKeys.SUPPLY_MATERIALS, "fgw", vars(
        EvaluationVariables.materialFile(1), Map.of("value", Base64.getEncoder().encodeToString(pdf), "type", "File",
            "valueInfo", Map.of("filename", "改造进度台账.pdf", "mimetype", "application/pdf")),
        EvaluationVariables.IMPLEMENTATION_DATA.name(), "已完成 38 个小区", EvaluationVariables.IMPLEMENTATION_PROBLEMS.name(),
        "资金拨付慢", EvaluationVariables.IMPLEMENTATION_RISKS.name(), "工期延误",
        EvaluationVariables.IMPLEMENTATION_SUGGESTIONS.name(), "建立资金直达机制")));
    steps.add(new Step(TaskKeys.RECORD_CONSULTATIONS, "jigou", lazy(() -> {
      JsonNode online = as("jigou").get("/engine-rest/process-instance/" + pid + "/variables/"
          + EvaluationVariables.CONSULTATIONS.name() + "?deserializeValue=false").json();
      List<Consultation> recorded = new ArrayList<>(EvaluationVariables.CONSULTATIONS.from(
          Map.of(EvaluationVariables.CONSULTATIONS.name(), online.get("value").asText())));
      recorded.add(Consultation.of("FIELD_RESEARCH", LocalDate.of(2026, 9, 1), 60, null, "入户走访"));
      recorded.add(Consultation.of("WRITTEN_SOLICITATION", LocalDate.of(2026, 9, 10), 12, 30, "书面征求街道意见"));
      return vars(EvaluationVariables.CONSULTATIONS.name(), json(recorded));
    })));
    Map<String, Object> analysis = new LinkedHashMap<>();
    for (Dimension d : Dimension.values()) {
      analysis.put(d.scoreVariable(), Map.of("value", 85));
      analysis.put(d.findingsVariable(), Map.of("value", d.label() + "：总体良好"));
    }
    analysis.put(EvaluationVariables.IMPLEMENTATION_PERFORMANCE.name(), Map.of("value", "完成率 90%"));
    analysis.put(EvaluationVariables.INSTITUTIONAL_DESIGN.name(), Map.of("value", "制度基本健全"));
    analysis.put(EvaluationVariables.PRELIMINARY_CONCLUSION.name(), Map.of("value", "改造成效明显"));
    analysis.put(EvaluationVariables.RECOMMENDATIONS.name(), Map.of("value", "加快资金拨付"));
    steps.add(new Step(TaskKeys.ANALYSIS, "jigou", Map.of("variables", analysis)));
    steps.add(new Step(TaskKeys.REVIEW_DRAFT, "jigou", vars(EvaluationVariables.DRAFT_CONFIRMED.name(), true)));
    steps.add(new Step(TaskKeys.SELECT_EXPERTS, "jigou", vars(EvaluationVariables.SELECTED_EXPERTS.name(),
        json(List.of("zhuanjia1")))));
    steps.add(new Step(TaskKeys.EXPERT_OPINION, "zhuanjia1", vars(EvaluationVariables.EXPERT_CONCLUSION.name(), "AGREE",
        EvaluationVariables.EXPERT_OPINION.name(), "总体认可")));
    steps.add(new Step(TaskKeys.FINALIZE_REPORT, "jigou", vars(EvaluationVariables.FINAL_REPORT_NOTES.name(), "已吸收专家意见",
        EvaluationVariables.SURVEY_SHORTFALL_REASON.name(), "小区居民以老年人为主，网上答卷少，已以入户走访补充")));
    steps.add(new Step(TaskKeys.AUTHORITY_APPROVAL, "zhengfu", vars(EvaluationVariables.REPORT_DECISION.name(), "APPROVE",
        EvaluationVariables.EVALUATION_OUTCOME.name(), "CONTINUE", EvaluationVariables.OUTCOME_REASONS.name(), "成效明显，继续执行")));
    return steps;
  }

  /** A body built when first read (the real run's consultation records), then the same for the skeleton. */
  private static Map<String, Object> lazy(java.util.function.Supplier<Map<String, Object>> body) {
    return new java.util.AbstractMap<>() {
      private Map<String, Object> value;

      @Override
      public java.util.Set<Entry<String, Object>> entrySet() {
        if (value == null) {
          value = body.get();
        }
        return value.entrySet();
      }
    };
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
}
