package cn.jiyuan.decisionreview.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strict types, bounded numbers, strict dates in range, no control characters. */
class FormValuesTest {

  static Stream<Arguments> booleans() {
    return Stream.of(
        Arguments.of(true, true), Arguments.of(false, false),
        Arguments.of("true", true), Arguments.of("false", false), Arguments.of(" true ", true),
        Arguments.of("maybe", null), Arguments.of("TRUE", null), Arguments.of("True", null), Arguments.of("yes", null),
        Arguments.of("1", null), Arguments.of("0", null), Arguments.of(1, null), Arguments.of(0L, null),
        Arguments.of("on", null), Arguments.of("是", null), Arguments.of("", null), Arguments.of(null, null));
  }

  @ParameterizedTest(name = "bool({0}) = {1}")
  @MethodSource("booleans")
  void onlyRealBooleansAreBooleans(Object value, Boolean expected) {
    assertThat(FormValues.bool(value)).isEqualTo(expected);
    assertThat(FormValues.isTrue(value)).isEqualTo(Boolean.TRUE.equals(expected));
    boolean blank = value == null || "".equals(value);
    assertThat(FormValues.isBooleanOrBlank(value)).isEqualTo(blank || expected != null);
  }

  static Stream<Arguments> wholeNumbers() {
    return Stream.of(
        Arguments.of(20, 20L), Arguments.of(20L, 20L), Arguments.of((short) 3, 3L), Arguments.of(20.0, 20L),
        Arguments.of("20", 20L), Arguments.of(" 20 ", 20L), Arguments.of("-3", -3L), Arguments.of("+3", 3L),
        Arguments.of(9_007_199_254_740_992.0, 9_007_199_254_740_992L), // 2^53, still exact
        Arguments.of(BigInteger.valueOf(5), 5L), Arguments.of(new BigDecimal("5.0"), 5L),
        // refused
        Arguments.of(1e20, null), Arguments.of(-1e20, null), Arguments.of(9_007_199_254_740_994.0, null),
        Arguments.of(Double.NaN, null), Arguments.of(Double.POSITIVE_INFINITY, null), Arguments.of(2.5, null),
        Arguments.of(new BigInteger("100000000000000000000"), null), Arguments.of(new BigDecimal("1E+20"), null),
        Arguments.of(new BigDecimal("2.5"), null),
        Arguments.of("1e20", null), Arguments.of("1e3", null), Arguments.of("2.5", null), Arguments.of("20.0", null),
        Arguments.of("0x10", null), Arguments.of("abc", null), Arguments.of("9223372036854775808", null),
        Arguments.of("1" + "0".repeat(1000), null), Arguments.of("", null), Arguments.of(null, null),
        Arguments.of(true, null), Arguments.of("true", null));
  }

  @ParameterizedTest(name = "wholeNumber({0}) = {1}")
  @MethodSource("wholeNumbers")
  void wholeNumbersAreExactOrNothing(Object value, Long expected) {
    assertThat(FormValues.wholeNumber(value)).isEqualTo(expected);
  }

  static Stream<Arguments> boundedNumbers() {
    return Stream.of(Arguments.of(0, 0L), Arguments.of(100, 100L), Arguments.of(-1, null), Arguments.of(101, null),
        Arguments.of(1e20, null), Arguments.of("100", 100L), Arguments.of("101", null));
  }

  @ParameterizedTest(name = "wholeNumber({0}, 0, 100) = {1}")
  @MethodSource("boundedNumbers")
  void boundedWholeNumbers(Object value, Long expected) {
    assertThat(FormValues.wholeNumber(value, 0, 100)).isEqualTo(expected);
  }

  static Stream<Arguments> numbers() {
    return Stream.of(
        Arguments.of(2.5, 2.5), Arguments.of(86000, 86000.0), Arguments.of("86000", 86000.0), Arguments.of("0.5", 0.5),
        Arguments.of("-1.25", -1.25), Arguments.of(new BigDecimal("1E+400"), null), Arguments.of(Double.NaN, null),
        Arguments.of(Double.NEGATIVE_INFINITY, null), Arguments.of("NaN", null), Arguments.of("Infinity", null),
        Arguments.of("1e400", null), Arguments.of("1e3", null), Arguments.of("0x1p3", null), Arguments.of("1d", null),
        Arguments.of("1,000", null), Arguments.of(true, null), Arguments.of(null, null));
  }

