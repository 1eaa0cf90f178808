package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.evaluation.EvaluationDemoData;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follow-through in the demo (profile {@code demo}): the approved 城乡供水 evaluation has two rectification items for
 * 市住房和城乡建设局; zjj has reported the first with an evidence file, so sifa finds 整改情况审核 in Tasklist, and
 * the second still waits for zjj's 落实整改事项.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "decision-review.demo.evaluations", havingValue = "true", matchIfMissing = true)
class RectificationDemoData {

  static final String DECISION = "济政〔2023〕18号";

  private final ProcessEngine engine;
  private final RectificationService service;

  RectificationDemoData(ProcessEngine engine, RectificationService service) {
    this.engine = engine;
    this.service = service;
  }

  @EventListener(EvaluationDemoData.Seeded.class)
  void seed() {
    String evaluation = engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.POST_EVALUATION).processInstanceBusinessKey(DECISION).singleResult().getId();
    List<RectificationView> items = service.itemsOfEvaluation(evaluation);
    if (items.isEmpty()) {
      return;
    }
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(items.get(0).rectificationProcessInstanceId())
        .taskDefinitionKey(RectificationRules.IMPLEMENT).singleResult();
    VariableMap report = Variables.createVariables();
    RectificationVariables.MEASURES.putInto(report, "已完成 12 个山区村加压泵站选址，其中 7 个已建成投用，其余 5 个年底前完工");
    RectificationVariables.UNIT_STATUS.putInto(report, UnitStatus.PARTIAL);
    RectificationVariables.UNIT_REASON.putInto(report, "5 个泵站受冬季施工条件限制，计划 2027 年 3 月底前全部建成");
    RectificationVariables.EVIDENCE.putInto(report, "济住建〔2026〕31号 山区村加压设施建设进度通报");
    report.putValueTyped(RectificationVariables.EVIDENCE_FILE_PREFIX + 1, Variables.fileValue("山区村加压设施建设进度通报.pdf")
        .file("%PDF-1.4\n% 演示材料\n".getBytes(StandardCharsets.UTF_8)).mimeType("application/pdf").create());
    // as zjj, with zjj's groups: the report is recorded as zjj's and passes the same checks as in Tasklist
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember("zjj").list().stream()
        .map(Group::getId).toList();
    engine.getIdentityService().setAuthentication("zjj", groups);
    try {
      engine.getFormService().submitTaskForm(task.getId(), report);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
