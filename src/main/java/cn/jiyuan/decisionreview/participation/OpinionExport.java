package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.shared.BeijingClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The staff export of a decision's opinions (Art. 12, 23): one row per opinion, no address data. */
public final class OpinionExport {

  public static final String MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final List<String> HEADERS = List.of("回执号", "意见类别", "意见内容", "联系方式", "提交时间");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BeijingClock.ZONE);

  private OpinionExport() {
  }

  public static String fileName(String decisionNumber) {
    return decisionNumber + "公众意见.xlsx";
  }

  public static byte[] xlsx(String decisionNumber, List<PublicOpinion> opinions) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("公众意见");
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = workbook.createCellStyle();
      wrap.setWrapText(true);
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue(decisionNumber + " 公众意见（共 " + opinions.size() + " 条）");
      title.getCell(0).setCellStyle(bold);
      Row header = sheet.createRow(1);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
        header.getCell(i).setCellStyle(bold);
      }
      int r = 2;
      for (PublicOpinion o : opinions) {
        Row row = sheet.createRow(r++);
        row.createCell(0).setCellValue(o.receipt());
        row.createCell(1).setCellValue(o.category().label());
        row.createCell(2).setCellValue(o.text());
        row.getCell(2).setCellStyle(wrap);
        row.createCell(3).setCellValue(o.contact() == null ? "" : o.contact());
        row.createCell(4).setCellValue(TIME.format(o.submittedAt()));
      }
      int[] widths = {22, 12, 80, 24, 18};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      sheet.createFreezePane(0, 2);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
