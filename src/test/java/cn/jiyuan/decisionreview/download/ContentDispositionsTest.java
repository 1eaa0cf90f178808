package cn.jiyuan.decisionreview.download;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.rest.util.URLEncodingUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.ContentDisposition;
import org.springframework.mock.web.MockHttpServletResponse;

class ContentDispositionsTest {

  static final String REPORT = "济政〔2026〕3号-跟踪反馈与后评估报告（初稿）.docx";

  /** What the client decodes from filename*, independently of the code under test. */
  static String decodedExtended(String header) {
    String encoded = header.replaceAll(".*filename\\*=UTF-8''([^;\\s]+).*", "$1");
    return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static String quoted(String header) {
    return header.replaceAll(".*filename=\"([^\"]*)\".*", "$1");
  }

  @Test
  void attachmentHasAnAsciiFallbackAndTheUtf8NameInFilenameStar() {
    String header = ContentDispositions.attachment(REPORT);
    assertThat(header).startsWith("attachment; filename=\"").contains("; filename*=UTF-8''");
    assertThat(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).as(header).isTrue();
    assertThat(decodedExtended(header)).isEqualTo(REPORT);
    assertThat(quoted(header)).isEqualTo("2026_3.docx");
    // Spring reads it back as the same name
    assertThat(ContentDisposition.parse(header).getFilename()).isEqualTo(REPORT);
  }

  @Test
  void camundasOwnHeaderIsRewrittenWithoutTheRawName() {
    // exactly what Camunda's …/variables/{name}/data endpoints set, which Tomcat drops
    String camunda = URLEncodingUtil.buildAttachmentValue(REPORT);
    assertThat(camunda).contains("filename=\"" + REPORT + "\"");
    String rewritten = ContentDispositions.normalise(camunda);
    assertThat(rewritten).doesNotContain(REPORT).startsWith("attachment; filename=\"2026_3.docx\"");
    assertThat(decodedExtended(rewritten)).isEqualTo(REPORT);
    assertThat(ContentDispositions.normalise(rewritten)).as("idempotent").isEqualTo(rewritten);
  }

  @Test
  void otherFormsAreReadToo() {
    assertThat(ContentDispositions.fileName("attachment; filename=\"实施情况报告.pdf\"")).isEqualTo("实施情况报告.pdf");
    assertThat(ContentDispositions.fileName("inline; filename=plain.txt")).isEqualTo("plain.txt");
    assertThat(ContentDispositions.normalise("inline; filename=\"a \\\"b\\\".txt\""))
        .isEqualTo("inline; filename=\"a _b.txt\"; filename*=UTF-8''a%20%22b%22.txt");
    // Spring's RFC 2047 form: the filename* wins
    String spring = ContentDisposition.attachment().filename(REPORT, StandardCharsets.UTF_8).build().toString();
    assertThat(decodedExtended(ContentDispositions.normalise(spring))).isEqualTo(REPORT);
    // "+" is a plus, not a space; characters outside attr-char are encoded
    assertThat(ContentDispositions.percentEncode("a+b c*.pdf")).isEqualTo("a+b%20c%2A.pdf");
    assertThat(ContentDispositions.fileName("attachment; filename*=UTF-8''a+b%20c.pdf")).isEqualTo("a+b c.pdf");
    // no file name: left alone; malformed filename*: the plain filename is used
    assertThat(ContentDispositions.normalise("attachment")).isEqualTo("attachment");
    assertThat(ContentDispositions.fileName("attachment; filename=\"x.pdf\"; filename*=UTF-8''%E6%Z")).isEqualTo("x.pdf");
  }

  @Test
  void asciiFallbackKeepsWhatIsReadableAndTheExtension() {
    assertThat(ContentDispositions.asciiFallback("改造进度台账.pdf")).isEqualTo("download.pdf");
    assertThat(ContentDispositions.asciiFallback("2025-2026学年统计表.xlsx")).isEqualTo("2025-2026.xlsx");
    assertThat(ContentDispositions.asciiFallback("report v2.docx")).isEqualTo("report v2.docx");
    assertThat(ContentDispositions.asciiFallback("a/b;c%d\\e.txt")).isEqualTo("a_b_c_d_e.txt");
    assertThat(ContentDispositions.asciiFallback(null)).isEqualTo("download");
  }

  @Test
  void theFilterRewritesTheHeaderWhenItIsSetOrAdded() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    HttpServletResponse wrapped = new ContentDispositionFilter.Wrapper(response, new org.springframework.mock.web.MockHttpServletRequest(), null);
    wrapped.setHeader("content-disposition", URLEncodingUtil.buildAttachmentValue(REPORT));
    assertThat(decodedExtended(response.getHeader("Content-Disposition"))).isEqualTo(REPORT);
    assertThat(response.getHeader("Content-Disposition")).doesNotContain(REPORT);
    response.reset();
    wrapped.addHeader("Content-Disposition", "attachment; filename=\"材料.pdf\"");
    assertThat(response.getHeader("Content-Disposition")).isEqualTo(ContentDispositions.attachment("材料.pdf"));
    wrapped.setHeader("X-Other", "不变");
    assertThat(response.getHeader("X-Other")).isEqualTo("不变");
  }
}
