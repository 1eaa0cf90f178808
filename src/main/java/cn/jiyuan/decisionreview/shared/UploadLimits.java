package cn.jiyuan.decisionreview.shared;

/**
 * What a form may upload, in one place: the file rule refuses a larger file with its Chinese message, and the
 * request-size cap in front of every API is derived from these so that it never refuses first.
 */
public final class UploadLimits {

  /** Per file: the forms say 20 MB. */
  public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

  /** File slots of the largest form, 提供实施情况材料. */
  public static final int MAX_FILES_PER_FORM = 5;

  private UploadLimits() {}
}
