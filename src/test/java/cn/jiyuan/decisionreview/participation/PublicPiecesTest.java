package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

/** The small pure parts of the public API: content types, periods, waits, reasons, the parser's bounds. */
class PublicPiecesTest {

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
      "APPLICATION/JSON; charset=\"utf-8\"", "application/json; charset=utf8"})
  void jsonInUtf8IsAccepted(String type) {
    PublicSurveyController.requireJson(type);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
      "application/json; charset=gbk", "application/jsonx", "application/problem+json", "???", ""})
  void otherTypesAreRefusedWith415(String type) {
    assertThatThrownBy(() -> PublicSurveyController.requireJson(type)).isInstanceOfSatisfying(PublicRefusal.class,
        e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
          assertThat(e.getMessage()).contains("application/json");
        });
  }

  @Test
  void aMissingContentTypeIsRefused() {
    assertThatThrownBy(() -> PublicSurveyController.requireJson(null)).isInstanceOf(PublicRefusal.class);
  }

  @Test
  void periodsReadAsPeopleSayThem() {
    assertThat(PublicPages.periodText(Period.ofYears(2))).isEqualTo("2 年");
    assertThat(PublicPages.periodText(Period.of(1, 6, 0))).isEqualTo("1 年 6 个月");
    assertThat(PublicPages.periodText(Period.ofDays(90))).isEqualTo("90 天");
    assertThat(PublicPages.periodText(Period.of(1, 0, 3))).isEqualTo("1 年 3 天");
    assertThat(PublicPages.periodText(Period.ZERO)).isEqualTo("0 天");
  }

  @Test
  void waitsReadInSecondsOrMinutes() {
    assertThat(PublicRefusal.wait(Duration.ZERO)).isEqualTo("1 秒");
    assertThat(PublicRefusal.wait(Duration.ofMillis(8_200))).isEqualTo("9 秒");
    assertThat(PublicRefusal.wait(Duration.ofSeconds(61))).isEqualTo("2 分钟");
    assertThat(PublicRefusal.tooMany(Duration.ofMinutes(9)).getMessage()).isEqualTo("提交过于频繁，请9 分钟后再试。");
  }

  @Test
  void everyEvaluationTypeHasItsArticleAndReason() {
    assertThat(EvaluationReasons.of("EXECUTION")).isEqualTo(new EvaluationReasons.Reason("EXECUTION", "执行评估",
        "第十九条第一款", EvaluationReasons.REASONS.get("EXECUTION")));
    assertThat(EvaluationReasons.of("MID_TERM").legalBasis()).isEqualTo("第十九条第二款");
    assertThat(EvaluationReasons.of("FINAL").legalBasis()).isEqualTo("第十九条第三款");
    assertThat(EvaluationReasons.of("TRIGGERED").legalBasis()).isEqualTo("第八条");
    assertThat(EvaluationReasons.of("RISK").evaluationTypeName()).isEqualTo("争议风险评估");
    assertThat(EvaluationReasons.of(null).evaluationType()).isNull();
    assertThat(EvaluationReasons.of("OTHER").legalBasis()).isNull();
  }

  @Test
  void theParserRefusesDeepNestingLongNumbersDuplicateKeysAndTrailingText() {
    for (String body : new String[] {"{\"answers\":" + "[".repeat(50) + "]".repeat(50) + "}",
        "{\"answers\":{\"q1\":" + "9".repeat(40) + "}}", "{\"answers\":{},\"answers\":{}}", "{\"answers\":{}} x",
        "{\"answers\":", "\"text\"", "[]", "", "{'answers':{}}"}) {
      assertThatThrownBy(() -> PublicSurveyController.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .as(body).isInstanceOfSatisfying(PublicRefusal.class,
              e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
    assertThat(PublicSurveyController.parse("{\"answers\":{\"q1\":5}}".getBytes()).get("answers").get("q1").asInt())
        .isEqualTo(5);
  }

  @Test
  void tooLargeSaysTheLimitInKilobytes() {
    assertThat(PublicSurveyController.tooLargeMessage(65536)).isEqualTo("提交的内容过大：一次最多 64 KB。");
  }
}
