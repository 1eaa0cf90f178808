package cn.jiyuan.decisionreview.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiyuan.decisionreview.evaluation.QuestionType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SurveyAnswersTest {

  static final List<SurveyQuestion> QUESTIONS = List.of(
      new SurveyQuestion("q1", "您对该政策的总体实施效果是否满意？", QuestionType.SCALE, true, List.of(), "EFFECT"),
      new SurveyQuestion("q2", "您是通过什么途径了解到这项政策的？请选择最主要的一种途径", QuestionType.SINGLE, true,
          List.of("政府网站", "新闻媒体", "社区宣传"), null),
      new SurveyQuestion("q3", "您认为哪些方面需要改进？", QuestionType.MULTIPLE, false, List.of("宣传", "办理流程", "补贴标准"),
          "EXECUTION"),
      new SurveyQuestion("q4", "其他意见和建议", QuestionType.TEXT, false, List.of(), null));

  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Map<String, Object> valid(String answers) {
    return SurveyAnswers.validate(QUESTIONS, json(answers));
  }

  static SurveyAnswers.Invalid refused(String answers) {
    try {
      SurveyAnswers.validate(QUESTIONS, answers == null ? null : json(answers));
    } catch (SurveyAnswers.Invalid invalid) {
      return invalid;
    }
    throw new AssertionError("accepted: " + answers);
  }

  @Test
  void acceptsAFullSheetAndStoresItInQuestionOrder() {
    Map<String, Object> answers = valid("{\"q4\": \"多宣传\", \"q3\": [\"补贴标准\", \"宣传\"], \"q2\": \"新闻媒体\", \"q1\": 4}");
    assertThat(answers).containsExactly(Map.entry("q1", 4), Map.entry("q2", "新闻媒体"),
        Map.entry("q3", List.of("宣传", "补贴标准")), Map.entry("q4", "多宣传"));
  }

  @Test
  void leavesOutUnansweredOptionalQuestions() {
    assertThat(valid("{\"q1\": 0, \"q2\": \"政府网站\", \"q3\": [], \"q4\": \"  \"}"))
        .containsOnlyKeys("q1", "q2").containsEntry("q1", 0);
    assertThat(valid("{\"q1\": 5, \"q2\": \"政府网站\", \"q3\": null}")).containsOnlyKeys("q1", "q2");
  }

  @Test
  void requiredQuestionsMustBeAnsweredAndTheMessageNamesThem() {
    SurveyAnswers.Invalid invalid = refused("{\"q3\": [\"宣传\"]}");
    assertThat(invalid.problems()).extracting(SurveyAnswers.Problem::questionId).containsExactly("q1", "q2");
    assertThat(invalid.getMessage()).isEqualTo("第1题（您对该政策的总体实施效果是否满意？）：此题必答，请选择一项评价。");
    assertThat(invalid.problems().get(1).message())
        .isEqualTo("第2题（您是通过什么途径了解到这项政策的？请选择…）：此题必答，请选择一个选项。");
    assertThat(refused("{\"q1\": null, \"q2\": \"政府网站\"}").getMessage()).contains("第1题").contains("必答");
    assertThat(refused("{\"q1\": 3, \"q2\": \"\"}").getMessage()).startsWith("第2题").contains("必答");
  }

  @ParameterizedTest
  @ValueSource(strings = {"6", "-1", "4.0", "4.5", "\"4\"", "true", "[4]", "{\"v\":4}", "99999999999999999999", "1e2"})
  void scaleTakesOnlyTheIntegersZeroToFive(String value) {
    SurveyAnswers.Invalid invalid = refused("{\"q1\": " + value + ", \"q2\": \"政府网站\"}");
    assertThat(invalid.problems()).singleElement().satisfies(p -> {
      assertThat(p.questionId()).isEqualTo("q1");
      assertThat(p.message()).startsWith("第1题").contains("很满意").contains("不清楚");
    });
  }

  @Test
  void scaleAcceptsEveryPointOfTheScale() {
    for (SurveyScale.Point point : SurveyScale.POINTS) {
      assertThat(valid("{\"q1\": " + point.value() + ", \"q2\": \"政府网站\"}")).containsEntry("q1", point.value());
    }
  }

  @Test
  void singleChoiceMustBeOneOfTheOptions() {
    assertThat(refused("{\"q1\": 3, \"q2\": \"微信群\"}").getMessage()).isEqualTo(
        "第2题（您是通过什么途径了解到这项政策的？请选择…）：所选的不是本题的选项，请重新选择。");
    assertThat(refused("{\"q1\": 3, \"q2\": [\"政府网站\"]}").getMessage()).endsWith("请选择一个选项。");
    assertThat(refused("{\"q1\": 3, \"q2\": 1}").getMessage()).endsWith("请选择一个选项。");
    assertThat(refused("{\"q1\": 3, \"q2\": \"政府网站 \"}").getMessage()).contains("不是本题的选项");
  }

  @Test
  void multipleChoiceIsAListOfDistinctOptions() {
    String base = "{\"q1\": 3, \"q2\": \"政府网站\", \"q3\": ";
    assertThat(refused(base + "\"宣传\"}").getMessage()).startsWith("第3题").endsWith("请以列表提交所选的选项。");
    assertThat(refused(base + "[\"宣传\", \"宣传\"]}").getMessage()).endsWith("同一选项只能选一次。");
    assertThat(refused(base + "[\"宣传\", \"别的\"]}").getMessage()).contains("不是本题的选项");
    assertThat(refused(base + "[\"宣传\", 2]}").getMessage()).contains("不是本题的选项");
    assertThat(refused(base + "[null]}").getMessage()).contains("不是本题的选项");
  }

  @Test
  void requiredMultipleChoiceNeedsAtLeastOne() {
    List<SurveyQuestion> questions = List.of(new SurveyQuestion("m", "哪些？", QuestionType.MULTIPLE, true,
        List.of("甲", "乙"), null));
    assertThatThrownBy(() -> SurveyAnswers.validate(questions, json("{\"m\": []}")))
        .hasMessage("第1题（哪些？）：此题必答，请至少选择一项。");
  }

  @Test
  void textIsAStringOfAtMostTwoThousandCodePoints() {
    String base = "{\"q1\": 3, \"q2\": \"政府网站\", \"q4\": ";
    String emoji = "😀".repeat(2000); // 4000 UTF-16 units, 2000 characters
    assertThat(valid(base + "\"" + emoji + "\"}")).containsEntry("q4", emoji);
    assertThat(refused(base + "\"" + "字".repeat(2001) + "\"}").getMessage())
        .isEqualTo("第4题（其他意见和建议）：回答不能超过 2000 字（现为 2001 字），请删减后再提交。");
    assertThat(refused(base + "42}").getMessage()).endsWith("请填写文字回答。");
    assertThat(refused(base + "[\"a\"]}").getMessage()).endsWith("请填写文字回答。");
  }

  @Test
  void oddUnicodeThatCanBeStoredIsKept() {
    String base = "{\"q1\": 3, \"q2\": \"政府网站\", \"q4\": ";
    assertThat(valid(base + "\"\\u202Eمرحبا\\u200F 第一行\\n第二行\\t👩‍👩‍👧\"}").get("q4"))
        .isEqualTo("\u202Eمرحبا\u200F 第一行\n第二行\t👩‍👩‍👧");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u0000", "a\\u0007b", "\\ud800", "x\\udc00", "\\ud83d", "\\u007f"})
  void textCannotHoldControlCharactersOrLoneSurrogates(String escaped) {
    assertThat(refused("{\"q1\": 3, \"q2\": \"政府网站\", \"q4\": \"意见" + escaped + "\"}").getMessage())
        .startsWith("第4题").contains("无法保存的字符");
  }

  @Test
  void unknownQuestionsAreRefusedAndOnlyPlainIdsAreEchoed() {
    SurveyAnswers.Invalid invalid = refused("{\"q1\": 3, \"q2\": \"政府网站\", \"q9\": 1, \"<script>\": 1}");
    assertThat(invalid.problems()).extracting(SurveyAnswers.Problem::message).containsExactly(
        "问卷中没有题目“q9”，请刷新页面后重新作答。", "问卷中没有题目“（无法显示的题号）”，请刷新页面后重新作答。");
    assertThat(invalid.problems()).extracting(SurveyAnswers.Problem::questionId).containsOnlyNulls();
  }

  @Test
  void answersMustBeAnObjectWithAtLeastOneAnswer() {
    assertThat(refused(null).getMessage()).isEqualTo("请求中缺少 answers（各题的回答）。");
    assertThat(refused("null").getMessage()).isEqualTo("请求中缺少 answers（各题的回答）。");
    assertThat(refused("[1, 2]").getMessage()).startsWith("answers 须为对象");
    assertThat(refused("\"q1\"").getMessage()).startsWith("answers 须为对象");
    List<SurveyQuestion> optional = List.of(new SurveyQuestion("t", "说说看", QuestionType.TEXT, false, List.of(), null));
    assertThatThrownBy(() -> SurveyAnswers.validate(optional, json("{}"))).hasMessage("请至少回答一道题后再提交。");
    assertThatThrownBy(() -> SurveyAnswers.validate(optional, json("{}")))
        .isInstanceOfSatisfying(SurveyAnswers.Invalid.class, e -> assertThat(e.problems()).hasSize(1));
  }

  @Test
  void aQuestionWithoutTextIsNamedByItsNumber() {
    assertThat(SurveyAnswers.name(4, new SurveyQuestion("x", " ", QuestionType.TEXT, true, List.of(), null)))
        .isEqualTo("第5题");
    assertThat(SurveyAnswers.name(0, new SurveyQuestion("x", null, QuestionType.TEXT, true, List.of(), null)))
        .isEqualTo("第1题");
  }

  @Test
  void storableAllowsPairedSurrogatesAndLineBreaks() {
    assertThat(SurveyAnswers.storable("好\r\n\t😀")).isTrue();
    assertThat(SurveyAnswers.storable("😀".substring(0, 1) + "a")).isFalse();
  }
}
