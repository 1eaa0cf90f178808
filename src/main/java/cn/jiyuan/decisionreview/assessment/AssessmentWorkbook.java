package cn.jiyuan.decisionreview.assessment;

import cn.jiyuan.decisionreview.assessment.AssessmentReport.DecisionEntry;
import cn.jiyuan.decisionreview.assessment.AssessmentReport.EvaluationEntry;
import cn.jiyuan.decisionreview.assessment.AssessmentReport.UnitFigures;
import cn.jiyuan.decisionreview.shared.EvaluationCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The assessment as an .xlsx for the 法治政府建设 file (Art. 26): the unit table, the decision list and the
 * definitions, each sheet printable on A4 landscape (fit to width, the header row repeated on every page and frozen
 * on screen). Text goes in as text cells, so a title that looks like a formula stays text.
 */
public final class AssessmentWorkbook {

  public static final String MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String UNIT_SHEET = "各单位情况";
  public static final String DECISION_SHEET = "决策评估明细";
  static final String DEFINITION_SHEET = "统计口径";
  static final String RECTIFICATION_SHEET = "整改事项落实情况";
  static final String META_SHEET = "评估工作元评估";
  /** Rows above the header: title and a line on what the figures are. */
  public static final int HEADER_ROW = 2;

  /** The unit table's fixed columns before the outcome, grade and channel counts, with what each takes. */
  static final List<Column> UNIT_COLUMNS = List.of(
      new Column("执行单位", 22, u -> u.unitName()),
      new Column("跟踪决策数", 10, UnitFigures::decisionsTracked),
      new Column("应开展计划评估数", 12, UnitFigures::evaluationsDue),
      new Column("启动评估数", 10, UnitFigures::evaluationsStarted),
      new Column("完成评估数", 10, UnitFigures::evaluationsCompleted),
      new Column("按期完成数", 10, UnitFigures::completedOnTime),
      new Column("逾期任务数", 10, UnitFigures::tasksOverdue),
      new Column("逾期工作日合计", 12, UnitFigures::workingDaysOverdue),
      new Column("免于评估数", 10, UnitFigures::waived));

  record Column(String header, int width, Function<UnitFigures, Object> value) {}

  private static final List<String> DECISION_HEADERS = List.of("序号", "决策文号", "决策名称", "执行单位", "评估类型",
      "启动日期", "完成日期", "是否按期完成", "评估等级", "处理决定", "免于评估");
  private static final int[] DECISION_WIDTHS = {6, 20, 36, 22, 14, 12, 12, 12, 10, 22, 10};

  private AssessmentWorkbook() {}

  /** E.g. {@code 2026年度重大行政决策跟踪反馈与后评估考核材料.xlsx}. */
  public static String fileName(int year) {
    return year + "年度重大行政决策跟踪反馈与后评估考核材料.xlsx";
  }

  /** The headers of the unit table in column order: the fixed ones, then outcomes, grades, channels. */
  public static List<String> unitHeaders() {
    List<String> headers = new ArrayList<>();
    headers.add("序号");
    UNIT_COLUMNS.forEach(c -> headers.add(c.header()));
    EvaluationCodes.OUTCOMES.values().forEach(l -> headers.add("处理决定：" + l));
    EvaluationCodes.GRADES.values().forEach(l -> headers.add("评估等级：" + l));
    EvaluationCodes.CHANNELS.values().forEach(l -> headers.add("参与渠道：" + l));
    return headers;
  }

