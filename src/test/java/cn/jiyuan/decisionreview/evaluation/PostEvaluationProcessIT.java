package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.jiyuan.decisionreview.agency.AgencyService;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestPropertySource;

/**
 * Path tests of post-evaluation on the real application context, with flow-node
 * coverage measured by camunda-process-test-coverage; the class fails below 90 %.
 */
@IntegrationTest
// Coverage is recorded per test class, so no process may run while the context starts (demo evaluations).
@TestPropertySource(properties = "decision-review.demo.evaluations=false")
@Import({ProcessEngineCoverageConfiguration.class, PostEvaluationProcessIT.Coverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PostEvaluationProcessIT {

  @TestConfiguration
  static class Coverage {
    @Bean
    @Primary // the coverage configuration also defines a default; with two, the listener silently falls back to it
    ProcessEngineCoverageProperties coverageProperties() {
      return ProcessEngineCoverageProperties.Companion.builder()
          .assertClassCoverageAtLeast(0.9)
          .excludeProcessDefinitionKeys("it-unit-task", "agency-registration", "restart", "decision-tracking", "evaluation-request")
          .build();
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired EvaluationFileStore store;
  @Autowired AgencyService agencies;

  static final List<Dimension> ALL = List.of(Dimension.values());

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
  }

  private static String number() {
    return DecisionNumbers.unique();
  }

  private EvaluationScenario throughImplementation(EvaluatorType evaluator, String undertaking) {
    EvaluationScenario s = EvaluationScenario.start(engine, number(), "exec-jyj");
    s.determineMethod(evaluator, Procedure.FULL, undertaking, null);
    if (evaluator == EvaluatorType.COMMISSIONED) {
      s.selectAgency("demo");
    }
    return s.formTeam().draftPlan().approvePlan(ReviewDecision.APPROVE).designSurvey()
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS).recordConsultations(TaskKeys.RECORD_CONSULTATIONS, true)
        .analysis(TaskKeys.ANALYSIS, 92, ALL);
  }

  private EvaluationScenario simplifiedToApproval() {
    EvaluationScenario s = EvaluationScenario.start(engine, number(), "exec-fgw");
    return s.determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, "exec-fgw", List.of(Dimension.EXECUTION, Dimension.EFFECT))
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 70, List.of(Dimension.EXECUTION, Dimension.EFFECT))
        .reviewDraft(null).finalizeReport();
  }

  @Test
  void fullSelfEvaluationWithPlanReturnedExpertDissentAndReportReturned() throws Exception {
    EvaluationScenario s = EvaluationScenario.start(engine, number(), "exec-jyj");
    assertThat(s.instance).isStarted();
    assertThat(s.instance.getBusinessKey()).startsWith("济政〔2026〕");
    assertThat(candidates(s, TaskKeys.DETERMINE_METHOD)).containsExactly("legal-affairs");

    s.determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS, null).formTeam().draftPlan();
    assertThat(candidates(s, TaskKeys.APPROVE_PLAN)).containsExactly("decision-authority");
    s.approvePlan(ReviewDecision.RETURN);
    assertThat(s.var(PLAN_REVIEW_COMMENTS)).isEqualTo("请补充经费测算依据");
    s.draftPlan().approvePlan(ReviewDecision.APPROVE).designSurvey();
    assertThat(s.var(EvaluationVariables.SURVEY_ID)).as("the questionnaire is open to the public").hasSizeGreaterThanOrEqualTo(16);
    assertThat(s.tasks(TaskKeys.RECORD_CONSULTATIONS)).as("the record waits for the questionnaire's results").isEmpty();
    s.closeSurveyEarly();

    assertThat(candidates(s, TaskKeys.SUPPLY_MATERIALS)).containsExactly("exec-jyj");
    assertThat(candidates(s, TaskKeys.RECORD_CONSULTATIONS)).containsExactly("legal-affairs");
    s.supplyMaterials(TaskKeys.SUPPLY_MATERIALS).recordConsultations(TaskKeys.RECORD_CONSULTATIONS, true)
        .analysis(TaskKeys.ANALYSIS, 92, ALL);
    assertThat(s.var(EVALUATION_GRADE)).isEqualTo("EXCELLENT");
    assertThat(s.var(SUGGESTED_OUTCOME)).isEqualTo("CONTINUE");
    assertThat(s.var(WEIGHTED_SCORE)).isEqualTo(92.0);
    assertThat(s.var(WEIGHTED_SCORE_TEXT)).isEqualTo("92.0 分");
    assertThat(store.materials(s.instance.getId())).hasSize(1);
    assertThat(s.var(materialFile(1))).isNull();

    s.reviewDraft(null).selectExperts(List.of("zhuanjia1", "zhuanjia2"));
    assertThat(s.tasks(TaskKeys.EXPERT_OPINION)).extracting(t -> t.getAssignee()).containsExactlyInAnyOrder("zhuanjia1", "zhuanjia2");
    s.expertOpinions().finalizeReport().authority(null);
    assertThat(s.task(TaskKeys.FINALIZE_REPORT)).isNotNull();
    s.finalizeReport().authority("CONTINUE");

    assertThat(s.instance).isEnded().hasPassed(TaskKeys.ARCHIVE).hasNotPassed(TaskKeys.MITIGATION, TaskKeys.RE_DECISION);
    String report = reportText(s);
    assertThat(report).contains("一、基本情况", "二、评估内容分析", "三、评估结论及建议", "四、其他需要说明的问题")
        .contains("农村学校满意度数据样本不足").contains(s.instance.getBusinessKey()).contains("济政办〔2022〕4号");
    // The timeline says what was returned and why, instead of listing a task twice
    assertThat(report).contains("评估方案被决策机关退回修改；退回意见：请补充经费测算依据", "按退回意见修改评估方案",
        "评估方案经决策机关批准", "报告被决策机关退回修改；退回意见：请补充农村学校数据",
        "按决策机关退回意见修改，重新形成评估报告", "专家论证：吴振华（不同意报告结论）");
    // the approved report records the authority's 审定, signed by the authority
    assertThat(report.substring(report.indexOf("决策机关审定意见"))).contains("审定结论：审定通过。", "处理决定：继续执行。",
        "理由：依据评估报告作出决定。");
    assertThat(report).doesNotContain("未填写").doesNotContainPattern("[。；，、：]{2}");
  }

  @Test
  void commissionedEvaluationRefusesAnIneligibleAgencyInPlaceAndSaysWhy() {
    EvaluationScenario s = EvaluationScenario.start(engine, number(), "exec-zjj");
    s.determineMethod(EvaluatorType.COMMISSIONED, Procedure.FULL, Groups.LEGAL_AFFAIRS, null);
    Task selection = s.task(TaskKeys.SELECT_AGENCY);
    assertThatThrownBy(() -> s.selectAgency("hengtai")).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("该机构受到处理（第二十五条），不得委托");
    Task still = s.task(TaskKeys.SELECT_AGENCY);
    assertThat(still.getId()).isEqualTo(selection.getId());
    assertThat(still.getDueDate()).isNotNull().isEqualTo(selection.getDueDate());
    assertThat(s.var(AGENCY_REFUSAL_REASON)).isNull();
    s.selectAgency("demo");
    assertThat(s.var(EVALUATOR_GROUP)).isEqualTo("agency-demo");
    assertThat(s.var(AGENCY_REFUSAL_REASON)).isNull();
    assertThat(candidates(s, TaskKeys.FORM_TEAM)).containsExactly("agency-demo");
  }

  @Test
  void theRuleTaskStillSendsAnIneligibleAgencyBackAsASafetyNet() {
    // The completion listener refuses ineligible agencies, so the loop is reached only if the check is ever bypassed.
    EvaluationScenario s = EvaluationScenario.start(engine, number(), "exec-zjj");
    s.determineMethod(EvaluatorType.COMMISSIONED, Procedure.FULL, Groups.LEGAL_AFFAIRS, null);
    String pid = s.instance.getId();
    engine.getRuntimeService().setVariables(pid, agencies.eligibilityInput("hengtai", s.var(DECISION_NUMBER), "exec-zjj"));
    engine.getRuntimeService().setVariable(pid, AGENCY_ID.name(), "hengtai");
    engine.getRuntimeService().createProcessInstanceModification(pid)
        .cancelAllForActivity(TaskKeys.SELECT_AGENCY).startBeforeActivity(TaskKeys.CHECK_AGENCY_ELIGIBILITY).execute();
    assertThat(s.task(TaskKeys.SELECT_AGENCY)).isNotNull();
    assertThat((String) s.var(AGENCY_REFUSAL_REASON)).contains("第二十五条");
    assertThat(s.var(AGENCY_ELIGIBLE)).isEqualTo(false);
  }

  @Test
  void fullCommissionedEvaluationEndsInAdjustmentWithMitigation() {
    EvaluationScenario s = throughImplementation(EvaluatorType.COMMISSIONED, Groups.LEGAL_AFFAIRS);
    assertThat(candidates(s, TaskKeys.REVIEW_DRAFT)).containsExactly("agency-demo");
    s.reviewDraft(null).selectExperts(List.of("zhuanjia1")).expertOpinions().finalizeReport().authority("ADJUST");
    assertThat(candidates(s, TaskKeys.MITIGATION)).containsExactly("exec-jyj");
    assertThat(s.tasks(TaskKeys.RE_DECISION)).isEmpty();
    s.complete(TaskKeys.MITIGATION, EvaluationSubmissions.mitigation("调整收费标准", "避免家长负担增加", "无"));
    assertThat(s.instance).isEnded();
  }

  @Covers({"第十五条", "条例第三十七条"})
  @Test
  void simplifiedProcedureSkipsExpertsAndAMajorAdjustmentRaisesReDecision() throws Exception {
    EvaluationScenario s = EvaluationScenario.start(engine, number(), "exec-fgw");
    s.determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, "exec-fgw", List.of(Dimension.EXECUTION, Dimension.EFFECT));
    assertThat(s.instance).isWaitingAt(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED, TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED);
    s.supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 70, List.of(Dimension.EXECUTION, Dimension.EFFECT));
    assertThat(s.var(EVALUATION_GRADE)).isEqualTo("FAIR");
    assertThat(s.var(Dimension.LEGALITY.score())).isNull();
    s.reviewDraft(EvaluationScenario.docx("评估小组修改稿正文"));
    assertThat(s.instance).isWaitingAt(TaskKeys.FINALIZE_REPORT).hasNotPassed(TaskKeys.SELECT_EXPERTS);
    s.finalizeReport();
    assertThat(reportText(s)).contains("评估小组修改稿正文");
    s.authority("MAJOR_ADJUSTMENT");
    assertThat(s.instance).isWaitingAt(TaskKeys.MITIGATION, TaskKeys.RE_DECISION);
    assertThat(candidates(s, TaskKeys.RE_DECISION)).containsExactly("legal-affairs");
    s.complete(TaskKeys.MITIGATION, EvaluationSubmissions.mitigation("暂停新增项目", "减少损失", "无"))
        .complete(TaskKeys.RE_DECISION, EvaluationSubmissions.reDecision("公开征求意见30日，合法性审查7个工作日", "市发展和改革委员会"));
    assertThat(s.instance).isEnded();
    assertThat(s.instance).variables().containsEntry(EVALUATION_OUTCOME.name(), "MAJOR_ADJUSTMENT");
  }

  @ParameterizedTest(name = "第十六条、第十七条: {0} → mitigation by the executing unit")
  @ValueSource(strings = {"SUSPEND", "TERMINATE"})
  void suspensionAndTerminationRequireMitigation(String outcome) {
    EvaluationScenario s = simplifiedToApproval().authority(outcome);
    assertThat(candidates(s, TaskKeys.MITIGATION)).containsExactly("exec-fgw");
    assertThat(s.tasks(TaskKeys.RE_DECISION)).isEmpty();
  }

  @Test
  void refusedSubmissionsKeepTheTaskOpenWithAChineseReason() {
    EvaluationScenario s = EvaluationScenario.start(engine, number(), "exec-jyj");
    String task = s.task(TaskKeys.DETERMINE_METHOD).getId();
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task,
        EvaluationSubmissions.determineMethod(EvaluatorType.SELF, Procedure.FULL, null, Groups.LEGAL_AFFAIRS, List.of())))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("至少选择一项");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(task,
        EvaluationSubmissions.determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, null, Groups.LEGAL_AFFAIRS, null)))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("第十五条");
    assertThat(s.task(TaskKeys.DETERMINE_METHOD).getId()).isEqualTo(task);

    s.determineMethod(EvaluatorType.SELF, Procedure.FULL, Groups.LEGAL_AFFAIRS, null);
    String team = s.task(TaskKeys.FORM_TEAM).getId();
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(team, EvaluationSubmissions.formTeam(List.of(
        new TeamMember("张某", "市教育局", "机关工作人员", "1", true, true, "曾参与决策起草")))))
        .hasMessageContaining("利益冲突").hasMessageContaining("第四条");
    s.formTeam().draftPlan().approvePlan(ReviewDecision.APPROVE).designSurvey().closeSurveyEarly();
    String consultations = s.task(TaskKeys.RECORD_CONSULTATIONS).getId();
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(consultations, EvaluationSubmissions.recordConsultations(List.of(
        Consultation.of("SYMPOSIUM", java.time.LocalDate.of(2026, 10, 12), 25, null, "座谈")))))
        .hasMessageContaining("至少两种方式");
    String materials = s.task(TaskKeys.SUPPLY_MATERIALS).getId();
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(materials, EvaluationSubmissions.supplyMaterials(
        List.of(org.camunda.bpm.engine.variable.Variables.fileValue("病毒.exe").file(new byte[] {1, 2}).create()), "x", "x", "x", "x")))
        .hasMessageContaining("类型不允许");
    assertThatThrownBy(() -> engine.getFormService().submitTaskForm(materials, EvaluationSubmissions.supplyMaterials(
        List.of(org.camunda.bpm.engine.variable.Variables.fileValue("伪装.pdf").file("MZ not a pdf".getBytes()).create()), "x", "x", "x", "x")))
        .hasMessageContaining("不符");
    assertThat(store.materials(s.instance.getId())).isEmpty();
  }

  @Test
  void aStartWithAnUnknownExecutingUnitLeavesNoInstance() {
    long before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("post-evaluation").count();
    assertThatThrownBy(() -> EvaluationScenario.start(engine, number(), "exec-nowhere"))
        .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("执行单位");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("post-evaluation").count())
        .isEqualTo(before);
  }

  private List<String> candidates(EvaluationScenario s, String key) {
    return engine.getTaskService().getIdentityLinksForTask(s.task(key).getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).collect(Collectors.toList());
  }

  private String reportText(EvaluationScenario s) throws Exception {
    byte[] bytes = store.report(s.instance.getId()).orElseThrow().bytes();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
      StringBuilder text = new StringBuilder();
      doc.getParagraphs().stream().map(XWPFParagraph::getText).forEach(t -> text.append(t).append('\n'));
      doc.getTables().forEach(t -> text.append(t.getText()).append('\n'));
      return text.toString();
    }
  }
}
