package cn.jiyuan.decisionreview.security;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.value.ObjectValue;

/**
 * The REST API turns a JSON number too long for a Long (e.g. 1,000 digits) into a BigInteger, which no typed
 * serializer takes; the engine then stored it as a serialized Java object that no form or rule can use. Such a
 * number is refused when it is written (400, Chinese). Same name as the engine's serializer, so stored values
 * stay readable; client-supplied Java-serialized bytes stay refused by {@code java-serialization-format-enabled: false}.
 */
public class BoundedNumberJavaSerializer extends JavaObjectSerializer {

  @Override
  public void writeValue(ObjectValue value, ValueFields valueFields) {
    if (value.isDeserialized() && (value.getValue() instanceof BigInteger || value.getValue() instanceof BigDecimal)) {
      throw new FormFieldValidationException(valueFields.getName(), "变量“" + valueFields.getName() + "”的数值超出范围。");
    }
    super.writeValue(value, valueFields);
  }
}
