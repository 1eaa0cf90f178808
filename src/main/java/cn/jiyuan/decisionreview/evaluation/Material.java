package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One file of the executing unit's materials in {@code materials} (Art. 5), as the analysis form lists it.
 *
 * @param sizeText the size as people read it, e.g. "12 KB"
 * @param uploadedAt the instant, ISO 8601
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Material(String id, String fileName, long size, String sizeText, String uploadedBy, String uploadedByName,
    String uploadedAt, String url) {

  /** A stored file as the forms list it: its size in KB, who uploaded it by name, and where to download it. */
  public static Material of(EvaluationFileStore.StoredFile f, String uploadedByName, String url) {
    return new Material(f.id(), f.fileName(), f.size(), Math.max(1, f.size() / 1024) + " KB", f.uploadedBy(),
        uploadedByName, f.uploadedAt().toString(), url);
  }
}
