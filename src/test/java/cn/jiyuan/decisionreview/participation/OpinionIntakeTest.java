package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The opinion's fields as the server checks them, and the body and content type it accepts. */
class OpinionIntakeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  private static PublicRefusal refusal(String body) {
    try {
      OpinionIntake.check(json(body));
    } catch (PublicRefusal e) {
      return e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("accepted: " + body);
  }

  @Test
  void aPlainOpinionIsAcceptedAndABlankContactIsNone() throws Exception {
    OpinionIntake.Submission s = OpinionIntake.check(json("{\"category\":\"PROBLEM\",\"text\":\"公交站点太少\\n建议增加\","
        + "\"contact\":\"  \",\"website\":\"\"}"));
    assertThat(s.category()).isEqualTo(OpinionCategory.PROBLEM);
    assertThat(s.text()).isEqualTo("公交站点太少\n建议增加");
    assertThat(s.contact()).isNull();
    assertThat(OpinionIntake.check(json("{\"category\":\"SUGGESTION\",\"text\":\"好\",\"contact\":\"13800000000\"}"))
        .contact()).isEqualTo("13800000000");
  }

  @Test
  void eachRefusalNamesItsField() {
    assertThat(refusal("[]").getMessage()).contains("JSON 对象");
    assertThat(refusal("{\"text\":\"x\"}").field()).isEqualTo("category");
    assertThat(refusal("{\"category\":\"problem\",\"text\":\"x\"}").field()).isEqualTo("category");
    assertThat(refusal("{\"category\":\"EFFECT\"}").field()).isEqualTo("text");
    assertThat(refusal("{\"category\":\"EFFECT\",\"text\":\"   \"}").field()).isEqualTo("text");
    assertThat(refusal("{\"category\":\"EFFECT\",\"text\":42}").field()).isEqualTo("text");
    assertThat(refusal("{\"category\":\"EFFECT\",\"text\":\"a\\u0000b\"}").getMessage()).contains("控制字符");
    assertThat(refusal("{\"category\":\"EFFECT\",\"text\":\"x\",\"contact\":[1]}").field()).isEqualTo("contact");
    assertThat(refusal("{\"category\":\"EFFECT\",\"text\":\"x\",\"contact\":\"41088120000101123X\"}").getMessage())
        .contains("身份证");
    assertThat(refusal("{\"category\":\"EFFECT\",\"text\":\"x\",\"website\":\"http://spam\"}").field())
        .isEqualTo("website");
  }

  @Test
  void lengthsAreCountedInCharactersNotUtf16Units() throws Exception {
    // 2,000 characters outside the BMP are 4,000 UTF-16 units: still within the limit
    String rare = "𠀀".repeat(OpinionIntake.MAX_TEXT);
    assertThat(OpinionIntake.check(json("{\"category\":\"EFFECT\",\"text\":\"" + rare + "\"}")).text()).isEqualTo(rare);
    assertThat(refusal("{\"category\":\"EFFECT\",\"text\":\"" + "字".repeat(OpinionIntake.MAX_TEXT + 1) + "\"}")
        .getMessage()).contains("2000");
    assertThat(refusal("{\"category\":\"EFFECT\",\"text\":\"x\",\"contact\":\"" + "a".repeat(101) + "\"}").field())
        .isEqualTo("contact");
  }

  @Test
  void onlyJsonIsAccepted() {
    OpinionController.requireJson("application/json");
    OpinionController.requireJson("application/json; charset=UTF-8");
    for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "*/*", "application/",
        "application/json-patch+json"}) {
      assertThatThrownBy(() -> OpinionController.requireJson(type)).isInstanceOf(PublicRefusal.class)
          .extracting(e -> ((PublicRefusal) e).status()).isEqualTo(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
    assertThatThrownBy(() -> OpinionController.parse("{\"a\":1} x".getBytes())).isInstanceOf(PublicRefusal.class);
    assertThatThrownBy(() -> OpinionController.parse(new byte[0])).isInstanceOf(PublicRefusal.class);
  }
}