  @ParameterizedTest(name = "number({0}) = {1}")
  @MethodSource("numbers")
  void numbersAreFiniteAndPlain(Object value, Double expected) {
    assertThat(FormValues.number(value)).isEqualTo(expected);
  }

  static Stream<Arguments> dates() {
    return Stream.of(
        Arguments.of("2026-07-01", LocalDate.of(2026, 7, 1)),
        Arguments.of(" 2026-07-01 ", LocalDate.of(2026, 7, 1)),
        Arguments.of("2026-07-01T00:00:00", LocalDate.of(2026, 7, 1)),
        Arguments.of("2026-07-01T08:30", LocalDate.of(2026, 7, 1)),
        Arguments.of("2026-07-01T00:00:00.000+08:00", LocalDate.of(2026, 7, 1)),
        Arguments.of("2024-02-29", LocalDate.of(2024, 2, 29)),
        Arguments.of("1949-10-01", LocalDate.of(1949, 10, 1)),
        Arguments.of("2100-12-31", LocalDate.of(2100, 12, 31)),
        Arguments.of(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 1)),
        // refused
        Arguments.of("0000-01-01", null), Arguments.of("2026-13-01", null), Arguments.of("2026-00-10", null),
        Arguments.of("2026-02-30", null), Arguments.of("2025-02-29", null), Arguments.of("2026-04-31", null),
        Arguments.of("1949-09-30", null), Arguments.of("2101-01-01", null), Arguments.of("9999-12-31", null),
        Arguments.of("+10000-01-01", null), Arguments.of("-2026-01-01", null), Arguments.of("2026-7-1", null),
        Arguments.of("20260701", null), Arguments.of("2026/07/01", null), Arguments.of("2026-07-01x", null),
        Arguments.of("2026-07-01Tnonsense", null), Arguments.of("２０２６-07-01", null), Arguments.of("", null),
        Arguments.of(null, null), Arguments.of(LocalDate.of(1900, 1, 1), null),
        // a Date was already parsed leniently by the REST layer (2026-13-01 → 2027-01-01): not trusted
        Arguments.of(new Date(), null), Arguments.of(20260701, null));
  }

  @ParameterizedTest(name = "date({0}) = {1}")
  @MethodSource("dates")
  void datesAreStrictAndInRange(Object value, LocalDate expected) {
    assertThat(FormValues.date(value)).isEqualTo(expected);
  }

  static Stream<Arguments> controls() {
    return Stream.of(
        Arguments.of("济源市数字政府建设实施方案", false), Arguments.of("方案（2024—2030年）·修订", false),
        Arguments.of("Plan A & B <draft>", false), Arguments.of("😀 表情", false),
        Arguments.of("\ue000私用区字符", false), // rare characters typed through private-use fonts
        Arguments.of("方案\u0000", true), Arguments.of("方\u0007案", true), Arguments.of("方案\n第二行", true),
        Arguments.of("方案\r", true), Arguments.of("\t方案", true), Arguments.of("方案\u007f", true),
        Arguments.of("方案\u0085", true), Arguments.of("方案\u009b", true), Arguments.of("方\u200b案", true),
        Arguments.of("方\u200d案", true), Arguments.of("\u202e方案", true), Arguments.of("\u2066方案", true),
        Arguments.of("\ufeff方案", true), Arguments.of("方案\u2028", true), Arguments.of("方案\u2029", true),
        Arguments.of("方案\ud800", true), Arguments.of("方案\udc00", true), Arguments.of("方案\uffff", true),
        Arguments.of("方案\ufdd0", true));
  }

  @ParameterizedTest(name = "hasControlCharacters({0}) = {1}")
  @MethodSource("controls")
  void controlAndInvisibleCharactersAreFound(String text, boolean expected) {
    assertThat(FormValues.hasControlCharacters(text)).isEqualTo(expected);
  }
}
