package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.shared.FormValues;
import java.util.List;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/** Typed values that Camunda Forms can read: Json for lists and options, JSON-serialised objects for engine use. */
public final class JsonVariables {

  private JsonVariables() {}

  /** A Json variable (what Tasklist delivers parsed to form-js, e.g. for valuesKey options). */
  public static TypedValue json(Object value) {
    return SpinValues.jsonValue(FormValues.toJson(value)).create();
  }

  /** A Java list the engine can iterate (multi-instance collection), stored as JSON rather than Java serialization. */
  public static TypedValue list(List<String> values) {
    return Variables.objectValue(new java.util.ArrayList<>(values))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create();
  }
}
