package cn.jiyuan.decisionreview.download;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Content-Disposition} values that keep a Chinese file name on the way through Tomcat (RFC 6266 with the
 * RFC 5987 {@code filename*} parameter): {@code attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>}.
 * Tomcat drops a header whose value has characters outside ISO-8859-1, so the raw name may appear only
 * percent-encoded; the quoted {@code filename} is an ASCII fallback for clients that ignore {@code filename*}.
 */
public final class ContentDispositions {

  public static final String HEADER = "Content-Disposition";

  private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";
  private static final Pattern TYPE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9._-]*)");
  private static final Pattern EXTENDED = Pattern.compile(
      "(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([^';\\s]*)'[^']*'([^;\\s]*)");
  private static final Pattern QUOTED = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern TOKEN = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*([^\";\\s][^;]*)");
  private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]{1,8}$");

  private ContentDispositions() {}

  /** {@code attachment; filename="…"; filename*=UTF-8''…} for a file name in any script. */
  public static String attachment(String fileName) {
    return build("attachment", fileName);
  }

  /**
   * The same header in the RFC 5987 form, whatever form it came in: Camunda's {@code filename="<raw UTF-8>";
   * filename*=…}, a bare quoted name, or an RFC 2047 encoded word. A value without a file name is returned as it is.
   */
  public static String normalise(String value) {
    if (value == null) {
      return null;
    }
    String name = fileName(value);
    if (name == null) {
      return value;
    }
    Matcher type = TYPE.matcher(value);
    return build(type.find() ? type.group(1).toLowerCase(Locale.ROOT) : "attachment", name);
  }

  /** The file name a header value carries: its {@code filename*} if readable, else its {@code filename}. */
  public static String fileName(String value) {
    if (value == null) {
      return null;
    }
    Matcher extended = EXTENDED.matcher(value);
    if (extended.find()) {
      String decoded = percentDecode(extended.group(2), extended.group(1));
      if (decoded != null && !decoded.isBlank()) {
        return decoded;
      }
    }
    Matcher quoted = QUOTED.matcher(value);
    if (quoted.find()) {
      String name = quoted.group(1).replaceAll("\\\\(.)", "$1");
      return name.isBlank() ? null : name;
    }
    Matcher token = TOKEN.matcher(value);
    if (token.find()) {
      String name = token.group(1).strip();
      return name.isEmpty() ? null : name;
    }
    return null;
  }

  /**
   * The ASCII stand-in: the name's ASCII letters, digits and simple punctuation, non-ASCII runs as one "_", the
   * extension kept; "download" when nothing readable is left. {@code 济政〔2026〕3号-报告.docx} gives {@code 2026_3.docx}.
   */
  public static String asciiFallback(String fileName) {
    String name = fileName == null ? "" : fileName.strip();
    Matcher ext = EXTENSION.matcher(name);
    String extension = ext.find() ? ext.group() : "";
    String stem = name.substring(0, name.length() - extension.length());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < stem.length(); i++) {
      char c = stem.charAt(i);
      boolean keep = c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '/' && c != ';' && c != '%';
      char next = keep ? c : '_';
      if (next == '_' && out.length() > 0 && out.charAt(out.length() - 1) == '_') {
        continue;
      }
      out.append(next);
    }
    String cleaned = out.toString().replaceAll("^[\\s_.-]+|[\\s_.-]+$", "").replaceAll("_[\\s_-]+", "_");
    if (!cleaned.matches(".*[A-Za-z0-9].*")) {
      cleaned = "download";
    }
    return cleaned + extension;
  }

  /** RFC 5987 {@code value-chars}: every byte outside {@code attr-char} as %XX of its UTF-8 encoding. */
  public static String percentEncode(String s) {
    StringBuilder out = new StringBuilder();
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static String build(String type, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "download" : fileName.strip();
    return type + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + percentEncode(name);
  }

  /** Strict %XX decoding ("+" stays "+", unlike form decoding); {@code null} if malformed or the charset unknown. */
  private static String percentDecode(String encoded, String charsetName) {
    Charset charset;
    try {
      charset = charsetName == null || charsetName.isBlank() ? StandardCharsets.UTF_8 : Charset.forName(charsetName);
    } catch (IllegalArgumentException e) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return null;
        }
        int hi = Character.digit(encoded.charAt(i + 1), 16);
        int lo = Character.digit(encoded.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          return null;
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        return null;
      }
    }
    return bytes.toString(charset);
  }
}
