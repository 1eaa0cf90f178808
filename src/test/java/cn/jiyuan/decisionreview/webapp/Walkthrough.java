package cn.jiyuan.decisionreview.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.identity.TasklistFilterSeeder;
import cn.jiyuan.decisionreview.shared.ProcessVariable;
import cn.jiyuan.decisionreview.support.Jobs;
import cn.jiyuan.decisionreview.support.Tasklist;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the walk-throughs share: each evaluation step is done by the demo user who owns it, as a person does it —
 * log in, find the task in the first filter, claim it, fill the form by its Chinese labels, click 提交 — and the
 * next task appears for the next person. Screenshots of every step land in {@code target/e2e/}. No step uses the
 * REST or engine API; the engine is only read at the end to check what the walk left behind. One class per walk,
 * so that the two test JVMs of {@code verify} can take one each.
 */
public abstract class Walkthrough {
  static final String MY_TASKS = TasklistFilterSeeder.MY_TASKS;
  static final List<String> FILTERS = List.of(MY_TASKS, TasklistFilterSeeder.UNIT_TASKS);
  static final String REGISTER = "重大行政决策登记与跟踪";
  static final String REQUEST = "申请启动跟踪反馈与后评估（第八条、第十八条）";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  final LocalDate today = LocalDate.now(cn.jiyuan.decisionreview.shared.BeijingClock.ZONE);

  void register(Tasklist t, String number, String title, String category, String unit) {
    t.login("zhengfu").startProcess(REGISTER);
    t.form().text("决策文号", number).text("决策名称", title).select("决策类别", category)
        .check("对公民权利义务发生普遍影响").date("执行开始日期", today.minusMonths(2)).select("执行单位", unit);
    noEnglish(t);
    t.shot("登记重大行政决策");
    t.submit();
  }

  /** An evaluation request (Art. 8) through the start form, by whoever may make it. */
  void request(Tasklist t, String user, String number, String reason, String description) {
    t.login(user).startProcess(REQUEST);
    // the decision is picked from the list of tracked decisions the user may see, found by its number
    t.form().text("查找决策", number).select("决策", number).select("申请事由", reason).text("申请说明", description);
    noEnglish(t);
    t.shot("申请评估");
    t.submit();
  }

  void work(Tasklist t, String user, String taskName, String number) {
    // The machine work after the previous person's step (reports, archive) runs as a job; run it now, as the job
    // executor would, so the walk does not depend on its timing.
    Jobs.drain(engine, number);
    t.login(user).openTask(FILTERS, taskName, number).claim();
    noEnglish(t);
  }

  void done(Tasklist t, String what) {
    noEnglish(t);
    t.shot(what);
    t.submit();
    t.shot(what + "-已提交");
  }

  /** English left in a form is collected step by step and reported together at the end of the walk. */
  private final java.util.Map<String, List<String>> english = new java.util.LinkedHashMap<>();

  void noEnglish(Tasklist t) {
    List<String> words = t.englishInForm();
    if (!words.isEmpty()) {
      english.merge(t.detailHeading(), words, (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList());
    }
  }

  void assertNoEnglishWasSeen() {
    assertThat(english).as("English words visible in forms, by page").isEmpty();
  }

  void plan(Tasklist t, String schedule) {
    t.form().text("目的", "评估城乡供水一体化改革执行一年来的效果").text("对象与内容", "全市城乡供水管网、水质、水价与服务")
        .text("标准与方法", "按第七条六个方面评分；入户问卷、实地调研、座谈会").text("步骤与时间安排", schedule)
        .text("经费预算（元）", 180000).text("组织保障", "郑州大学公共政策研究中心组织实施，市住建局配合");
  }

  /** 分析研判's six dimensions and its texts, as the walk-throughs and the rectification walk fill them. */
  public static void analysis(Tasklist t, int score) {
    Tasklist.Form form = t.form();
    for (String dimension : List.of("合法性与协调性", "执行情况与措施的必要性、适当性", "执行程序的正当性与可操作性",
        "与发展方向的符合程度及公众认知度、满意度", "近期效益与长远影响", "实施结果与决策目的的符合程度")) {
      form.group(dimension).text("得分（0–100）", score).text("评估发现及依据", dimension + "：基本符合要求。");
    }
    form.text("实施绩效分析", "管网覆盖率由 71% 提高到 96%。").text("制度设计分析", "水价与补贴机制基本可行。")
        .text("初步结论", "改革总体达到预期。").text("意见建议", "加强山区村供水保障。");
  }

  /** Clicks the link and waits for the Word file to arrive, as a person's browser saves it. */
  static Path download(Tasklist t, String linkText) {
    return t.download(linkText, ".docx");
  }

  /** A small but real PDF: the server checks the content, not only the name. */
  public static Path pdf(Path file) throws Exception {
    String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    return Files.writeString(file, body, StandardCharsets.ISO_8859_1);
  }

  HistoricProcessInstance evaluation(String number) {
    HistoryService history = engine.getHistoryService();
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.POST_EVALUATION)
        .processInstanceBusinessKey(number).singleResult();
  }

  Object variable(HistoricProcessInstance pi, ProcessVariable<?> variable) {
    String name = variable.name();
    return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(name).singleResult().getValue();
  }
}
