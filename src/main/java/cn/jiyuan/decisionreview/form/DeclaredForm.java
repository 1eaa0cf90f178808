package cn.jiyuan.decisionreview.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one deployed form lets its user submit: the variables it declares, and for each its field type, Chinese
 * label and length limit. Read from the form itself (a Camunda Form's JSON or an embedded HTML form), so that a field
 * an analyst adds in Modeler is accepted without a code change.
 */
public final class DeclaredForm {

  /** Single-line text (textfield, select, radio, a date or number sent as text). */
  public static final int LINE_LIMIT = 200;
  /** Multi-line text (textarea). */
  public static final int TEXT_LIMIT = 5000;
  /** A file name. */
  public static final int FILE_NAME_LIMIT = 255;

  public static final DeclaredForm NONE = new DeclaredForm(Map.of());

  public enum Kind {
    LINE, TEXT, CHOICE, MULTI_CHOICE, NUMBER, DATE, BOOLEAN, FILE, GROUP, LIST;

    public boolean multiline() {
      return this == TEXT;
    }
  }

  /** A field, or a group/list of fields (children keyed by their data key). */
  public record Field(String key, String label, Kind kind, int maxLength, Map<String, Field> children) {
    public Field {
      children = children == null ? Map.of() : Collections.unmodifiableMap(children);
    }

    public String labelOrKey() {
      return label == null || label.isBlank() ? key : label;
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** form-js 1.8 components whose value is submitted under their {@code key}. */
  private static final Set<String> NOT_KEYED = Set.of("text", "html", "image", "table", "button", "spacer", "separator",
      "iframe", "documentPreview", "default");

  private final Map<String, Field> variables;

  private DeclaredForm(Map<String, Field> variables) {
    this.variables = Collections.unmodifiableMap(variables);
  }

  public static DeclaredForm of(Map<String, Field> variables) {
    return new DeclaredForm(new LinkedHashMap<>(variables));
  }

  /** The top-level variables a submission may carry. */
  public Map<String, Field> variables() {
    return variables;
  }

  public Field field(String variableName) {
    return variables.get(variableName);
  }

  public DeclaredForm plus(DeclaredForm other) {
    Map<String, Field> all = new LinkedHashMap<>(variables);
    other.variables.forEach(all::putIfAbsent);
    return new DeclaredForm(all);
  }

  // --- Camunda Forms (form-js schema) ---

  /**
   * A Camunda Form: every keyed component, placed at its data path — the {@code path} of enclosing groups and dynamic
   * lists joined with its {@code key}, both split at dots, as form-js does. The first segment is the variable.
   */
  public static DeclaredForm fromCamundaForm(String json) {
    JsonNode schema;
    try {
      schema = MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a Camunda Form: " + e.getMessage(), e);
    }
    Builder root = new Builder(null, null, Kind.GROUP);
    walk(schema.path("components"), root);
    return new DeclaredForm(root.build().children());
  }

  private static void walk(JsonNode components, Builder container) {
    for (JsonNode c : components) {
      String type = c.path("type").asText("");
      String label = text(c.path("label"));
      if (c.has("components")) {
        // group (path optional) and dynamiclist (a list of items under its path)
        String path = text(c.path("path"));
        Builder target = container;
        if (path != null) {
          target = container.at(path.split("\\."), "dynamiclist".equals(type) ? Kind.LIST : Kind.GROUP, label);
        }
        walk(c.path("components"), target);
        continue;
      }
      String key = text(c.path("key"));
      // form-js never submits a disabled field: it only shows a value, so it declares nothing writable
      if (key == null || NOT_KEYED.contains(type) || c.path("disabled").asBoolean(false)) {
        continue;
      }
      Kind kind = switch (type) {
        case "textfield" -> Kind.LINE;
        case "textarea", "expression" -> Kind.TEXT;
        case "select", "radio" -> Kind.CHOICE;
        case "checklist", "taglist" -> Kind.MULTI_CHOICE;
        case "number" -> Kind.NUMBER;
        case "datetime" -> Kind.DATE;
        case "checkbox" -> Kind.BOOLEAN;
        // a keyed component of a newer form-js: accepted, held to the multi-line limits
        default -> Kind.TEXT;
      };
      int limit = kind == Kind.TEXT ? TEXT_LIMIT : LINE_LIMIT;
      JsonNode maxLength = c.path("validate").path("maxLength");
      if (maxLength.canConvertToInt() && maxLength.asInt() > 0 && (kind == Kind.LINE || kind == Kind.TEXT)) {
        limit = maxLength.asInt();
      }
      container.leaf(key.split("\\."), label, kind, limit);
    }
  }

  private static String text(JsonNode node) {
    if (node == null || !node.isTextual()) {
      return null;
    }
    String s = node.asText().trim();
    return s.isEmpty() ? null : s;
  }

  /** Builds the tree of data paths; a segment seen twice (a key inside a pathed group) merges. */
  static final class Builder {
    private final String key;
    private String label;
    private final Kind kind;
    private int maxLength;
    private final Map<String, Builder> children = new LinkedHashMap<>();

    Builder(String key, String label, Kind kind) {
      this.key = key;
      this.label = label;
      this.kind = kind;
    }

    Builder at(String[] path, Kind last, String lastLabel) {
      Builder node = this;
      for (int i = 0; i < path.length; i++) {
        boolean isLast = i == path.length - 1;
        String segment = path[i].trim();
        Builder existing = node.children.get(segment);
        if (existing == null) {
          existing = new Builder(segment, isLast ? lastLabel : null, isLast ? last : Kind.GROUP);
          node.children.put(segment, existing);
        } else if (isLast && existing.label == null) {
          existing.label = lastLabel;
        }
        node = existing;
      }
      return node;
    }

    void leaf(String[] path, String label, Kind kind, int maxLength) {
      Builder parent = path.length == 1 ? this
          : at(java.util.Arrays.copyOf(path, path.length - 1), Kind.GROUP, null);
      String segment = path[path.length - 1].trim();
      Builder leaf = new Builder(segment, label, kind);
      leaf.maxLength = maxLength;
      // the same key twice (e.g. shown in two conditional variants): the first declaration wins
      parent.children.putIfAbsent(segment, leaf);
    }

    Field build() {
      Map<String, Field> built = new LinkedHashMap<>();
      children.forEach((k, v) -> built.put(k, v.build()));
      return new Field(key, label, kind, maxLength, built);
    }
  }
}
