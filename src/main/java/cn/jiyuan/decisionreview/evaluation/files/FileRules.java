package cn.jiyuan.decisionreview.evaluation.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which uploads are accepted (Art. 5 materials, the revised report): Word, PDF, Excel and images up to
 * 20 MB. The name's extension must match the file's first bytes, so a renamed executable is refused.
 */
public final class FileRules {

  public static final long MAX_BYTES = cn.jiyuan.decisionreview.shared.UploadLimits.MAX_FILE_BYTES;

  static final Map<String, String> MIME_BY_EXTENSION = Map.of(
      "doc", "application/msword",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "pdf", "application/pdf",
      "xls", "application/vnd.ms-excel",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "png", "image/png",
      "jpg", "image/jpeg",
      "jpeg", "image/jpeg");

  public static final Set<String> MATERIAL_EXTENSIONS = MIME_BY_EXTENSION.keySet();
  public static final Set<String> REPORT_EXTENSIONS = Set.of("docx");

  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

  private FileRules() {}

  /** Null when acceptable, otherwise the Chinese reason. */
  public static String problem(String fileName, byte[] content, Set<String> allowedExtensions) {
    if (fileName == null || fileName.isBlank()) {
      return "文件缺少文件名";
    }
    String ext = extension(fileName);
    if (!allowedExtensions.contains(ext)) {
      return "文件“" + fileName + "”的类型不允许，仅接受 " + String.join("、", allowedExtensions.stream().sorted().toList());
    }
    if (content == null || content.length == 0) {
      return "文件“" + fileName + "”是空文件";
    }
    if (content.length > MAX_BYTES) {
      return "文件“" + fileName + "”超过 20 MB";
    }
    if (!magicMatches(ext, content)) {
      return "文件“" + fileName + "”的内容与扩展名 ." + ext + " 不符";
    }
    return null;
  }

  public static String mimeType(String fileName) {
    return MIME_BY_EXTENSION.getOrDefault(extension(fileName), "application/octet-stream");
  }

  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean magicMatches(String ext, byte[] content) {
    return switch (ext) {
      case "docx", "xlsx" -> startsWith(content, ZIP);
      case "doc", "xls" -> startsWith(content, OLE);
      case "pdf" -> startsWith(content, PDF);
      case "png" -> startsWith(content, PNG);
      case "jpg", "jpeg" -> startsWith(content, JPEG);
      default -> false;
    };
  }

  private static boolean startsWith(byte[] content, byte[] prefix) {
    return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
  }
}
