package cn.jiyuan.decisionreview.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.spin.plugin.impl.JsonValueSerializer;
import org.camunda.spin.plugin.variable.value.SpinValue;

/**
 * Spin stores a Json variable's text as it arrives and parses it only when someone reads it, so
 * {@code {"type":"Json","value":"{bad"}} was accepted with 204 and broke every later read and form rule with
 * a 500. This serializer (same name, so stored values stay readable) checks the text when it is written: it
 * must be one well-formed JSON document, nested at most {@value #MAX_DEPTH} levels, numbers at most
 * {@value #MAX_NUMBER_DIGITS} digits. A refusal is a form refusal: 400 with the Chinese reason, nothing written.
 */
public class ValidatingJsonSerializer extends JsonValueSerializer {

  public static final String NAME = "json";
  static final int MAX_DEPTH = 32;
  static final int MAX_NUMBER_DIGITS = 100;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(MAX_NUMBER_DIGITS)
          .build())
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  @Override
  public void writeValue(SpinValue value, ValueFields valueFields) {
    if (!value.isDeserialized()) {
      String problem = problem(value.getValueSerialized());
      if (problem != null) {
        throw new FormFieldValidationException(valueFields.getName(),
            "变量“" + valueFields.getName() + "”的 JSON 值无效：" + problem + "。");
      }
    }
    super.writeValue(value, valueFields);
  }

  /** Null when the text is one acceptable JSON document, otherwise the Chinese reason. */
  static String problem(String text) {
    if (text == null || text.isBlank()) {
      return "内容为空";
    }
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        return "内容为空";
      }
      parser.skipChildren(); // tokenizes the whole document, so depth and number limits apply
      JsonToken trailing = parser.nextToken();
      return trailing == null ? null : "包含多余的内容";
    } catch (StreamConstraintsException e) {
      return "嵌套超过 " + MAX_DEPTH + " 层或数字超过 " + MAX_NUMBER_DIGITS + " 位";
    } catch (IOException e) {
      return "不是有效的 JSON";
    }
  }
}
