package cn.jiyuan.decisionreview.report;

import cn.jiyuan.decisionreview.report.ReportData.SurveyDimension;
import cn.jiyuan.decisionreview.report.ReportData.SurveySummary;
import java.io.IOException;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextFont;

/**
 * The online questionnaire's two charts as native Word charts (DrawingML with an embedded workbook), so that officials
 * can restyle them and edit their data in Word or WPS: the distribution of answers per Art. 7 dimension, and the six
 * dimension scores on 0–100.
 */
final class SurveyCharts {

  static final String DISTRIBUTION_TITLE = "各维度满意度分布";
  static final String SCORES_TITLE = "六个维度满意度得分";
  static final String SCORE_SERIES = "满意度得分（0—100）";

  /** 15.6 cm, the type area's width; 8 cm high. */
  private static final int WIDTH_EMU = OfficialDocx.TEXT_WIDTH * 635;
  private static final int HEIGHT_EMU = 8 * 360_000;
  private static final String FONT = OfficialDocx.SONGTI;

  /** Very satisfied … very dissatisfied, then 不清楚 in grey: green to red reads without a legend. */
  private static final String[] SCALE_COLOURS = {"2E7D32", "8BC34A", "FFC107", "FF7043", "C62828", "BDBDBD"};
  private static final String SCORE_COLOUR = "1F4E79";

  private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";

  private SurveyCharts() {}

  /** Both charts, each in a centred paragraph of its own after what has been written so far. */
  static void add(OfficialDocx w, SurveySummary survey) {
    List<SurveyDimension> dimensions = survey.dimensions() == null ? List.of() : survey.dimensions();
    if (dimensions.isEmpty()) {
      return;
    }
    try {
      distribution(w, survey, dimensions);
      scores(w, dimensions);
    } catch (IOException | InvalidFormatException e) {
      throw new IllegalStateException("问卷图表生成失败", e);
    }
  }

  private static void distribution(OfficialDocx w, SurveySummary survey, List<SurveyDimension> dimensions)
      throws IOException, InvalidFormatException {
    XWPFChart chart = chart(w, DISTRIBUTION_TITLE);
    String[] categories = dimensions.stream().map(SurveyDimension::label).toArray(String[]::new);
    XDDFBarChartData data = barData(chart, "答卷数（份）", null);
    data.setBarGrouping(BarGrouping.STACKED);
    XDDFDataSource<String> categoryData = XDDFDataSourcesFactory.fromArray(categories, range(chart, categories, 0), 0);
    List<String> points = survey.scaleLabels();
    for (int s = 0; s < points.size(); s++) {
      Integer[] counts = new Integer[dimensions.size()];
      for (int i = 0; i < counts.length; i++) {
        List<Integer> distribution = dimensions.get(i).distribution();
        counts[i] = distribution != null && s < distribution.size() && distribution.get(s) != null
            ? distribution.get(s) : 0;
      }
      XDDFNumericalDataSource<Integer> values = XDDFDataSourcesFactory.fromArray(counts, range(chart, categories, s + 1),
          s + 1);
      XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(categoryData, values);
      series.setTitle(points.get(s), chart.setSheetTitle(points.get(s), s + 1));
      series.setShapeProperties(fill(SCALE_COLOURS[Math.min(s, SCALE_COLOURS.length - 1)]));
    }
    chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
    chart.plot(data);
    fullOverlap(chart);
  }

  /**
   * {@code <c:overlap val="100"/>} after {@code <c:gapWidth>}: Word and WPS draw stacked segments side by side
   * without it. Written through a cursor, as POI's lite schema jar lacks the overlap type.
   */
  private static void fullOverlap(XWPFChart chart) {
    var bar = chart.getCTChart().getPlotArea().getBarChartArray(0);
    try (XmlCursor cursor = bar.getGapWidth().newCursor()) {
      cursor.toEndToken();
      cursor.toNextToken();
      cursor.beginElement(new QName(CHART_NS, "overlap", "c"));
      cursor.insertAttributeWithValue("val", "100");
    }
  }

