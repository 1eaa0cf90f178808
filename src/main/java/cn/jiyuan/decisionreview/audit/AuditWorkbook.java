package cn.jiyuan.decisionreview.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PageMargin;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The audit trail as a workbook to hand over (Art. 24): one row per entry in the order of the JSON, Chinese headers,
 * A4 landscape fitted to the page width, the header row repeated on every printed page, page numbers in the footer.
 * Values are text cells, so a comment that looks like a formula stays text.
 */
final class AuditWorkbook {

  static final String MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final List<String> HEADERS = List.of("序号", "时间（北京时间）", "用户名", "用户", "操作", "操作代码", "对象", "详情");
  private static final int[] WIDTHS = {6, 22, 12, 10, 14, 20, 22, 70};

  private AuditWorkbook() {}

  static byte[] write(String title, List<AuditEntry> entries) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = workbook.createSheet("审计记录");
      Font boldFont = workbook.createFont();
      boldFont.setBold(true);
      CellStyle titleStyle = workbook.createCellStyle();
      Font titleFont = workbook.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 14);
      titleStyle.setFont(titleFont);
      CellStyle header = bordered(workbook);
      header.setFont(boldFont);
      CellStyle cell = bordered(workbook);
      cell.setWrapText(true);
      cell.setVerticalAlignment(VerticalAlignment.TOP);

      Row titleRow = sheet.createRow(0);
      titleRow.createCell(0).setCellValue(title);
      titleRow.getCell(0).setCellStyle(titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
      Row headerRow = sheet.createRow(1);
      for (int i = 0; i < HEADERS.size(); i++) {
        headerRow.createCell(i).setCellValue(HEADERS.get(i));
        headerRow.getCell(i).setCellStyle(header);
      }
      int r = 2;
      for (AuditEntry e : entries) {
        Row row = sheet.createRow(r);
        String[] values = {String.valueOf(r - 1), e.time(), e.userName(), e.userId() == null ? "" : e.userId(),
            e.actionLabel(), e.action(), e.target() == null ? "" : e.target(), e.details() == null ? "" : e.details()};
        for (int i = 0; i < values.length; i++) {
          row.createCell(i).setCellValue(values[i]);
          row.getCell(i).setCellStyle(cell);
        }
        r++;
      }
      for (int i = 0; i < WIDTHS.length; i++) {
        sheet.setColumnWidth(i, WIDTHS[i] * 256);
      }
      sheet.createFreezePane(0, 2);
      sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, HEADERS.size() - 1));
      sheet.setAutobreaks(true);
      sheet.setFitToPage(true);
      sheet.setPrintGridlines(false);
      PrintSetup print = sheet.getPrintSetup();
      print.setPaperSize(PrintSetup.A4_PAPERSIZE);
      print.setLandscape(true);
      print.setFitWidth((short) 1);
      print.setFitHeight((short) 0);
      sheet.setMargin(PageMargin.LEFT, 0.5);
      sheet.setMargin(PageMargin.RIGHT, 0.5);
      sheet.getFooter().setCenter("第 &P 页，共 &N 页");
      sheet.getHeader().setCenter(title);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("审计记录导出失败", e);
    }
  }

  private static CellStyle bordered(XSSFWorkbook workbook) {
    CellStyle style = workbook.createCellStyle();
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    return style;
  }

  /** E.g. {@code 济政〔2026〕3号-审计记录.xlsx}, without characters file systems refuse. */
  static String fileName(String decisionNumber) {
    String number = decisionNumber == null ? "" : decisionNumber.replaceAll("[/\\\\:*?\"<>|\\p{Cntrl}]", "").strip();
    return (number.isEmpty() ? "" : number + "-") + "跟踪反馈与后评估审计记录.xlsx";
  }
}
