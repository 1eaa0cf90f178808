package cn.jiyuan.decisionreview.evaluation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.RECOMMENDATION_DECISIONS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.RECOMMENDATION_ITEMS;

import cn.jiyuan.decisionreview.config.SeedLock;
import cn.jiyuan.decisionreview.evaluation.EvaluationSubmissions.Assessment;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.tracking.TrackingVariables;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: five registered decisions (all four categories) and evaluations under way at different phases,
 * started by their schedule or a request and carried forward by the demo users themselves,
 * so that sifa, zhengfu, fgw, jyj and jigou find real work in Tasklist. Runs once per database.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "decision-review.demo.evaluations", havingValue = "true", matchIfMissing = true)
public class EvaluationDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(EvaluationDemoData.class);

  private final ProcessEngine engine;
  private final SeedLock seedLock;
  private final DemoSurveyAnswers surveyAnswers;
  private final ApplicationEventPublisher events;

  /**
   * Published once, right after the demo evaluations were made (under the seed lock), so that a feature built on them
   * adds its own demo state without this class depending on it (follow-through's items, for instance).
   */
  public record Seeded() {}

  public EvaluationDemoData(ProcessEngine engine, SeedLock seedLock, DemoSurveyAnswers surveyAnswers,
      ApplicationEventPublisher events) {
    this.engine = engine;
    this.seedLock = seedLock;
    this.surveyAnswers = surveyAnswers;
    this.events = events;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(Ordered.LOWEST_PRECEDENCE)
  public void seed() {
    seedLock.runLocked(() -> {
      if (engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.POST_EVALUATION)
          .processInstanceBusinessKey("济政〔2025〕7号").count() > 0) {
        return;
      }
      commissionedAtImplementation();
      simplifiedAtAuthorityApproval();
      selfEvaluationAtMaterials();
      justStarted();
      completedAndPublished();
      events.publishEvent(new Seeded());
      LOG.info("已生成演示数据：6 项重大行政决策，4 项评估处于不同阶段，1 项已审定并公开摘要");
    });
  }

  /** 课后服务: commissioned to the demo agency; jyj supplies materials, jigou records consultations. */
  private void commissionedAtImplementation() {
    String pid = registerAndFireSchedule("济政〔2025〕7号", "济源市中小学课后服务实施方案", "POLICY", true, "2025-09-01", null, "exec-jyj");
    act("sifa", pid, TaskKeys.DETERMINE_METHOD, EvaluationSubmissions.determineMethod(EvaluatorType.COMMISSIONED,
        Procedure.FULL, null, Groups.LEGAL_AFFAIRS, null));
    act("sifa", pid, TaskKeys.SELECT_AGENCY,
        EvaluationSubmissions.selectAgency("demo", "对课后服务实施情况开展整体评估，形成评估报告", null));
    act("jigou", pid, TaskKeys.FORM_TEAM, EvaluationSubmissions.formTeam(List.of(
        TeamMember.independent("孙立新", "郑州大学公共政策研究中心", "行业专家", "0371-67780001"),
        TeamMember.independent("李红", "市人大常委会教科文卫工委", "人大代表", "0391-6633002"),
        TeamMember.independent("周法明", "河南济源律师事务所", "法律专家", "13903910003"))));
    act("jigou", pid, TaskKeys.DRAFT_PLAN, EvaluationSubmissions.draftPlan("评估课后服务政策执行满一年的实施效果，提出完善建议",
        "全市 126 所中小学课后服务的覆盖、质量、收费和满意度", "按第七条六个方面评分；问卷调查、实地调研、座谈会",
        "11月准备，12月实施，次年1月形成报告", 86000, "郑州大学公共政策研究中心组织实施，市教育局配合提供材料"));
    act("zhengfu", pid, TaskKeys.APPROVE_PLAN, EvaluationSubmissions.approvePlan());
    act("jigou", pid, TaskKeys.DESIGN_SURVEY, EvaluationSubmissions.designSurvey("家长、教师、学生三类对象；城区与农村学校分层抽样",
        "济源市中小学课后服务满意度调查", 30, List.of(
            QuestionnaireItem.of("您的身份", QuestionType.SINGLE, "学生家长", "教师", "学生", "其他"),
            QuestionnaireItem.scale("您对课后服务总体是否满意？", Dimension.ALIGNMENT, true),
            QuestionnaireItem.scale("您对课后服务的时间安排和内容是否满意？", Dimension.EXECUTION, true),
            QuestionnaireItem.scale("您对收费标准和报名程序的公开透明是否满意？", Dimension.PROCEDURE, true),
            QuestionnaireItem.scale("您对课后服务减轻家庭接送和辅导负担的效果是否满意？", Dimension.EFFECT, true),
            QuestionnaireItem.scale("您对课后服务实现“双减”目标的情况是否满意？", Dimension.OBJECTIVES, true),
            QuestionnaireItem.of("您认为课后服务存在哪些问题？", QuestionType.MULTIPLE, "时间安排不合理", "内容单一", "收费偏高", "师资不足"),
            new QuestionnaireItem("您对完善课后服务有什么建议？", QuestionType.TEXT.name(), null, false, null))));
    // the questionnaire stays open for its 30 days: citizens have started answering on the public page
    surveyAnswers.answer(pid, 18);
  }

  /** 老旧小区改造: simplified self-evaluation by the legal office, waiting for the authority's resolution. */
  private void simplifiedAtAuthorityApproval() {
    String pid = registerAndRequest("济政〔2025〕21号", "济源市老旧小区改造三年行动计划", "PLAN", false, "2025-01-01", "2027-12-31",
        "exec-zjj", "sifa", "EFFECT_NOT_ACHIEVED", "电梯加装进度明显滞后，未达到年度目标");
    act("sifa", pid, TaskKeys.DETERMINE_METHOD, EvaluationSubmissions.determineMethod(EvaluatorType.SELF,
        Procedure.SIMPLIFIED, "评估事项单一、争议较小，采用简易程序（第十五条）", Groups.LEGAL_AFFAIRS,
        List.of(Dimension.EXECUTION, Dimension.ALIGNMENT, Dimension.OBJECTIVES)));
    act("zjj", pid, TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED, EvaluationSubmissions.supplyMaterials(List.of(
        Variables.fileValue("老旧小区改造进度台账.pdf").file("%PDF-1.4\n% 演示材料\n".getBytes(StandardCharsets.UTF_8))
            .mimeType("application/pdf").create()),
        "计划改造 68 个小区，已完工 41 个，惠及居民 1.2 万户", "部分小区加装电梯意见不一，进度滞后", "施工扰民投诉增多",
        "建立居民议事机制，分批推进"));
    act("sifa", pid, TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, EvaluationSubmissions.recordConsultations(List.of(
        Consultation.of("SYMPOSIUM", LocalDate.of(2026, 10, 15), 32, 47, "邀请居民代表、街道社区座谈"))));
    act("sifa", pid, TaskKeys.ANALYSIS_SIMPLIFIED, EvaluationSubmissions.analysis(List.of(
            new Assessment(Dimension.EXECUTION, 68, "进度滞后于计划约三个月"),
            new Assessment(Dimension.ALIGNMENT, 82, "居民总体支持，满意度 81%"),
            new Assessment(Dimension.OBJECTIVES, 70, "改善居住条件目标基本实现，但电梯加装未达预期")),
        false, false, "已完工率 60%", "居民出资比例规定不够明确", "计划总体可行，需调整电梯加装的推进方式", "明确出资分担比例，延长工期"));
    act("sifa", pid, TaskKeys.REVIEW_DRAFT, EvaluationSubmissions.reviewDraft("初稿结构完整", null));
    act("sifa", pid, TaskKeys.FINALIZE_REPORT, EvaluationSubmissions.finalizeReport("定稿，提交决策机关审定"));
  }

  /** 民营经济: self-evaluation by the legal office; fgw owes the materials. */
  private void selfEvaluationAtMaterials() {
    String pid = registerAndFireSchedule("济政〔2026〕3号", "济源市促进民营经济高质量发展若干政策措施", "REFORM", false, "2025-11-01", null, "exec-fgw");
    act("sifa", pid, TaskKeys.DETERMINE_METHOD, EvaluationSubmissions.determineMethod(EvaluatorType.SELF, Procedure.FULL, null,
        Groups.LEGAL_AFFAIRS, null));
    act("sifa", pid, TaskKeys.FORM_TEAM, EvaluationSubmissions.formTeam(List.of(
        TeamMember.independent("王明远", "市司法局", "机关工作人员", "0391-6600001"),
        TeamMember.independent("赵敏", "市政协经济委员会", "政协委员", "0391-6600002"))));
    act("sifa", pid, TaskKeys.DRAFT_PLAN, EvaluationSubmissions.draftPlan("评估政策措施执行满一年的效果",
        "减税降费、融资支持、营商环境三类 22 项措施", "第七条；企业问卷、座谈会", "两个月", 30000, "市司法局牵头"));
    act("zhengfu", pid, TaskKeys.APPROVE_PLAN, EvaluationSubmissions.approvePlan());
    act("sifa", pid, TaskKeys.DESIGN_SURVEY, EvaluationSubmissions.designSurvey("规上企业与小微企业分别抽样",
        "民营企业政策获得感调查", 20, List.of(
            QuestionnaireItem.scale("您对政策措施的总体满意度", Dimension.ALIGNMENT, true),
            QuestionnaireItem.scale("您对惠企政策兑现流程的便利程度是否满意？", Dimension.PROCEDURE, true),
            QuestionnaireItem.of("您的企业享受了哪些政策？", QuestionType.MULTIPLE, "减税降费", "融资支持", "用地保障", "人才引进"),
            new QuestionnaireItem("您对完善政策措施的建议", QuestionType.TEXT.name(), null, false, null))));
    // 36 enterprises answered; the legal office ended the questionnaire early, so its results are in the record
    surveyAnswers.answer(pid, 36);
    engine.getRuntimeService().createMessageCorrelation(EvaluationMessages.SURVEY_CLOSED_EARLY).processInstanceId(pid)
        .correlate();
    runDueJobs(pid);
  }

  /**
   * 城乡供水: a simplified evaluation approved last; the authority chose to publish its summary, which the public page
   * /public/evaluations shows.
   */
  private void completedAndPublished() {
    String pid = registerAndRequest("济政〔2023〕18号", "济源市城乡供水一体化实施方案", "OTHER", false, "2023-06-01", null,
        "exec-zjj", "zhengfu", "AUTHORITY_DEEMS_NECESSARY", "城乡供水一体化改革关系群众切身利益，决策机关认为有必要评估");
    act("sifa", pid, TaskKeys.DETERMINE_METHOD, EvaluationSubmissions.determineMethod(EvaluatorType.SELF,
        Procedure.SIMPLIFIED, "评估事项单一、争议较小，采用简易程序（第十五条）", Groups.LEGAL_AFFAIRS, null));
    act("zjj", pid, TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED, EvaluationSubmissions.supplyMaterials(List.of(
        Variables.fileValue("城乡供水一体化实施情况.pdf").file("%PDF-1.4\n% 演示材料\n".getBytes(StandardCharsets.UTF_8))
            .mimeType("application/pdf").create()),
        "新建改造管网 126 公里，覆盖 9 个镇 214 个村，农村自来水普及率由 71% 提高到 96%", "部分山区村水压不足",
        "水价调整可能引发群众意见", "分区分类推进，完善水价听证"));
    act("sifa", pid, TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, EvaluationSubmissions.recordConsultations(List.of(
        Consultation.of("SYMPOSIUM", LocalDate.of(2026, 6, 18), 28, 35, "邀请人大代表、村民代表和供水企业座谈"),
        Consultation.of("WRITTEN_SOLICITATION", LocalDate.of(2026, 6, 25), 9, 14, "书面征求 9 个镇人民政府意见"))));
    VariableMap analysis = EvaluationSubmissions.analysis(java.util.Arrays.stream(Dimension.values())
            .map(d -> new Assessment(d, 86, d.label() + "：总体符合要求")).toList(),
        false, false, "农村自来水普及率 96%，水质达标率 100%", "水价形成机制基本可行", "改革总体达到预期效果",
        "加强山区村加压设施建设");
    // two recommendations to the water utility's unit: they become rectification items when the report is approved
    List<Recommendation> recommendations = List.of(
        Recommendation.of("在水压不足的 12 个山区村建设加压设施", "exec-zjj", RecommendationKind.ADMINISTRATION, 60),
        Recommendation.of("完善城乡统一水价的听证和公示办法", "exec-zjj", RecommendationKind.SUPPORTING_RULES, 30));
    RECOMMENDATION_ITEMS.putInto(analysis, recommendations);
    act("sifa", pid, TaskKeys.ANALYSIS_SIMPLIFIED, analysis);
    act("sifa", pid, TaskKeys.REVIEW_DRAFT, EvaluationSubmissions.reviewDraft("初稿结构完整", null));
    act("sifa", pid, TaskKeys.FINALIZE_REPORT, EvaluationSubmissions.finalizeReport("定稿，提交决策机关审定"));
    VariableMap approval = EvaluationSubmissions.approveAndPublish("CONTINUE",
        "改革达到预期效果，继续执行", "经评估，《济源市城乡供水一体化实施方案》实施以来，全市新建改造供水管网 126 公里，"
            + "农村自来水普及率由 71% 提高到 96%，水质达标率 100%，决策目标基本实现。决定继续执行，并加强山区村供水保障。",
        "农村自来水普及率提高 25 个百分点；部分山区村水压不足，需建设加压设施。");
    // the authority accepts both recommendations
    List<RecommendationDecision> decisions = new java.util.ArrayList<>();
    for (int i = 0; i < recommendations.size(); i++) {
      Recommendation r = recommendations.get(i);
      decisions.add(new RecommendationDecision(i + 1, r.text(), "市住房和城乡建设局", r.kindCode().label(),
          r.workingDays(), AuthorityItemDecision.ACCEPT.name(), null));
    }
    RECOMMENDATION_DECISIONS.putInto(approval, decisions);
    act("zhengfu", pid, TaskKeys.AUTHORITY_APPROVAL, approval);
  }

  /** 城市更新: just requested under Art. 8(5); the legal office decides how to evaluate. Plus a decision only tracked. */
  private void justStarted() {
    registerAndRequest("济政〔2024〕15号", "济源市城市更新专项规划（2024—2030年）", "PLAN", false, "2024-01-01", "2030-12-31",
        "exec-zjj", "zhengfu", "AUTHORITY_DEEMS_NECESSARY", "城市更新项目社会关注度高，决策机关认为有必要提前评估");
    register("济政〔2026〕11号", "济源市新能源汽车推广应用实施方案", "OTHER", false, "2026-06-01", null, "exec-fgw");
  }

  /** 登记重大行政决策 as the authority would, in Tasklist. */
  private String register(String number, String title, String category, boolean broad, String start, String end, String unit) {
    VariableMap vars = Variables.createVariables();
    TrackingVariables.DECISION_NUMBER.putInto(vars, number);
    TrackingVariables.DECISION_TITLE.putInto(vars, title);
    TrackingVariables.DECISION_CATEGORY.putInto(vars, category);
    TrackingVariables.BROAD_IMPACT.putInto(vars, broad);
    TrackingVariables.IMPLEMENTATION_START.putInto(vars, LocalDate.parse(start));
    TrackingVariables.IMPLEMENTATION_END.putInto(vars, end == null ? null : LocalDate.parse(end));
    TrackingVariables.EXECUTING_UNIT.putInto(vars, unit);
    TrackingVariables.SUPERIOR_MANDATED.putInto(vars, false);
    return as("zhengfu", () -> engine.getFormService().submitStartForm(latest(ProcessKeys.DECISION_TRACKING), vars).getId());
  }

  /** A decision whose scheduled evaluation is already due: its timer fires now, as the job executor would. */
  private String registerAndFireSchedule(String number, String title, String category, boolean broad, String start,
      String end, String unit) {
    String tracking = register(number, title, category, broad, start, end, unit);
    engine.getManagementService().createJobQuery().processInstanceId(tracking).timers().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    return evaluationOf(number);
  }

  /** A decision with an accepted evaluation request (Art. 8). */
  private String registerAndRequest(String number, String title, String category, boolean broad, String start, String end,
      String unit, String requester, String reason, String description) {
    register(number, title, category, broad, start, end, unit);
    VariableMap vars = Variables.createVariables();
    TrackingVariables.DECISION_NUMBER.putInto(vars, number);
    TrackingVariables.REQUEST_REASON.putInto(vars, reason);
    TrackingVariables.REQUEST_DESCRIPTION.putInto(vars, description);
    as(requester, () -> engine.getFormService().submitStartForm(latest(ProcessKeys.EVALUATION_REQUEST), vars));
    return evaluationOf(number);
  }


  private String evaluationOf(String number) {
    String tracking = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.DECISION_TRACKING).processInstanceBusinessKey(number).singleResult().getId();
    runDueJobs(tracking);
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ProcessKeys.POST_EVALUATION)
        .processInstanceBusinessKey(number).singleResult().getId();
  }

  private String latest(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
  }

  /** Completes a task as the given demo user, with that user's authorizations. */
  private void act(String user, String pid, String taskKey, VariableMap vars) {
    runDueJobs(pid);
    as(user, () -> {
      Task task = engine.getTaskService().createTaskQuery().processInstanceId(pid).taskDefinitionKey(taskKey).singleResult();
      engine.getFormService().submitTaskForm(task.getId(), vars);
      return null;
    });
    runDueJobs(pid);
  }

  /**
   * Runs the machine work behind the async boundaries of the decision's processes now (tracking, request and
   * evaluation share the business key), so the next demo step finds its task; the job executor may take a job first.
   */
  private void runDueJobs(String pid) {
    String number = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pid)
        .singleResult().getBusinessKey();
    for (int round = 0; round < 100; round++) {
      List<Job> due = new java.util.ArrayList<>();
      for (ProcessInstance p : engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
          .list()) {
        due.addAll(engine.getManagementService().createJobQuery().processInstanceId(p.getId()).executable().active()
            .withRetriesLeft().list());
      }
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException e) {
          if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
            throw e;
          } // otherwise the job executor ran it meanwhile
        }
      }
    }
  }

  private <T> T as(String user, java.util.function.Supplier<T> work) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

}
