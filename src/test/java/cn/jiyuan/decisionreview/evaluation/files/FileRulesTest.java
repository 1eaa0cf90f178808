package cn.jiyuan.decisionreview.evaluation.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileRulesTest {

  @Test
  void acceptsEachAllowedTypeWhoseContentMatches() {
    assertThat(FileRules.problem("a.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII), FileRules.MATERIAL_EXTENSIONS)).isNull();
    assertThat(FileRules.problem("a.docx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1}, FileRules.MATERIAL_EXTENSIONS)).isNull();
    assertThat(FileRules.problem("a.XLS", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
        FileRules.MATERIAL_EXTENSIONS)).isNull();
    assertThat(FileRules.problem("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, FileRules.MATERIAL_EXTENSIONS)).isNull();
  }

  @Test
  void refusesOtherTypesDisguisedFilesEmptyAndOversizedFiles() {
    assertThat(FileRules.problem("a.exe", new byte[] {1}, FileRules.MATERIAL_EXTENSIONS)).contains("类型不允许");
    assertThat(FileRules.problem("a.pdf", "MZ".getBytes(StandardCharsets.US_ASCII), FileRules.MATERIAL_EXTENSIONS)).contains("不符");
    assertThat(FileRules.problem("a.pdf", new byte[0], FileRules.MATERIAL_EXTENSIONS)).contains("空文件");
    byte[] big = new byte[(int) FileRules.MAX_BYTES + 1];
    big[0] = '%';
    assertThat(FileRules.problem("a.pdf", big, FileRules.MATERIAL_EXTENSIONS)).contains("20 MB");
    assertThat(FileRules.problem("a.pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII), FileRules.REPORT_EXTENSIONS)).contains("类型不允许");
  }
}
