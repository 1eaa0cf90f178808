package cn.jiyuan.decisionreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class AuditWorkbookTest {

  @Test
  void valuesStayTextAndTheSheetIsReadyToPrint() throws Exception {
    List<AuditEntry> entries = List.of(
        new AuditEntry("2026-12-01T09:00:00+08:00", null, "系统", "PROCESS_STARTED", "评估启动", null, null),
        new AuditEntry("2026-12-01T09:05:00+08:00", "sifa", "王明远", "COMMENT_ADDED", "发表评论", "确定评估方式",
            "=HYPERLINK(\"http://x\")"));
    byte[] bytes = AuditWorkbook.write("济政〔2026〕3号 审计记录", entries);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      XSSFSheet sheet = workbook.getSheet("审计记录");
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
      assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("系统");
      assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEmpty();
      assertThat(sheet.getRow(3).getCell(7).getCellType()).isEqualTo(CellType.STRING);
      assertThat(sheet.getRow(3).getCell(7).getStringCellValue()).startsWith("=HYPERLINK");
      assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
      assertThat(sheet.getFooter().getCenter()).contains("&P", "&N");
    }
  }

  @Test
  void theFileNameCarriesTheDecisionNumber() {
    assertThat(AuditWorkbook.fileName("济政〔2026〕3号")).isEqualTo("济政〔2026〕3号-跟踪反馈与后评估审计记录.xlsx");
    assertThat(AuditWorkbook.fileName("a/b:c")).isEqualTo("abc-跟踪反馈与后评估审计记录.xlsx");
    assertThat(AuditWorkbook.fileName(null)).isEqualTo("跟踪反馈与后评估审计记录.xlsx");
  }
}
