package cn.jiyuan.decisionreview.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One spelling per decision number, and numbers without real content refused. */
class DecisionNumberTest {

  static Stream<Arguments> spellings() {
    return Stream.of(
        Arguments.of("济政〔2025〕7号", "济政〔2025〕7号"),
        Arguments.of("济政[2025]7号", "济政〔2025〕7号"),
        Arguments.of("济政［2025］7号", "济政〔2025〕7号"),
        Arguments.of("济政【2025】7号", "济政〔2025〕7号"),
        Arguments.of("济政(2025)7号", "济政〔2025〕7号"),
        Arguments.of("济政（2025）7号", "济政〔2025〕7号"),
        Arguments.of("济政〖2025〗7号", "济政〔2025〕7号"),
        Arguments.of("济政﹝2025﹞7号", "济政〔2025〕7号"),
        Arguments.of("济政 〔2025〕 7号", "济政〔2025〕7号"),
        Arguments.of("  济政〔2025〕7号  ", "济政〔2025〕7号"),
        Arguments.of("济 政 [ 2025 ] 7 号", "济政〔2025〕7号"),
        Arguments.of("济政\u3000〔2025〕\u00a07号", "济政〔2025〕7号"),
        // full-width digits and letters are the same number (GB/T 9704: Arabic numerals)
        Arguments.of("济政〔２０２５〕７号", "济政〔2025〕7号"),
        Arguments.of("济政【２０２５】１２号", "济政〔2025〕12号"),
        Arguments.of("ＪＺ〔2025〕7号", "JZ〔2025〕7号"),
        // GB/T 9704: 序号不编虚位、不加"第"
        Arguments.of("济政〔2025〕07号", "济政〔2025〕7号"),
        Arguments.of("济政〔2025〕第7号", "济政〔2025〕7号"),
        Arguments.of("济政〔2025〕第007号", "济政〔2025〕7号"),
        Arguments.of("济政〔2025〕0号", "济政〔2025〕0号"),
        Arguments.of("济政〔2025〕10号", "济政〔2025〕10号"),
        // outside the standard shape only brackets, spaces and widths change
        Arguments.of("济政办 函[2024] 07-1号", "济政办函〔2024〕07-1号"),
        Arguments.of("TEST-001", "TEST-001"),
        // a Kangxi radical that looks like 政's component is the ordinary ideograph after NFKC
        Arguments.of("\u2F54政〔2025〕7号", "水政〔2025〕7号"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("spellings")
  void everySpellingGivesTheCanonicalNumber(String typed, String canonical) {
    assertThat(DecisionNumber.parse(typed).value()).isEqualTo(canonical);
    assertThat(DecisionNumber.normalise(typed)).isEqualTo(canonical);
    assertThat(DecisionNumber.parse(typed)).isEqualTo(DecisionNumber.parse(canonical));
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of(null, "请填写决策文号"),
        Arguments.of("", "请填写决策文号"),
        Arguments.of("   ", "请填写决策文号"),
        Arguments.of("\u3000", "请填写决策文号"),
        Arguments.of("济政\u0000〔2025〕7号", "控制字符"),
        Arguments.of("\u0000济政〔2025〕7号", "控制字符"),
        Arguments.of("济政〔2025〕7号\u0000", "控制字符"),
        Arguments.of("济政〔2025〕7号\n", "控制字符"),
        Arguments.of("济政\t〔2025〕7号", "控制字符"),
        Arguments.of("济政\u001b[31m〔2025〕7号", "控制字符"),
        Arguments.of("济政\u200b〔2025〕7号", "控制字符"),
        Arguments.of("\u202e济政〔2025〕7号", "控制字符"),
        Arguments.of("济政\ufeff〔2025〕7号", "控制字符"),
        Arguments.of("济政\u2028〔2025〕7号", "控制字符"),
        Arguments.of("济政\ud800〔2025〕7号", "控制字符"),
        Arguments.of("！！！", "只能由汉字、字母、数字"),
        Arguments.of("...", "只能由汉字、字母、数字"),
        Arguments.of("〔〕", "括号只用于四位数字的年份"),
        Arguments.of("[]", "括号只用于四位数字的年份"),
        Arguments.of("——", "只能由汉字、字母、数字"),
        Arguments.of("-", "应以发文机关代字开头"),
        Arguments.of("〔2025〕7号", "应以发文机关代字开头"),
        Arguments.of("2025-7", "应以发文机关代字开头"),
        Arguments.of("济政", "应包含发文序号"),
        Arguments.of("济政〔2025〕号", "应包含发文序号"),
        Arguments.of("济政〔25〕7号", "括号只用于四位数字的年份"),
        Arguments.of("济政〔〕7号", "括号只用于四位数字的年份"),
        Arguments.of("济政〔2025〕〔2026〕7号", "括号只用于四位数字的年份"),
        Arguments.of("济政〔2025〕7号〕", "括号只用于四位数字的年份"),
        Arguments.of("济政<2025>7号", "不能含有“<”"),
        Arguments.of("济政〔2025〕7号；济政〔2025〕8号", "不能含有“;”"),
        Arguments.of("<img src=x onerror=alert(1)>1", "不能含有“<”"),
        Arguments.of("济" + "政".repeat(99) + "1", "不能超过 100 字"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("refused")
  void numbersWithoutRealContentAreRefusedInChinese(String typed, String message) {
    assertThatThrownBy(() -> DecisionNumber.parse(typed)).isInstanceOf(DecisionNumber.Invalid.class)
        .hasMessageContaining(message)
        // the message never echoes the raw input, which may hold control characters
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0000", "\n", "\u202e"));
    assertThat(DecisionNumber.tryParse(typed)).isEmpty();
  }

  @Test
  void exactlyOneHundredCharactersIsAllowed() {
    String hundred = "济" + "政".repeat(98) + "1";
    assertThat(hundred).hasSize(100);
    assertThat(DecisionNumber.parse(hundred).value()).isEqualTo(hundred);
    // the limit applies to the canonical form: spaces do not count
    assertThat(DecisionNumber.parse(" " + hundred + " ").value()).isEqualTo(hundred);
  }

  @Test
  void normaliseLooksUpLegacySpellingsWithoutJudgingThem() {
    assertThat(DecisionNumber.normalise(null)).isNull();
    assertThat(DecisionNumber.normalise(" \u3000 ")).isNull();
    assertThat(DecisionNumber.normalise("！！！")).isEqualTo("!!!");
    assertThat(DecisionNumber.normalise("[2025] 7号")).isEqualTo("〔2025〕7号");
  }
}