  public static byte[] write(AssessmentReport report, String authorityName) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(workbook);
      unitSheet(workbook.createSheet(UNIT_SHEET), report, authorityName, styles);
      decisionSheet(workbook.createSheet(DECISION_SHEET), report, styles);
      rectificationSheet(workbook.createSheet(RECTIFICATION_SHEET), report, styles);
      metaSheet(workbook.createSheet(META_SHEET), report, styles);
      definitionSheet(workbook.createSheet(DEFINITION_SHEET), report, styles);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("年度考核材料生成失败", e);
    }
  }

  private static void unitSheet(Sheet sheet, AssessmentReport report, String authorityName, Styles s) {
    List<String> headers = unitHeaders();
    title(sheet, s, headers.size(), report.year() + " 年度" + authorityName + "重大行政决策跟踪反馈与后评估工作情况（按执行单位）",
        "依据《办法》第二十六条纳入年度法治政府建设考核；统计口径见“" + DEFINITION_SHEET + "”；生成时间 " + report.generatedAt());
    header(sheet, s, headers);
    int r = HEADER_ROW + 1;
    int[] totals = new int[headers.size()];
    for (UnitFigures u : report.units()) {
      Row row = sheet.createRow(r);
      number(row, 0, r - HEADER_ROW, s);
      List<Object> values = values(u);
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        if (v instanceof Integer n) {
          number(row, i + 1, n, s);
          totals[i + 1] += n;
        } else {
          text(row, i + 1, v == null ? "" : v.toString(), s.cell);
        }
      }
      r++;
    }
    Row total = sheet.createRow(r);
    text(total, 0, "", s.bold);
    text(total, 1, "合计", s.bold);
    for (int i = 2; i < headers.size(); i++) {
      total.createCell(i).setCellValue(totals[i]);
      total.getCell(i).setCellStyle(s.bold);
    }
    widths(sheet, unitWidths());
    print(sheet);
  }

  /** 整改事项落实情况 (Art. 16, 17, 26): per responsible unit, the items made from approved reports and where they stand. */
  private static void rectificationSheet(Sheet sheet, AssessmentReport report, Styles s) {
    List<String> headers = List.of("序号", "责任单位", "整改建议", "未采纳", "未办结", "其中已逾期", "已办结", "其中已落实（已完成）");
    title(sheet, s, headers.size(), report.year() + " 年度评估报告整改事项落实情况（按责任单位）",
        "依据《办法》第十六条、第十七条、第二十六条；截至该年度末（当年为生成时）的状态；生成时间 " + report.generatedAt());
    header(sheet, s, headers);
    int r = HEADER_ROW + 1;
    for (AssessmentReport.UnitRectifications u : report.rectifications() == null
        ? List.<AssessmentReport.UnitRectifications>of() : report.rectifications()) {
      Row row = sheet.createRow(r);
      number(row, 0, r - HEADER_ROW, s);
      text(row, 1, u.unitName(), s.cell);
      int[] values = {u.recommendations(), u.rejected(), u.open(), u.overdue(), u.closed(), u.carriedOut()};
      for (int i = 0; i < values.length; i++) {
        number(row, i + 2, values[i], s);
      }
      r++;
    }
    widths(sheet, new int[] {6, 24, 10, 10, 10, 12, 10, 18});
    print(sheet);
  }

  /** 评估工作元评估: per evaluation completed in the year, how the evaluation itself went (Art. 16, 26). */
  private static void metaSheet(Sheet sheet, AssessmentReport report, Styles s) {
    List<String> headers = List.of("序号", "决策文号", "启动日期", "完成日期", "计划工作日", "实际工作日", "参与渠道", "参与人次",
        "问卷答卷", "专家意见", "专家不同意见", "经费预算（元）", "实际经费（元）", "整改建议", "已落实");
    title(sheet, s, headers.size(), report.year() + " 年度完成的评估：元评估（时间、参与、专家意见、经费、建议落实）",
        "计划工作日为各环节到期日中最晚者距启动的工作日；生成时间 " + report.generatedAt());
    header(sheet, s, headers);
    int r = HEADER_ROW + 1;
    for (var m : report.metaEvaluations() == null ? List.<cn.jiyuan.decisionreview.rectification.MetaEvaluations
        .MetaEvaluation>of() : report.metaEvaluations()) {
      Row row = sheet.createRow(r);
      number(row, 0, r - HEADER_ROW, s);
      text(row, 1, m.decisionNumber() == null ? "" : m.decisionNumber(), s.cell);
      text(row, 2, m.startedDate() == null ? "" : m.startedDate(), s.cell);
      text(row, 3, m.completedDate() == null ? "" : m.completedDate(), s.cell);
      text(row, 4, m.plannedWorkingDays() == null ? "" : String.valueOf(m.plannedWorkingDays()), s.cell);
      number(row, 5, m.workingDaysTaken(), s);
      text(row, 6, String.join("、", m.channelLabels()), s.cell);
      number(row, 7, m.participants(), s);
      text(row, 8, m.surveyResponses() == null ? "" : String.valueOf(m.surveyResponses()), s.cell);
      number(row, 9, m.expertOpinions(), s);
      number(row, 10, m.expertDissents(), s);
      text(row, 11, m.budgetPlanned() == null ? "" : String.format("%,.2f", m.budgetPlanned()), s.cell);
      text(row, 12, m.budgetUsed() == null ? "" : String.format("%,.2f", m.budgetUsed()), s.cell);
      number(row, 13, m.recommendations().recommendations(), s);
      number(row, 14, m.recommendations().carriedOut(), s);
      r++;
    }
    widths(sheet, new int[] {6, 20, 12, 12, 10, 10, 24, 10, 10, 10, 12, 14, 14, 10, 10});
    print(sheet);
  }

  /** The values of one unit row after 序号, in the order of {@link #unitHeaders()}. */
  static List<Object> values(UnitFigures u) {
    List<Object> values = new ArrayList<>();
    UNIT_COLUMNS.forEach(c -> values.add(c.value().apply(u)));
    addCounts(values, EvaluationCodes.OUTCOMES, u.outcomes());
    addCounts(values, EvaluationCodes.GRADES, u.grades());
    addCounts(values, EvaluationCodes.CHANNELS, u.participationChannels());
    return values;
  }

  private static void addCounts(List<Object> values, Map<String, String> codes, Map<String, Integer> counts) {
    codes.keySet().forEach(code -> values.add(counts.getOrDefault(code, 0)));
  }

  private static int[] unitWidths() {
    List<String> headers = unitHeaders();
    int[] widths = new int[headers.size()];
    widths[0] = 6;
    for (int i = 0; i < UNIT_COLUMNS.size(); i++) {
      widths[i + 1] = UNIT_COLUMNS.get(i).width();
    }
    for (int i = UNIT_COLUMNS.size() + 1; i < widths.length; i++) {
      widths[i] = 10;
    }
    return widths;
  }

  private static void decisionSheet(Sheet sheet, AssessmentReport report, Styles s) {
    title(sheet, s, DECISION_HEADERS.size(), report.year() + " 年度重大行政决策跟踪反馈与后评估明细（按决策）",
        "本年度启动、完成或免于评估的评估逐项列出；本年度在跟踪但无评估的决策列为一行");
    header(sheet, s, DECISION_HEADERS);
    Map<String, String> unitNames = new java.util.HashMap<>();
    report.units().forEach(u -> unitNames.put(u.unit(), u.unitName()));
    int r = HEADER_ROW + 1;
    int n = 1;
    for (DecisionEntry d : report.decisions()) {
      List<EvaluationEntry> evaluations = d.evaluations().isEmpty() ? java.util.Collections.singletonList(null)
          : d.evaluations();
      for (EvaluationEntry e : evaluations) {
        Row row = sheet.createRow(r++);
        number(row, 0, n++, s);
        text(row, 1, d.decisionNumber(), s.cell);
        text(row, 2, d.decisionTitle(), s.cell);
        text(row, 3, unitNames.getOrDefault(d.executingUnit(), d.executingUnit()), s.cell);
        if (e == null) {
          text(row, 4, "本年度无评估", s.cell);
          for (int i = 5; i < DECISION_HEADERS.size(); i++) {
            text(row, i, "", s.cell);
          }
          continue;
        }
        text(row, 4, EvaluationCodes.label(EvaluationCodes.EVALUATION_TYPES, e.evaluationType()), s.cell);
        text(row, 5, e.startedAt(), s.cell);
        text(row, 6, e.completedAt() == null ? "进行中" : e.completedAt(), s.cell);
        text(row, 7, e.onTime() == null ? "—" : e.onTime() ? "是" : "否", s.cell);
        text(row, 8, e.waived() ? "—" : EvaluationCodes.label(EvaluationCodes.GRADES, e.grade()), s.cell);
        text(row, 9, e.waived() ? "—" : EvaluationCodes.label(EvaluationCodes.OUTCOMES, e.outcome()), s.cell);
        text(row, 10, e.waived() ? "是" : "否", s.cell);
      }
    }
    widths(sheet, DECISION_WIDTHS);
    print(sheet);
  }

  private static void definitionSheet(Sheet sheet, AssessmentReport report, Styles s) {
    title(sheet, s, 2, report.year() + " 年度考核材料统计口径", "年度以北京时间公历年计");
    header(sheet, s, List.of("指标", "口径"));
    String[][] rows = {
        {"跟踪决策数", "本年度内至少有一日处于跟踪中的已登记重大行政决策"},
        {"应开展计划评估数", "第十九条评估安排中到期日在本年度内的执行评估、中期评估、终期评估（跟踪结束后的不计）；依申请启动的评估不计"},
        {"启动评估数", "本年度启动的跟踪反馈与后评估"},
        {"完成评估数", "本年度完成（归档）的评估；处理决定、评估等级、参与渠道均按完成评估统计"},
        {"按期完成数", "本年度完成、且各环节任务均未超过其办理期限（任务办理期限规则，按法定工作日计）的评估"},
        {"逾期任务数", "本单位承办的任务中，本年度内曾超过办理期限的（本年度内逾期办结，或年末、统计时仍逾期未办）"},
        {"逾期工作日合计", "上述任务在本年度内逾期的法定工作日数之和（含调休）"},
        {"免于评估数", "本年度经市司法局确认免于重复评估的（第二十条）"},
        {"参与渠道", "本年度完成的评估在征求意见与调查记录中使用各渠道的评估数（网上问卷含系统问卷），一项评估每个渠道计一次"}};
    int r = HEADER_ROW + 1;
    for (String[] def : rows) {
      Row row = sheet.createRow(r++);
      text(row, 0, def[0], s.cell);
      text(row, 1, def[1], s.wrap);
    }
    widths(sheet, new int[] {18, 90});
    print(sheet);
  }

  private static void title(Sheet sheet, Styles s, int columns, String title, String subtitle) {
    Row row = sheet.createRow(0);
    row.setHeightInPoints(24);
    text(row, 0, title, s.title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
    text(sheet.createRow(1), 0, subtitle, s.plain);
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));
  }

  private static void header(Sheet sheet, Styles s, List<String> headers) {
    Row row = sheet.createRow(HEADER_ROW);
    row.setHeightInPoints(32);
    for (int i = 0; i < headers.size(); i++) {
      text(row, i, headers.get(i), s.header);
    }
    sheet.createFreezePane(0, HEADER_ROW + 1);
    sheet.setRepeatingRows(CellRangeAddress.valueOf((HEADER_ROW + 1) + ":" + (HEADER_ROW + 1)));
  }

  /** A4 landscape, all columns on one page wide, as many pages long as needed, page numbers in the footer. */
  private static void print(Sheet sheet) {
    PrintSetup setup = sheet.getPrintSetup();
    setup.setPaperSize(PrintSetup.A4_PAPERSIZE);
    setup.setLandscape(true);
    setup.setFitWidth((short) 1);
    setup.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setHorizontallyCenter(true);
    sheet.getFooter().setCenter("第 &P 页，共 &N 页");
  }

  private static void widths(Sheet sheet, int[] widths) {
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, widths[i] * 256);
    }
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    row.createCell(column).setCellValue(value == null ? "" : value);
    row.getCell(column).setCellStyle(style);
  }

  private static void number(Row row, int column, int value, Styles s) {
    row.createCell(column).setCellValue(value);
    row.getCell(column).setCellStyle(s.number);
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle plain;
    final CellStyle header;
    final CellStyle cell;
    final CellStyle wrap;
    final CellStyle number;
    final CellStyle bold;

    Styles(XSSFWorkbook workbook) {
      Font big = workbook.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 14);
      Font boldFont = workbook.createFont();
      boldFont.setBold(true);
      title = workbook.createCellStyle();
      title.setFont(big);
      title.setAlignment(HorizontalAlignment.CENTER);
      plain = workbook.createCellStyle();
      header = bordered(workbook);
      header.setFont(boldFont);
      header.setWrapText(true);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      cell = bordered(workbook);
      wrap = bordered(workbook);
      wrap.setWrapText(true);
      number = bordered(workbook);
      number.setAlignment(HorizontalAlignment.RIGHT);
      bold = bordered(workbook);
      bold.setFont(boldFont);
    }

    private static CellStyle bordered(XSSFWorkbook workbook) {
      CellStyle style = workbook.createCellStyle();
      style.setBorderTop(BorderStyle.THIN);
      style.setBorderBottom(BorderStyle.THIN);
      style.setBorderLeft(BorderStyle.THIN);
      style.setBorderRight(BorderStyle.THIN);
      style.setVerticalAlignment(VerticalAlignment.CENTER);
      return style;
    }
  }
}
