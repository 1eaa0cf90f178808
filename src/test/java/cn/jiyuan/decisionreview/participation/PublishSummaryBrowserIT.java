package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.identity.TasklistFilterSeeder;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.Tasklist;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 决策机关审定 in Tasklist: the authority ticks 公开评估摘要, writes the summary, and it appears publicly. */
@Tag("browser")
@IntegrationTest
class PublishSummaryBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void theAuthorityPublishesASummaryFromTheApprovalForm() throws Exception {
    String number = DecisionNumbers.unique();
    EvaluationScenario.start(engine, number, "exec-jyj")
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED)
        .recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values())).reviewDraft(null).finalizeReport();

    try (Tasklist t = Tasklist.open(port, "publish-summary")) {
      t.login("zhengfu").openTask(List.of(TasklistFilterSeeder.MY_TASKS, TasklistFilterSeeder.UNIT_TASKS), "决策机关审定", number).claim();
      String before = t.driver().findElement(By.cssSelector("[cam-tasklist-form]")).getText();
      assertThat(before).doesNotContain("公开评估摘要", "公开的摘要");
      t.form().choose("审定意见", "审定通过").select("处理决定", "继续执行").text("理由", "实施效果良好，继续执行。");
      assertThat(t.driver().findElement(By.cssSelector("[cam-tasklist-form]")).getText())
          .contains("公开评估摘要").doesNotContain("公开的摘要");
      t.form().check("公开评估摘要").text("公开的摘要", "课后服务已覆盖全市中小学，家长满意度较高，决定继续执行。")
          .text("主要评估发现", "覆盖率达到 98%。");
      t.shot("决策机关审定-公开评估摘要");
      t.submit();
    }
    Jobs.drain(engine, number);
    String published = Http.anonymous(port).get("/public/api/evaluations").body();
    assertThat(published).contains(number, "课后服务已覆盖全市中小学", "覆盖率达到 98%。");
  }
}
