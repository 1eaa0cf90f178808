package cn.jiyuan.decisionreview.participation;

import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PUBLIC_KEY_FINDINGS;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PUBLIC_SUMMARY;
import static cn.jiyuan.decisionreview.evaluation.EvaluationVariables.PUBLISH_SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluationSubmissions;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Art. 16 openness (issue 11 item 7): what the authority chooses to publish at 决策机关审定 appears on
 * {@code GET /public/api/evaluations}; nothing unpublished is visible publicly.
 */
@IntegrationTest
class PublishedSummaryIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  /** A simplified self-evaluation up to 决策机关审定. */
  private EvaluationScenario untilApproval(String number) {
    return EvaluationScenario.start(engine, number, "exec-jyj")
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED)
        .recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values())).reviewDraft(null).finalizeReport();
  }

  private JsonNode published() {
    Http.Response r = Http.anonymous(port).get("/public/api/evaluations");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static JsonNode entry(JsonNode list, String number) {
    for (JsonNode e : list) {
      if (e.get("decisionNumber").asText().equals(number)) {
        return e;
      }
    }
    return null;
  }

  @Test
  void anApprovalThatPublishesASummaryAppearsPublicly() {
    String number = DecisionNumbers.unique();
    EvaluationScenario s = untilApproval(number);
    VariableMap approval = EvaluationSubmissions.approveReport("CONTINUE", "实施效果良好");
    PUBLISH_SUMMARY.putInto(approval, true);
    PUBLIC_SUMMARY.putInto(approval, "课后服务覆盖全市中小学，家长满意度较高，决定继续执行。");
    PUBLIC_KEY_FINDINGS.putInto(approval, "覆盖率达到 98%；收费公开透明");
    s.complete(TaskKeys.AUTHORITY_APPROVAL, approval);

    JsonNode list = published();
    JsonNode summary = entry(list, number);
    assertThat(summary).as("published summary of " + number).isNotNull();
    assertThat(summary.get("decisionTitle").asText()).isEqualTo("济源市中小学课后服务实施方案");
    assertThat(summary.get("evaluationType").asText()).isEqualTo("EXECUTION");
    assertThat(summary.get("evaluationTypeName").asText()).isEqualTo("执行评估");
    assertThat(summary.get("grade").asText()).isEqualTo("GOOD");
    assertThat(summary.get("gradeName").asText()).isEqualTo("良好");
    assertThat(summary.get("outcome").asText()).isEqualTo("CONTINUE");
    assertThat(summary.get("outcomeName").asText()).isEqualTo("继续执行");
    assertThat(summary.get("summary").asText()).startsWith("课后服务覆盖全市中小学");
    assertThat(summary.get("keyFindings").asText()).contains("98%");
    assertThat(summary.get("approvedAt").asText()).isEqualTo(BeijingClock.INSTANCE.today().toString());
    // nothing internal: no process ids, no user names
    assertThat(list.toString()).doesNotContain(s.instance.getId(), "zhengfu", "processInstanceId", "exec-jyj");
  }

  @Test
  void nothingUnpublishedIsVisiblePublicly() {
    String notChosen = DecisionNumbers.unique();
    untilApproval(notChosen).complete(TaskKeys.AUTHORITY_APPROVAL,
        EvaluationSubmissions.approveReport("CONTINUE", "实施效果良好"));
    String unticked = DecisionNumbers.unique();
    VariableMap approval = EvaluationSubmissions.approveReport("CONTINUE", "实施效果良好");
    PUBLISH_SUMMARY.putInto(approval, false);
    PUBLIC_SUMMARY.putInto(approval, "不应公开的草稿");
    untilApproval(unticked).complete(TaskKeys.AUTHORITY_APPROVAL, approval);

    JsonNode list = published();
    assertThat(entry(list, notChosen)).isNull();
    assertThat(entry(list, unticked)).isNull();
    assertThat(list.toString()).doesNotContain("不应公开的草稿");
  }

  @Test
  void aReturnedReportCannotBePublished() {
    String number = DecisionNumbers.unique();
    EvaluationScenario s = untilApproval(number);
    VariableMap returned = EvaluationSubmissions.returnReport("请补充数据");
    PUBLISH_SUMMARY.putInto(returned, true);
    PUBLIC_SUMMARY.putInto(returned, "摘要");
    assertThatThrownBy(() -> s.complete(TaskKeys.AUTHORITY_APPROVAL, returned))
        .hasMessageContaining("只有审定通过的评估报告才能公开评估摘要");
    VariableMap noSummary = EvaluationSubmissions.approveReport("CONTINUE", "实施效果良好");
    PUBLISH_SUMMARY.putInto(noSummary, true);
    assertThatThrownBy(() -> s.complete(TaskKeys.AUTHORITY_APPROVAL, noSummary))
        .hasMessageContaining("公开评估摘要时须填写公开的摘要");
    assertThat(s.task(TaskKeys.AUTHORITY_APPROVAL)).isNotNull();
    assertThat(entry(published(), number)).isNull();
  }
}
