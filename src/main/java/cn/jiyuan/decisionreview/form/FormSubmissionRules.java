package cn.jiyuan.decisionreview.form;

import cn.jiyuan.decisionreview.form.DeclaredForm.Field;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What a person may submit through a form, checked on the server whatever the client: only the variables the form
 * declares, none of the variables the server records itself (who did something), and text within the field's
 * length limit and free of control characters. Pure: the engine side finds the form, this decides.
 */
public final class FormSubmissionRules {

  /** More refusals than this are summarised, so a flood of names cannot make a flood of text. */
  static final int MAX_PROBLEMS = 10;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FormSubmissionRules() {}

  /** A value of a form field, as far as its text matters. */
  private record FileName(String name) {}

  private enum Opaque { VALUE }

  private static final class Problems {
    final FormRefusal refusal = new FormRefusal();
    int count;

    void add(String field, String message) {
      count++;
      if (count <= MAX_PROBLEMS) {
        refusal.add(field, message);
      }
    }

    FormRefusal done() {
      if (count > MAX_PROBLEMS) {
        refusal.add(null, "另有 " + (count - MAX_PROBLEMS) + " 处不符合要求");
      }
      return refusal;
    }
  }

  /**
   * @param submitted what the caller sends (raw values or typed values)
   * @param form what the form declares
   * @param serverOwned variables the server sets from the authenticated user; refused even if a form declares them
   */
  public static FormRefusal check(Map<String, ?> submitted, DeclaredForm form, Set<String> serverOwned) {
    Problems problems = new Problems();
    if (submitted == null || submitted.isEmpty()) {
      return problems.done();
    }
    @SuppressWarnings("unchecked")
    VariableMap typed = Variables.fromMap((Map<String, Object>) submitted);
    for (String name : submitted.keySet()) {
      if (serverOwned.contains(name)) {
        problems.add(name, "“" + name + "”记录由谁办理，由系统按当前登录用户填写，不能随表单提交");
        continue;
      }
      Field field = form.field(name);
      if (field == null) {
        problems.add(name, "表单中没有“" + name + "”一项，不能提交该数据");
        continue;
      }
      Object value;
      try {
        value = plain(typed.getValueTyped(name));
      } catch (IllegalArgumentException e) {
        problems.add(name, quote(field) + "不是有效的数据");
        continue;
      }
      checkValue(field, value, quote(field), name, problems);
    }
    return problems.done();
  }

  private static String quote(Field field) {
    return "“" + field.labelOrKey() + "”";
  }

  private static void checkValue(Field field, Object value, String where, String name, Problems problems) {
    if (value == null || value == Opaque.VALUE) {
      return; // types are checked by each feature's rules; nothing here to read as text
    }
    switch (field.kind()) {
      case GROUP -> {
        if (value instanceof Map<?, ?> map) {
          checkObject(field, map, where, name, problems);
        } else {
          problems.add(name, where + "不是有效的数据");
        }
      }
      case LIST -> {
        if (!(value instanceof List<?> list)) {
          problems.add(name, where + "不是有效的列表数据");
          return;
        }
        for (int i = 0; i < list.size(); i++) {
          String item = where + "第 " + (i + 1) + " 项";
          if (list.get(i) instanceof Map<?, ?> map) {
            checkObject(field, map, item, name, problems);
          } else if (list.get(i) != null) {
            problems.add(name, item + "不是有效的数据");
          }
        }
      }
      case FILE -> {
        if (value instanceof FileName file) {
          checkText(file.name(), DeclaredForm.FILE_NAME_LIMIT, false, where + "的文件名", name, problems);
        }
      }
      default -> checkStrings(value, field.maxLength(), field.kind().multiline(), where, name, problems);
    }
  }

  private static void checkObject(Field container, Map<?, ?> object, String owner, String name, Problems problems) {
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      String key = String.valueOf(entry.getKey());
      Field child = container.children().get(key);
      if (child == null) {
        problems.add(name, owner + "含有表单中没有的一项“" + key + "”");
      } else {
        checkValue(child, entry.getValue(), owner + "的" + quote(child), name, problems);
      }
    }
  }

  /** A simple field: its text, or every text inside a structured value sent for it. */
  private static void checkStrings(Object value, int limit, boolean multiline, String where, String name,
      Problems problems) {
    if (value instanceof String s) {
      checkText(s, limit, multiline, where, name, problems);
    } else if (value instanceof Collection<?> c) {
      c.forEach(v -> checkStrings(v, limit, multiline, where, name, problems));
    } else if (value instanceof Map<?, ?> m) {
      m.values().forEach(v -> checkStrings(v, limit, multiline, where, name, problems));
    } else if (value instanceof FileName file) {
      checkText(file.name(), DeclaredForm.FILE_NAME_LIMIT, false, where + "的文件名", name, problems);
    }
  }

  static void checkText(String s, int limit, boolean multiline, String where, String name, Problems problems) {
    int length = s.codePointCount(0, s.length());
    if (length > limit) {
      problems.add(name, where + "不能超过 " + limit + " 个字（现为 " + length + " 个字）");
    }
    String bad = firstForbidden(s, multiline);
    if (bad != null) {
      problems.add(name, where + bad);
    }
  }

  /**
   * Control characters (C0, DEL, C1) are refused; a multi-line field keeps tab, line feed and carriage return. An
   * unpaired surrogate is no character at all (PostgreSQL refuses to store it).
   */
  static String firstForbidden(String s, boolean multiline) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return "含有无效字符";
      }
      if (Character.isLowSurrogate(c)) {
        return "含有无效字符";
      }
      boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
      boolean allowed = multiline && (c == '\n' || c == '\r' || c == '\t');
      if (control && !allowed) {
        return String.format("含有不允许的控制字符（U+%04X）", (int) c);
      }
    }
    return null;
  }

  /** A submitted value as plain Java (String, Number, Boolean, List, Map), a file's name, or opaque. */
  static Object plain(TypedValue value) {
    if (value == null) {
      return null;
    }
    if (value instanceof FileValue file) {
      return new FileName(file.getFilename() == null ? "" : file.getFilename());
    }
    if (value instanceof SerializableValue serializable) {
      if (!serializable.isDeserialized()) {
        String format = serializable.getSerializationDataFormat();
        String serialized = serializable.getValueSerialized();
        if (serialized == null) {
          return null;
        }
        return format != null && format.contains("json") ? parse(serialized) : Opaque.VALUE;
      }
      return javaValue(serializable.getValue());
    }
    return javaValue(value.getValue());
  }

  private static Object javaValue(Object v) {
    if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean || v instanceof Date) {
      return v;
    }
    if (v instanceof SpinJsonNode json) {
      return parse(json.toString());
    }
    if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
      try {
        return MAPPER.convertValue(v, Object.class);
      } catch (IllegalArgumentException e) {
        return Opaque.VALUE;
      }
    }
    return Opaque.VALUE;
  }

  private static Object parse(String json) {
    try {
      return MAPPER.readValue(json, Object.class);
    } catch (Exception e) {
      // unparseable or beyond Jackson's nesting and number limits: fail closed
      throw new IllegalArgumentException("invalid JSON", e);
    }
  }
}
