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
    if (!value.isDeserialized() && value.getObjectTypeName() != null) {
      DeserializationTypeValidator validator = Context.getProcessEngineConfiguration() == null ? null
          : Context.getProcessEngineConfiguration().getDeserializationTypeValidator();
      if (validator != null && Context.getProcessEngineConfiguration().isDeserializationTypeValidationEnabled()) {
        for (String type : TYPE_SEPARATORS.split(value.getObjectTypeName())) {
          if (!type.isEmpty() && !validator.validate(type)) {
            throw new FormFieldValidationException(valueFields.getName(), "变量“" + valueFields.getName()
                + "”的对象类型不被允许：对象变量只能是文本、数字、列表或映射。");
          }
        }
      }
    }
    super.writeValue(value, valueFields);
  }
}
