package cn.jiyuan.decisionreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.report.ReportData.SurveyDimension;
import cn.jiyuan.decisionreview.report.ReportData.SurveySummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

/** The online questionnaire's results in the report: a text and two native Word charts with embedded data. */
class SurveyChartsTest {

  static final List<String> SCALE = List.of("很满意", "满意", "一般", "不满意", "很不满意", "不清楚");
  static final List<String> LABELS = List.of("合法性与协调性", "执行情况与措施", "执行程序", "发展方向与公众满意度",
      "近期效益与长远影响", "结果与目的符合程度");
  static final String CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

  final ReportService service = new ReportService();

  static SurveySummary survey() {
    return new SurveySummary(36, LocalDate.of(2026, 10, 8), 0.9167, SCALE, List.of(
        new SurveyDimension(LABELS.get(0), List.of(12, 14, 6, 2, 1, 1), 3.97, 74.3),
        new SurveyDimension(LABELS.get(1), List.of(10, 15, 7, 2, 0, 2), 3.97, 74.3),
        new SurveyDimension(LABELS.get(2), List.of(8, 12, 10, 3, 1, 2), 3.68, 66.9),
        new SurveyDimension(LABELS.get(3), List.of(15, 14, 4, 1, 0, 2), 4.26, 81.6),
        new SurveyDimension(LABELS.get(4), List.of(9, 13, 9, 3, 1, 1), 3.74, 68.6),
        // no satisfaction question on this dimension: no bar, no score
        new SurveyDimension(LABELS.get(5), List.of(0, 0, 0, 0, 0, 0), null, null)));
  }

  private static List<PackageRelationship> targets(Iterable<PackageRelationship> relationships) {
    List<PackageRelationship> list = new java.util.ArrayList<>();
    relationships.forEach(list::add);
    return list;
  }

  private static String text(XWPFDocument doc) {
    return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
  }

  @Test
  void aReportWithSurveyResultsHasTwoEditableChartsWithTheDimensionsAndValues() throws Exception {
    byte[] docx = service.render(ReportServiceTest.realistic(false).withSurvey(survey()));
    Files.createDirectories(Path.of("target"));
    // kept for a person to look at (libreoffice --headless --convert-to pdf)
    Files.write(Path.of("target", "report-survey-example.docx"), docx);

    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx))) {
      List<PackagePart> charts = pkg.getPartsByName(java.util.regex.Pattern.compile("/word/charts/chart\\d+\\.xml"));
      assertThat(charts).hasSize(2);
      PackagePart document = pkg.getPartsByName(java.util.regex.Pattern.compile("/word/document\\.xml")).get(0);
      List<String> targets = targets(document.getRelationshipsByType(CHART_REL)).stream()
          .map(PackageRelationship::getTargetURI).map(Object::toString).toList();
      assertThat(targets).hasSize(2).allSatisfy(t -> assertThat(t).matches(".*charts/chart\\d+\\.xml"));
      // each chart carries its data as an embedded workbook: 编辑数据 in Word and WPS
      for (PackagePart chart : charts) {
        assertThat(targets(chart.getRelationships()).stream().map(r -> r.getTargetURI().toString()))
            .anySatisfy(t -> assertThat(t).contains("embeddings").endsWith(".xlsx"));
      }
    }

    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getCharts()).hasSize(2);
      XWPFChart distribution = doc.getCharts().get(0);
      XWPFChart scores = doc.getCharts().get(1);
      assertThat(distribution.getTitle().getBody().getParagraph(0).getText()).isEqualTo("各维度满意度分布");
      assertThat(scores.getTitle().getBody().getParagraph(0).getText()).isEqualTo("六个维度满意度得分");

      String distributionXml = distribution.getCTChartSpace().xmlText();
      LABELS.forEach(label -> assertThat(distributionXml).contains(label));
      SCALE.forEach(point -> assertThat(distributionXml).contains("<c:v>" + point + "</c:v>"));
      assertThat(distribution.getCTChart().getPlotArea().getBarChartArray(0).getSerList()).hasSize(6);
      assertThat(distribution.getCTChart().getPlotArea().getBarChartArray(0).getGrouping().getVal())
          .hasToString("stacked");
      // 很满意 of the first dimension, 不满意 of the fourth
      assertThat(distribution.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).getVal().getNumRef()
          .getNumCache().getPtArray(0).getV()).isEqualTo("12");
      assertThat(distribution.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(3).getVal().getNumRef()
          .getNumCache().getPtArray(3).getV()).isEqualTo("1");

      String scoresXml = scores.getCTChartSpace().xmlText();
      LABELS.forEach(label -> assertThat(scoresXml).contains(label));
      var points = scores.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).getVal().getNumRef()
          .getNumCache();
      assertThat(points.getPtCount().getVal()).isEqualTo(6);
      assertThat(points.getPtList()).extracting(p -> p.getV()).containsExactly("74.3", "74.3", "66.9", "81.6", "68.6");
      assertThat(scores.getCTChart().getPlotArea().getValAxArray(0).getScaling().getMax().getVal()).isEqualTo(100.0);

      String text = text(doc);
      assertThat(text).contains("网上问卷调查于2026年10月8日结束征集，共收到答卷36份", "占91.7%",
          "合法性与协调性74.3分", "发展方向与公众满意度81.6分", "其余维度没有有效评价", "各维度满意度分布和得分见下图");
    }
  }

  @Test
  void withoutSurveyResultsTheReportHasNoCharts() throws Exception {
    byte[] docx = service.render(ReportServiceTest.realistic(false));
    try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(docx))) {
      assertThat(pkg.getPartsByName(java.util.regex.Pattern.compile("/word/charts/.*"))).isEmpty();
    }
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(doc.getCharts()).isEmpty();
      assertThat(text(doc)).doesNotContain("网上问卷调查于", "满意度分布");
    }
  }

  @Test
  void aSurveyWithoutAnswersIsReportedInWordsWithoutCharts() throws IOException {
    SurveySummary none = new SurveySummary(0, LocalDate.of(2026, 10, 8), null, SCALE, survey().dimensions().stream()
        .map(d -> new SurveyDimension(d.label(), List.of(0, 0, 0, 0, 0, 0), null, null)).toList());
    ReportData data = ReportServiceTest.with(ReportServiceTest.realistic(false), "consultations", List.of())
        .withSurvey(none);
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(service.render(data)))) {
      assertThat(doc.getCharts()).isEmpty();
      String text = text(doc);
      assertThat(text).contains("公众参与情况", "网上问卷调查于2026年10月8日结束征集，共收到答卷0份。")
          .doesNotContain("满意度得分为", "见下图");
    }
  }

  @Test
  void theChartTextIsChinese() throws IOException {
    byte[] docx = service.render(ReportServiceTest.realistic(true).withSurvey(survey()));
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      for (XWPFChart chart : doc.getCharts()) {
        String xml = new String(chart.getCTChartSpace().getTxPr().xmlText().getBytes(StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);
        assertThat(xml).contains("宋体", "zh-CN");
      }
    }
  }
}
