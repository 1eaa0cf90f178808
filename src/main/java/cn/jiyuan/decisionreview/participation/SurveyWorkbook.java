package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.evaluation.QuestionType;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The raw answer sheets of a survey as an .xlsx for staff: receipt, time in Beijing time, one column per question.
 * Art. 23: no address or hash column; the store does not even hand them out. Values are written as text cells, so a
 * citizen's answer that looks like a formula stays text.
 */
final class SurveyWorkbook {

  static final String RECEIPT = "回执号";
  static final String SUBMITTED = "提交时间（北京时间）";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private SurveyWorkbook() {}

  static byte[] write(Survey survey, List<SurveyResponse> responses) {
    // streaming: a popular survey may have tens of thousands of sheets
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try {
      Sheet sheet = workbook.createSheet("答卷");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      List<SurveyQuestion> questions = survey.questions();
      Row header = sheet.createRow(0);
      header.createCell(0).setCellValue(RECEIPT);
      header.createCell(1).setCellValue(SUBMITTED);
      for (int i = 0; i < questions.size(); i++) {
        header.createCell(i + 2).setCellValue((i + 1) + ". " + questions.get(i).text());
      }
      header.forEach(c -> c.setCellStyle(bold));
      sheet.createFreezePane(0, 1);
      int r = 1;
      for (SurveyResponse response : responses) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(response.receipt());
        row.createCell(1).setCellValue(TIME.format(response.submittedAt().atZone(BeijingClock.ZONE)));
        for (int i = 0; i < questions.size(); i++) {
          Object answer = response.answers() == null ? null : response.answers().get(questions.get(i).id());
          String value = value(questions.get(i), answer);
          if (value != null) {
            row.createCell(i + 2).setCellValue(value);
          }
        }
      }
      sheet.setColumnWidth(0, 20 * 256);
      sheet.setColumnWidth(1, 22 * 256);
      for (int i = 0; i < questions.size(); i++) {
        sheet.setColumnWidth(i + 2, (questions.get(i).type() == QuestionType.TEXT ? 40 : 16) * 256);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("问卷导出失败", e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException ignored) {
        // the bytes are written; a temp file that will not close changes nothing for the caller
      }
    }
  }

  /** A SCALE answer by its label, a MULTIPLE answer joined by "；", others as sent. */
  static String value(SurveyQuestion question, Object answer) {
    if (answer == null) {
      return null;
    }
    if (question.type() == QuestionType.SCALE && answer instanceof Number n) {
      return SurveyScale.label(n.intValue());
    }
    if (answer instanceof Collection<?> list) {
      return list.stream().filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining("；"));
    }
    return answer.toString();
  }

  /** E.g. {@code 济政〔2026〕3号-网上问卷答卷.xlsx}, without characters file systems refuse. */
  static String fileName(Survey survey) {
    String number = survey.decisionNumber() == null ? ""
        : survey.decisionNumber().replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "").strip();
    return (number.isEmpty() ? "网上问卷" : number + "-网上问卷") + "答卷.xlsx";
  }
}
