package cn.jiyuan.decisionreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.support.Covers;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Art. 27: the reminder 90 days before the configured expiry, once; the registration form's warning date. */
@IntegrationTest
@Covers({"第二十七条"})
class MeasuresValidityIT {

  @Autowired MeasuresValidity validity;
  @Autowired TaskService taskService;

  @Test
  void legalAffairsIsRemindedOnce90DaysBeforeExpiry() {
    assertThat(validity.reminderDate()).isEqualTo(validity.expires().minusDays(90)).isEqualTo("2027-10-02");
    assertThat(validity.check(validity.reminderDate().minusDays(1))).isFalse();
    assertThat(validity.check(validity.reminderDate())).isTrue();
    assertThat(validity.check(validity.reminderDate().plusDays(1))).isFalse();
    Task task = taskService.createTaskQuery().processDefinitionKey("measures-revision").singleResult();
    assertThat(task.getName()).isEqualTo("《办法》即将到期，请组织评估修订");
    assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(l -> l.getGroupId()).contains("legal-affairs");
  }

  @Test
  void theRegistrationFormWarnsAfterTheConfiguredExpiry() throws Exception {
    String form = Files.readString(Path.of("forms/register-decision.form"));
    assertThat(form).contains("date(\\\"" + validity.expires() + "\\\")");
  }
}
