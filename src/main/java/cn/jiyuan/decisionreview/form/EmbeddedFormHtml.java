package cn.jiyuan.decisionreview.form;

import cn.jiyuan.decisionreview.form.DeclaredForm.Field;
import cn.jiyuan.decisionreview.form.DeclaredForm.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an embedded HTML form (Tasklist's camunda-bpm-sdk-js forms) the way the SDK finds its fields: every element
 * with a {@code cam-variable-name} is a submitted variable. Labels come from {@code <label for=…>} or an enclosing
 * {@code <label>}. Scripts, styles and comments are skipped, so a selector string in a form script is not a field.
 * A variable a form script creates itself must also be declared, e.g. {@code <input type="hidden" cam-variable-name=…>}.
 */
public final class EmbeddedFormHtml {

  private EmbeddedFormHtml() {}

  private record Element(String name, Map<String, String> attributes) {
    String attr(String key) {
      return attributes.get(key);
    }
  }

  private static final class Label {
    final String forId;
    final StringBuilder text = new StringBuilder();
    final List<String> variables = new ArrayList<>();

    Label(String forId) {
      this.forId = forId;
    }
  }

  public static DeclaredForm parse(String html) {
    List<Element> fields = new ArrayList<>();
    Map<String, String> labelById = new HashMap<>();
    Map<String, String> labelByVariable = new HashMap<>();
    Deque<Label> labels = new ArrayDeque<>();

    int i = 0;
    int n = html.length();
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0) {
        appendText(labels, html.substring(i));
        break;
      }
      appendText(labels, html.substring(i, lt));
      if (html.startsWith("<!--", lt)) {
        int end = html.indexOf("-->", lt + 4);
        i = end < 0 ? n : end + 3;
        continue;
      }
      if (lt + 1 < n && (html.charAt(lt + 1) == '!' || html.charAt(lt + 1) == '?')) {
        int end = html.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
        continue;
      }
      boolean closing = lt + 1 < n && html.charAt(lt + 1) == '/';
      int nameStart = closing ? lt + 2 : lt + 1;
      int p = nameStart;
      while (p < n && (Character.isLetterOrDigit(html.charAt(p)) || html.charAt(p) == '-' || html.charAt(p) == ':')) {
        p++;
      }
      if (p == nameStart) {
        appendText(labels, "<");
        i = lt + 1;
        continue;
      }
      String tag = html.substring(nameStart, p).toLowerCase(Locale.ROOT);
      Map<String, String> attributes = new LinkedHashMap<>();
      p = readAttributes(html, p, attributes);
      i = p;
      if (closing) {
        if (tag.equals("label") && !labels.isEmpty()) {
          Label label = labels.pop();
          String text = clean(label.text.toString());
          if (!text.isEmpty()) {
            if (label.forId != null) {
              labelById.putIfAbsent(label.forId, text);
            }
            label.variables.forEach(v -> labelByVariable.putIfAbsent(v, text));
          }
        }
        continue;
      }
      if (tag.equals("script") || tag.equals("style")) {
        int end = html.toLowerCase(Locale.ROOT).indexOf("</" + tag, p);
        i = end < 0 ? n : end;
        continue;
      }
      if (tag.equals("label")) {
        labels.push(new Label(attributes.get("for")));
        continue;
      }
      String variable = attributes.get("cam-variable-name");
      if (variable != null && !variable.isBlank()) {
        Element element = new Element(tag, attributes);
        fields.add(element);
        labels.forEach(l -> l.variables.add(variable.trim()));
      }
    }

    Map<String, Field> variables = new LinkedHashMap<>();
    for (Element e : fields) {
      String name = e.attr("cam-variable-name").trim();
      String id = e.attr("id");
      String label = id != null && labelById.containsKey(id) ? labelById.get(id) : labelByVariable.get(name);
      Kind kind = kind(e);
      int limit = switch (kind) {
        case TEXT -> DeclaredForm.TEXT_LIMIT;
        case FILE -> DeclaredForm.FILE_NAME_LIMIT;
        default -> DeclaredForm.LINE_LIMIT;
      };
      String maxLength = e.attr("maxlength");
      if (maxLength != null && maxLength.trim().matches("[1-9][0-9]{0,8}") && (kind == Kind.LINE || kind == Kind.TEXT)) {
        limit = Integer.parseInt(maxLength.trim());
      }
      variables.putIfAbsent(name, new Field(name, label, kind, limit, Map.of()));
    }
    return DeclaredForm.of(variables);
  }

  private static Kind kind(Element e) {
    String camType = e.attr("cam-variable-type") == null ? "" : e.attr("cam-variable-type").trim().toLowerCase(Locale.ROOT);
    String type = e.attr("type") == null ? "" : e.attr("type").trim().toLowerCase(Locale.ROOT);
    switch (camType) {
      case "file", "bytes":
        return Kind.FILE;
      case "boolean":
        return Kind.BOOLEAN;
      case "integer", "long", "short", "double":
        return Kind.NUMBER;
      case "date":
        return Kind.DATE;
      default:
        break;
    }
    return switch (e.name()) {
      case "textarea" -> Kind.TEXT;
      case "select" -> e.attributes().containsKey("multiple") ? Kind.MULTI_CHOICE : Kind.CHOICE;
      case "input" -> switch (type) {
        case "file" -> Kind.FILE;
        case "checkbox" -> Kind.BOOLEAN;
        case "radio" -> Kind.CHOICE;
        case "number" -> Kind.NUMBER;
        case "date", "datetime-local" -> Kind.DATE;
        default -> Kind.LINE;
      };
      default -> Kind.LINE;
    };
  }

  /** Reads attributes up to the end of the start tag; returns the index after '>'. */
  private static int readAttributes(String html, int p, Map<String, String> out) {
    int n = html.length();
    while (p < n) {
      char c = html.charAt(p);
      if (c == '>') {
        return p + 1;
      }
      if (Character.isWhitespace(c) || c == '/') {
        p++;
        continue;
      }
      int nameStart = p;
      while (p < n && !Character.isWhitespace(html.charAt(p)) && "=>/".indexOf(html.charAt(p)) < 0) {
        p++;
      }
      String name = html.substring(nameStart, p).toLowerCase(Locale.ROOT);
      while (p < n && Character.isWhitespace(html.charAt(p))) {
        p++;
      }
      String value = "";
      if (p < n && html.charAt(p) == '=') {
        p++;
        while (p < n && Character.isWhitespace(html.charAt(p))) {
          p++;
        }
        if (p < n && (html.charAt(p) == '"' || html.charAt(p) == '\'')) {
          char quote = html.charAt(p);
          int end = html.indexOf(quote, p + 1);
          end = end < 0 ? n : end;
          value = html.substring(p + 1, end);
          p = Math.min(n, end + 1);
        } else {
          int start = p;
          while (p < n && !Character.isWhitespace(html.charAt(p)) && html.charAt(p) != '>') {
            p++;
          }
          value = html.substring(start, p);
        }
      }
      if (!name.isEmpty()) {
        out.putIfAbsent(name, decode(value));
      }
    }
    return n;
  }

  private static void appendText(Deque<Label> labels, String text) {
    if (!labels.isEmpty() && !text.isEmpty()) {
      labels.peek().text.append(text);
    }
  }

  /** A label as people read it: entities decoded, whitespace collapsed, the required-mark star dropped. */
  private static String clean(String text) {
    String s = decode(text).replaceAll("\\{\\{[^}]*}}", "").replaceAll("\\s+", " ").trim();
    while (s.endsWith("*")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    return s;
  }

  private static String decode(String s) {
    return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }
}
