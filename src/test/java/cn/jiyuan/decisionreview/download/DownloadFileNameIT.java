package cn.jiyuan.decisionreview.download;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.DecisionNumbers;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A draft report downloaded from the Tasklist form (Camunda's own task variable data endpoint)
 * and from the project's endpoints arrives with its Chinese name. Without the rewrite Tomcat dropped Camunda's
 * header (raw UTF-8 in filename="…") and the browser saved "data.docx".
 */
@IntegrationTest
class DownloadFileNameIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  @Test
  void reportsAndMaterialsKeepTheirChineseNamesOnEveryDownloadPath() throws Exception {
    String number = DecisionNumbers.unique();
    EvaluationScenario s = EvaluationScenario.start(engine, number, "exec-fgw")
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null)
        .supplyMaterials(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED).recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values()));
    String pid = s.instance.getId();
    String task = s.task(TaskKeys.REVIEW_DRAFT).getId();
    String draftName = number + "-跟踪反馈与后评估报告（初稿）.docx";

    // What the Tasklist form's cam-file-download link fetches, in sifa's webapp session.
    Http tasklist = Http.webappSession(port, "sifa", "demo");
    Http.Response fromForm = tasklist.get("/camunda/api/engine/engine/default/task/" + task + "/variables/evaluationReport/data");
    assertDownload(fromForm, draftName);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(fromForm.bytes()))) {
      assertThat(doc.getParagraphs()).isNotEmpty();
    }

    // Camunda's other file endpoints, on both REST APIs.
    Http sifa = Http.basic(port, "sifa", "demo");
    Http admin = Http.basic(port, "demo", "demo");
    JsonNode variable = admin.get("/engine-rest/variable-instance?processInstanceIdIn=" + pid + "&variableName=evaluationReport").json();
    JsonNode historic = admin.get("/engine-rest/history/variable-instance?processInstanceId=" + pid + "&variableName=evaluationReport").json();
    assertThat(variable).hasSize(1);
    assertThat(historic).hasSize(1);
    for (String path : List.of(
        "/task/" + task + "/variables/evaluationReport/data",
        "/process-instance/" + pid + "/variables/evaluationReport/data",
        "/execution/" + pid + "/localVariables/evaluationReport/data",
        "/variable-instance/" + variable.get(0).get("id").asText() + "/data",
        "/history/variable-instance/" + historic.get(0).get("id").asText() + "/data")) {
      assertDownload(admin.get("/engine-rest" + path), draftName);
      assertDownload(tasklistAdmin().get("/camunda/api/engine/engine/default" + path), draftName);
    }
    assertDownload(sifa.get("/engine-rest/task/" + task + "/variables/evaluationReport/data"), draftName);

    // The project's own downloads.
    assertDownload(sifa.get("/api/evaluations/" + pid + "/report"), draftName);
    JsonNode materials = sifa.get("/api/evaluations/" + pid + "/materials").json();
    assertThat(materials).hasSize(1);
    assertDownload(sifa.get(materials.get(0).get("url").asText()), "实施情况报告.pdf");
  }

  private Http tasklistAdmin;

  private Http tasklistAdmin() {
    if (tasklistAdmin == null) {
      tasklistAdmin = Http.webappSession(port, "demo", "demo");
    }
    return tasklistAdmin;
  }

  /** The client's view: an ASCII-only header whose filename* decodes to the Chinese name. */
  private static void assertDownload(Http.Response response, String expectedName) {
    assertThat(response.status()).as(response.raw().uri() + ": " + response.body()).isEqualTo(200);
    String header = response.header("Content-Disposition");
    assertThat(header).as("Content-Disposition of " + response.raw().uri()).isNotNull().startsWith("attachment;");
    assertThat(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(header).isTrue();
    assertThat(header).containsPattern("filename=\"[^\"]+\"").contains("filename*=UTF-8''");
    String encoded = header.replaceAll(".*filename\\*=UTF-8''([^;\\s]+).*", "$1");
    assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
        .as(response.raw().uri().toString()).isEqualTo(expectedName);
  }
}
