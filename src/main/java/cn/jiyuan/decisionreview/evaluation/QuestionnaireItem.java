package cn.jiyuan.decisionreview.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Arrays;
import java.util.List;

/**
 * One question of the online questionnaire in {@code questionnaireItems} (Art. 11(3)).
 *
 * @param type a {@link QuestionType} name, kept as submitted so that the rule can refuse an unknown one
 * @param options the choices of a choice question, one per line
 * @param required whether the public must answer it; null (designed before the field existed) counts as required
 * @param dimension the {@link Dimension} name a satisfaction question measures, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record QuestionnaireItem(String question, String type, String options, Boolean required, String dimension) {

  public static QuestionnaireItem of(String question, QuestionType type, String... options) {
    return new QuestionnaireItem(question, type.name(), options.length == 0 ? null : String.join("\n", options), true,
        null);
  }

  /** A satisfaction question on one Art. 7 dimension. */
  public static QuestionnaireItem scale(String question, Dimension dimension, boolean required) {
    return new QuestionnaireItem(question, QuestionType.SCALE.name(), null, required, dimension.name());
  }

  public boolean isRequired() {
    return !Boolean.FALSE.equals(required);
  }

  /** Choice options are typed one per line. */
  public List<String> optionList() {
    if (options == null) {
      return List.of();
    }
    return Arrays.stream(options.split("[\\r\\n]+")).map(String::trim).filter(o -> !o.isEmpty()).toList();
  }
}
