package cn.jiyuan.decisionreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.evaluation.Dimension;
import cn.jiyuan.decisionreview.evaluation.EvaluationScenario;
import cn.jiyuan.decisionreview.evaluation.EvaluatorType;
import cn.jiyuan.decisionreview.evaluation.Procedure;
import cn.jiyuan.decisionreview.evaluation.TaskKeys;
import cn.jiyuan.decisionreview.evaluation.files.FileRules;
import cn.jiyuan.decisionreview.shared.Groups;
import cn.jiyuan.decisionreview.support.Http;
import cn.jiyuan.decisionreview.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A 20 MB file reaches 提供实施情况材料 through Tasklist's own submit path and 审核报告初稿 through
 * {@code /engine-rest}; one byte more is refused by the form rule (400, its Chinese size message), not by a
 * generic body cap. Embedded forms send files base64-encoded inside the JSON, as these requests do.
 */
@IntegrationTest
class LargeUploadIT {

  static final int MAX = (int) FileRules.MAX_BYTES;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void twentyMegabyteFilesReachBothUploadFormsAndOneByteMoreIsRefusedByTheFormRule() throws IOException {
    EvaluationScenario scenario = EvaluationScenario.start(engine, "济政〔2026〕961号", "exec-jyj")
        .determineMethod(EvaluatorType.SELF, Procedure.SIMPLIFIED, Groups.LEGAL_AFFAIRS, null);
    String pid = scenario.instance.getId();
    Task materials = scenario.task(TaskKeys.SUPPLY_MATERIALS_SIMPLIFIED);
    Http tasklist = Http.webappSession(port, "jyj", "demo");
    String submit = "/camunda/api/engine/engine/default/task/" + materials.getId() + "/submit-form";

    Http.Response tooLarge = tasklist.postJson(submit, materialsForm(file("%PDF-1.7\n", MAX + 1), "实施情况报告.pdf"));
    assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(400);
    assertThat(Refusals.assertChineseRefusal("20 MB + 1 via Tasklist", tooLarge)).contains("实施情况报告.pdf", "超过 20 MB");
    assertThat(engine.getTaskService().createTaskQuery().taskId(materials.getId()).count()).isEqualTo(1);
    assertThat(storedMaterials(pid)).isZero();

    Http.Response accepted = tasklist.postJson(submit, materialsForm(file("%PDF-1.7\n", MAX), "实施情况报告.pdf"));
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
    assertThat(storedMaterials(pid)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select max(size_bytes) from dr_evaluation_material where process_instance_id = ?",
        Long.class, pid)).isEqualTo((long) MAX);

    scenario.recordConsultations(TaskKeys.RECORD_CONSULTATIONS_SIMPLIFIED, false)
        .analysis(TaskKeys.ANALYSIS_SIMPLIFIED, 85, List.of(Dimension.values()));
    Task review = scenario.task(TaskKeys.REVIEW_DRAFT);
    Http sifa = Http.basic(port, "sifa", "demo");
    String complete = "/engine-rest/task/" + review.getId() + "/submit-form";

    Http.Response reportTooLarge = sifa.postJson(complete, reviewForm(file("PK\u0003\u0004", MAX + 1)));
    assertThat(reportTooLarge.status()).as(reportTooLarge.body()).isEqualTo(400);
    assertThat(Refusals.assertChineseRefusal("20 MB + 1 via engine-rest", reportTooLarge)).contains("超过 20 MB");

    byte[] report = file("PK\u0003\u0004", MAX);
    Http.Response reportAccepted = sifa.postJson(complete, reviewForm(report));
    assertThat(reportAccepted.status()).as(reportAccepted.body()).isEqualTo(204);
    FileValue stored = engine.getRuntimeService().getVariableTyped(pid, "evaluationReport");
    assertThat(stored.getValue().readAllBytes()).isEqualTo(report);
  }

  /** A body above the cap is answered 413 in Chinese from its declared length, before anything is read. */
  @Test
  void aBodyAboveTheCapIsRefusedWithAChinese413() throws IOException {
    long declared = RequestLimits.MAX_BODY_BYTES + 1;
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      String auth = Base64.getEncoder().encodeToString("sifa:demo".getBytes(StandardCharsets.UTF_8));
      out.write(("POST /engine-rest/task/x/submit-form HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
          + "\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n{\"variables\":").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String response = new String(readSome(socket.getInputStream()), StandardCharsets.UTF_8);
      assertThat(response).startsWith("HTTP/1.1 413").contains("请求体过大");
    }
  }

  private static byte[] readSome(InputStream in) throws IOException {
    byte[] buffer = new byte[8192];
    int total = 0;
    int n;
    while (total < buffer.length && (n = in.read(buffer, total, buffer.length - total)) > 0) {
      total += n;
      if (new String(buffer, 0, total, StandardCharsets.UTF_8).contains("}")) {
        break;
      }
    }
    return Arrays.copyOf(buffer, total);
  }

  private long storedMaterials(String pid) {
    return jdbc.queryForObject("select count(*) from dr_evaluation_material where process_instance_id = ?", Long.class, pid);
  }

  private static byte[] file(String magic, int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    byte[] head = magic.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(head, 0, bytes, 0, head.length);
    return bytes;
  }

  private static Map<String, Object> fileVariable(byte[] content, String name, String mime) {
    return Map.of("type", "File", "value", Base64.getEncoder().encodeToString(content),
        "valueInfo", Map.of("filename", name, "mimetype", mime));
  }

  private static Map<String, Object> materialsForm(byte[] pdf, String name) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("materialFile1", fileVariable(pdf, name, "application/pdf"));
    vars.put("implementationData", Map.of("value", "全市 120 所学校开展课后服务", "type", "String"));
    vars.put("implementationProblems", Map.of("value", "部分农村学校师资不足", "type", "String"));
    vars.put("implementationRisks", Map.of("value", "收费标准争议", "type", "String"));
    vars.put("implementationSuggestions", Map.of("value", "增加财政补助", "type", "String"));
    return Map.of("variables", vars);
  }

  private static Map<String, Object> reviewForm(byte[] docx) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("draftConfirmed", Map.of("value", true, "type", "Boolean"));
    vars.put("draftReviewNotes", Map.of("value", "已审阅，上传修改稿", "type", "String"));
    vars.put("revisedReport", fileVariable(docx, "修改稿.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    return Map.of("variables", vars);
  }
}
