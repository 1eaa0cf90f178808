package cn.jiyuan.decisionreview.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.shared.SelectOption;
import java.util.List;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.junit.jupiter.api.Test;

/**
 * 责任单位 of the recommendation list comes from the directory (Art. 16, 17): every executing unit, then the legal
 * office, the authority and the supervisors; agencies, experts, analysts and the administrators are not offered.
 */
class ResponsibleUnitOptionsTest {

  private static Group group(String id, String name) {
    GroupEntity g = new GroupEntity(id);
    g.setName(name);
    return g;
  }

  @Test
  void theExecutingUnitsByIdThenTheOtherGroupsARecommendationMayGoTo() {
    List<SelectOption> options = EvaluationTaskListeners.responsibleUnitOptions(List.of(
        group("supervision-office", "市政府办公室督办科"), group("exec-zjj", "市住房和城乡建设局"),
        group("agency-demo", "郑州大学公共政策研究中心"), group("legal-affairs", "市司法局"), group("experts", "评估专家库"),
        group("exec-sta", "市统计局"), group("decision-authority", "决策机关"), group("camunda-admin", "系统管理员"),
        group("process-analysts", "流程分析员"), group("exec-fgw", null)));
    assertThat(options).containsExactly(new SelectOption("exec-fgw", "exec-fgw"),
        new SelectOption("市统计局", "exec-sta"), new SelectOption("市住房和城乡建设局", "exec-zjj"),
        new SelectOption("市司法局", "legal-affairs"), new SelectOption("决策机关", "decision-authority"),
        new SelectOption("市政府办公室督办科", "supervision-office"));
  }
}
