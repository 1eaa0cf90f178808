package cn.jiyuan.decisionreview.security;

import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;

/**
 * An Object variable sent as JSON text names the Java class it is to become ({@code objectTypeName}). The
 * engine checks that name against its deserialization allow-list only when the variable is read, so any
 * class could be stored, and every later read of the variable failed (or, without the allow-list, built an
 * arbitrary object). This serializer (same name as Spin's, so stored values stay readable) applies the
 * engine's allow-list when the variable is written: a type that could never be read is refused, with 400.
 */
public class ValidatingObjectSerializer extends SpinObjectValueSerializer {

  public static final String NAME = "spin://application/json";
  private static final Pattern TYPE_SEPARATORS = Pattern.compile("[<>,\\[\\]\\s]+");

  public ValidatingObjectSerializer() {
    super(NAME, DataFormats.json());
  }

  @Override
  public void writeValue(ObjectValue value, ValueFields valueFields) {
    String name = valueFields.getName();
    if (value.isDeserialized() && (value.getValue() instanceof java.math.BigInteger
        || value.getValue() instanceof java.math.BigDecimal)) {
      // What the REST API makes of a number too long for a Long: it would be stored, but never read again.
      throw new FormFieldValidationException(name, "变量“" + name + "”的数值超出范围。");
    }
    String typeName = value.isDeserialized() ? (value.getValue() == null ? null : getTypeNameForDeserialized(value.getValue()))
        : value.getObjectTypeName();
    if (typeName != null && !readable(typeName)) {
      throw new FormFieldValidationException(name, "变量“" + name + "”的对象类型不被允许：对象变量只能是文本、数字、列表或映射。");
    }
    super.writeValue(value, valueFields);
  }

  /** True when the engine's deserialization allow-list would let every class the type name mentions be read. */
  static boolean readable(String typeName) {
    var configuration = Context.getProcessEngineConfiguration();
    if (configuration == null || !configuration.isDeserializationTypeValidationEnabled()) {
      return true;
    }
    DeserializationTypeValidator validator = configuration.getDeserializationTypeValidator();
    if (validator == null) {
      return true;
    }
    for (String type : TYPE_SEPARATORS.split(typeName)) {
      if (!type.isEmpty() && !validator.validate(type)) {
        return false;
      }
    }
    return true;
  }
}
