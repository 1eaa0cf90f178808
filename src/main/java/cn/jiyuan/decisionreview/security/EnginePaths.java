package cn.jiyuan.decisionreview.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine REST API is served twice: at {@code /engine-rest} (optionally {@code /engine-rest/engine/{name}})
 * and, for the webapps, at {@code /camunda/api/engine/engine/{name}}. Filters that act on particular engine
 * endpoints match the path <em>relative to the engine</em>, normalised the way the REST framework matches it:
 * percent-decoded, matrix parameters ({@code ;x=y}) dropped, empty and "." segments dropped, names compared
 * without regard to case (ids keep theirs).
 * Matching more loosely than the framework is the safe direction: at worst a request is inspected needlessly.
 */
public final class EnginePaths {

  public enum Api { ENGINE_REST, WEBAPP_ENGINE }

  /** An engine REST request: which API, and the segments after the engine root, e.g. [task, 42, comment, create]. */
  public record EngineRequest(Api api, List<String> segments) {

    public String segment(int index) {
      return index < segments.size() ? segments.get(index) : null;
    }

    public int size() {
      return segments.size();
    }

    /** True when the segments match the pattern; "*" matches any one segment. */
    public boolean matches(String... pattern) {
      if (pattern.length != segments.size()) {
        return false;
      }
      for (int i = 0; i < pattern.length; i++) {
        if (!pattern[i].equals("*") && !pattern[i].equalsIgnoreCase(segments.get(i))) {
          return false;
        }
      }
      return true;
    }

    public String relativePath() {
      return String.join("/", segments);
    }
  }

  private EnginePaths() {}

  /** The request as an engine REST request, or null when it is not one. */
  public static EngineRequest of(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    if (uri == null) {
      return null;
    }
    if (context != null && !context.isEmpty() && uri.startsWith(context)) {
      uri = uri.substring(context.length());
    }
    return parse(uri);
  }

  /** Parses a raw (still percent-encoded) path below the context root. */
  public static EngineRequest parse(String rawPath) {
    List<String> segments = segments(rawPath);
    if (segments.isEmpty()) {
      return null;
    }
    if (segments.get(0).equalsIgnoreCase("engine-rest")) {
      List<String> rest = segments.subList(1, segments.size());
      if (rest.size() >= 2 && rest.get(0).equalsIgnoreCase("engine")) {
        rest = rest.subList(2, rest.size());
      }
      return new EngineRequest(Api.ENGINE_REST, List.copyOf(rest));
    }
    if (segments.size() >= 3 && segments.get(0).equalsIgnoreCase("camunda") && segments.get(1).equalsIgnoreCase("api")
        && segments.get(2).equalsIgnoreCase("engine")) {
      List<String> rest = segments.subList(3, segments.size());
      if (rest.size() >= 2 && rest.get(0).equalsIgnoreCase("engine")) {
        rest = rest.subList(2, rest.size());
      }
      return new EngineRequest(Api.WEBAPP_ENGINE, List.copyOf(rest));
    }
    return null;
  }

  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String raw : rawPath.split("/")) {
      int semicolon = raw.indexOf(';');
      String segment = semicolon >= 0 ? raw.substring(0, semicolon) : raw;
      try {
        segment = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // left as it is: the container refuses malformed escapes anyway
      }
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(segment);
    }
    return out;
  }
}
