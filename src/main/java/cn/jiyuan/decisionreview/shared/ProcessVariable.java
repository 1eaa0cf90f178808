package cn.jiyuan.decisionreview.shared;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * One process variable, declared once with its name and type (in the style of holunda's camunda-bpm-data): each
 * process's contract class lists its variables as constants, and code reads and writes them only through these.
 * The stored form stays what DESIGN.md specifies (dates as {@code yyyy-MM-dd} text, enums by name, lists and records
 * as Json), so forms, DMN tables, FEEL and external callers see the same values as before.
 *
 * @param <T> the Java type code works with
 */
public final class ProcessVariable<T> {

  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private final String name;
  private final Function<Object, T> read;
  private final Function<T, TypedValue> write;

  private ProcessVariable(String name, Function<Object, T> read, Function<T, TypedValue> write) {
    this.name = name;
    this.read = read;
    this.write = write;
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, FormValues::text, Variables::stringValue);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, FormValues::bool, Variables::booleanValue);
  }

  public static ProcessVariable<Long> wholeNumber(String name) {
    return new ProcessVariable<>(name, FormValues::wholeNumber, Variables::longValue);
  }

  public static ProcessVariable<Integer> integer(String name) {
    return new ProcessVariable<>(name, raw -> {
      Long value = FormValues.wholeNumber(raw);
      return value == null ? null : Math.toIntExact(value);
    }, Variables::integerValue);
  }

  public static ProcessVariable<Double> decimal(String name) {
    return new ProcessVariable<>(name, FormValues::number, Variables::doubleValue);
  }

  /** A date kept as {@code yyyy-MM-dd} text, as forms and DMN tables exchange it. */
  public static ProcessVariable<LocalDate> date(String name) {
    return new ProcessVariable<>(name, FormValues::date,
        value -> Variables.stringValue(value == null ? null : value.toString()));
  }

  /** An enum kept by its constant's name (the codes DESIGN.md lists, e.g. {@code TRACKING}). */
  public static <E extends Enum<E>> ProcessVariable<E> enumerated(String name, Class<E> type) {
    return new ProcessVariable<>(name, raw -> {
      String code = FormValues.text(raw);
      return code == null || code.isBlank() ? null : Enum.valueOf(type, code);
    }, value -> Variables.stringValue(value == null ? null : value.name()));
  }

  /**
   * A Java list the engine can iterate (a multi-instance collection), kept as a JSON-serialized object rather than
   * Json: the engine's {@code collection} expression needs a {@code java.util.Collection}, and Java serialization is off.
   */
  public static ProcessVariable<List<String>> javaList(String name) {
    return new ProcessVariable<>(name, FormValues::stringList, value -> Variables.objectValue(
        value == null ? null : new java.util.ArrayList<>(value))
        .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
  }

  /** A record (or any Jackson-mapped type) kept as a Json variable. */
  public static <R> ProcessVariable<R> json(String name, Class<R> type) {
    return json(name, JSON.getTypeFactory().constructType(type));
  }

  /** A list of records kept as one Json array (what form-js loops and tables read). */
  public static <R> ProcessVariable<List<R>> jsonList(String name, Class<R> itemType) {
    return json(name, JSON.getTypeFactory().constructCollectionType(List.class, itemType));
  }

  private static <R> ProcessVariable<R> json(String name, JavaType type) {
    return new ProcessVariable<>(name, raw -> {
      if (raw == null) {
        return null;
      }
      try {
        String text = raw instanceof String s ? s : raw.toString();
        if (!(raw instanceof String) && !(raw instanceof org.camunda.spin.json.SpinJsonNode)) {
          text = JSON.writeValueAsString(raw); // a Map or List the engine deserialized
        }
        return JSON.readValue(text, type);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("流程变量“" + name + "”的内容无法读取：" + e.getMessage(), e);
      }
    }, value -> {
      try {
        return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
      } catch (java.io.IOException e) {
        throw new IllegalStateException("流程变量“" + name + "”无法保存：" + e.getMessage(), e);
      }
    });
  }

  public String name() {
    return name;
  }

  /** The value, or {@code null} when the variable is not set. */
  public T get(VariableScope scope) {
    return read.apply(scope.getVariable(name));
  }

  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(get(scope));
  }

  /** The value that must be there; its absence is a fault of the process, shown as an incident in Cockpit. */
  public T require(VariableScope scope) {
    T value = get(scope);
    if (value == null) {
      throw new IllegalStateException("缺少流程变量“" + name + "”");
    }
    return value;
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, typed(value));
  }

  /**
   * Sets {@code value} unless the variable already holds exactly its stored form (same type, same value), or
   * {@code value} is null and the variable is absent or empty: a value that arrived canonical is not written back unchanged, and nothing is
   * stored until there is something. Each write costs a history detail and an update.
   */
  public void setIfChanged(VariableScope scope, T value) {
    TypedValue stored = scope.getVariableTyped(name);
    if (value == null && (stored == null || stored.getValue() == null
        || stored.getValue() instanceof String text && text.isBlank())) {
      return; // empty stays empty: an optional field submitted blank is not rewritten as null
    }
    TypedValue wanted = typed(value);
    if (stored == null || !java.util.Objects.equals(stored.getType(), wanted.getType())
        || !java.util.Objects.equals(stored.getValue(), wanted.getValue())) {
      scope.setVariable(name, wanted);
    }
  }

  /**
   * A transient value: read in this transaction only (e.g. by the gateway right after the step), never stored, so it
   * costs no row and no history.
   */
  public void setTransient(VariableScope scope, T value) {
    scope.setVariable(name, Variables.untypedValue(value, true));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, typed(value));
  }

  /** The value read from variables handed over as a map (a start, a completion, a message). */
  public T from(Map<String, ?> variables) {
    return read.apply(variables.get(name));
  }

  /** The value read from a lookup of variables (what the form rules see of a submission). */
  public T of(Function<String, ?> variables) {
    return read.apply(variables.apply(name));
  }

  public TypedValue typed(T value) {
    return write.apply(value);
  }

  /** Puts the typed value into a map of variables for a start, a completion or a message. */
  public VariableMap putInto(VariableMap variables, T value) {
    return variables.putValueTyped(name, typed(value));
  }

  @Override
  public String toString() {
    return name;
  }
}
