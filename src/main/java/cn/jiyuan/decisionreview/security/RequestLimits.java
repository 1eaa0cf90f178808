package cn.jiyuan.decisionreview.security;

import cn.jiyuan.decisionreview.shared.UploadLimits;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * How large a request may be, derived from what the forms legitimately send. Embedded forms (Tasklist's
 * submit-form) send File variables base64-encoded inside the JSON body, 4 bytes per 3. The largest submission
 * is 提供实施情况材料 with {@value UploadLimits#MAX_FILES_PER_FORM} files of up to 20 MB each
 * ({@link UploadLimits#MAX_FILE_BYTES}). The cap leaves room for each of those to be one byte too large, so that the
 * form rule, not the cap, refuses an oversized file, with its own Chinese message.
 */
public final class RequestLimits {

  /** Room for the form's other fields and the JSON around the files. */
  static final long OTHER_FIELDS_MARGIN = 4L * 1024 * 1024;

  /** Every request body on /engine-rest, /camunda/api and /api; larger ones get 413. */
  public static final long MAX_BODY_BYTES =
      UploadLimits.MAX_FILES_PER_FORM * base64Length(UploadLimits.MAX_FILE_BYTES + 1) + OTHER_FIELDS_MARGIN;

  /** One JSON string may hold one base64 file that is within the body cap. */
  static final int MAX_JSON_STRING_CHARS = (int) MAX_BODY_BYTES;

  /** Task queries and filters (inspected for CVE-2026-109432): small by nature. */
  public static final int MAX_QUERY_BODY_BYTES = 1024 * 1024;

  private RequestLimits() {}

  public static long base64Length(long bytes) {
    return 4 * ((bytes + 2) / 3);
  }

  /**
   * Jackson refuses strings longer than 20,000,000 characters by default; a 20 MB file is 27,962,028 base64
   * characters. The engine REST API creates its ObjectMapper per request from the process-wide defaults, so
   * raising the default is what lets a 20 MB file through. Depth and number limits stay at Jackson's defaults
   * here; inspected query bodies and Json variables have tighter ones of their own.
   */
  public static synchronized void installJsonDefaults() {
    StreamReadConstraints current = StreamReadConstraints.defaults();
    if (current.getMaxStringLength() < MAX_JSON_STRING_CHARS) {
      StreamReadConstraints.overrideDefaultStreamReadConstraints(
          current.rebuild().maxStringLength(MAX_JSON_STRING_CHARS).build());
    }
  }
}