  private static void scores(OfficialDocx w, List<SurveyDimension> dimensions)
      throws IOException, InvalidFormatException {
    XWPFChart chart = chart(w, SCORES_TITLE);
    String[] categories = dimensions.stream().map(SurveyDimension::label).toArray(String[]::new);
    XDDFBarChartData data = barData(chart, "得分", 100.0);
    // a dimension without answers has no bar rather than a bar at 0, which would read as 很不满意
    Double[] scores = dimensions.stream().map(SurveyDimension::score).toArray(Double[]::new);
    XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(
        XDDFDataSourcesFactory.fromArray(categories, range(chart, categories, 0), 0),
        XDDFDataSourcesFactory.fromArray(scores, range(chart, categories, 1), 1));
    series.setTitle(SCORE_SERIES, chart.setSheetTitle(SCORE_SERIES, 1));
    series.setShapeProperties(fill(SCORE_COLOUR));
    chart.plot(data);
    // the value on each bar, so the chart reads without the axis
    CTDLbls labels = chart.getCTChart().getPlotArea().getBarChartArray(0).getSerArray(0).addNewDLbls();
    labels.addNewNumFmt().setFormatCode("0.0");
    labels.getNumFmt().setSourceLinked(false);
    labels.addNewShowLegendKey().setVal(false);
    labels.addNewShowVal().setVal(true);
    labels.addNewShowCatName().setVal(false);
    labels.addNewShowSerName().setVal(false);
    labels.addNewShowPercent().setVal(false);
    labels.addNewShowBubbleSize().setVal(false);
  }

  private static XWPFChart chart(OfficialDocx w, String title) throws IOException, InvalidFormatException {
    XWPFParagraph p = w.chartParagraph();
    XWPFDocument doc = w.document();
    XWPFChart chart = doc.createChart(p.createRun(), WIDTH_EMU, HEIGHT_EMU);
    chart.setTitleText(title);
    chart.setTitleOverlay(false);
    chart.setAutoTitleDeleted(false);
    chart.displayBlanksAs(DisplayBlanks.GAP);
    chineseText(chart);
    return chart;
  }

  private static XDDFBarChartData barData(XWPFChart chart, String valueTitle, Double maximum) {
    XDDFCategoryAxis categories = chart.createCategoryAxis(AxisPosition.BOTTOM);
    XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
    values.setTitle(valueTitle);
    values.setMinimum(0);
    if (maximum != null) {
      values.setMaximum(maximum);
      values.setMajorUnit(20);
    }
    values.setCrossBetween(AxisCrossBetween.BETWEEN);
    XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categories, values);
    data.setBarDirection(BarDirection.COL);
    data.setVaryColors(false);
    data.setGapWidth(80);
    return data;
  }

  /** All chart text in 宋体 10.5 pt, so that Word and WPS do not draw the Chinese labels in a Latin font. */
  private static void chineseText(XWPFChart chart) {
    var space = chart.getCTChartSpace();
    CTTextBody body = space.isSetTxPr() ? space.getTxPr() : space.addNewTxPr();
    body.addNewBodyPr();
    body.addNewLstStyle();
    CTTextCharacterProperties run = body.addNewP().addNewPPr().addNewDefRPr();
    run.setSz(1050);
    run.setLang("zh-CN");
    CTTextFont latin = run.addNewLatin();
    latin.setTypeface(FONT);
    run.addNewEa().setTypeface(FONT);
    body.getPArray(0).addNewEndParaRPr().setLang("zh-CN");
  }

  private static XDDFShapeProperties fill(String rgb) {
    XDDFShapeProperties properties = new XDDFShapeProperties();
    properties.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(hex(rgb))));
    return properties;
  }

  private static byte[] hex(String rgb) {
    return new byte[] {(byte) Integer.parseInt(rgb.substring(0, 2), 16), (byte) Integer.parseInt(rgb.substring(2, 4), 16),
        (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
  }

  /** The column of the embedded sheet that holds a series (row 0 is the series name). */
  private static String range(XWPFChart chart, String[] categories, int column) {
    return chart.formatRange(new CellRangeAddress(1, categories.length, column, column));
  }
}
