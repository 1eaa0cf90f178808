package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.evaluation.Material;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore.Content;
import cn.jiyuan.decisionreview.evaluation.files.FileRules;
import cn.jiyuan.decisionreview.evaluation.files.FileTable;
import cn.jiyuan.decisionreview.evaluation.files.Uploads;
import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.identity.Directory;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * A rectification item's evidence files (佐证材料, Art. 17) in {@code dr_rectification_evidence} (V16): uploaded in
 * 落实整改事项's file slots, accepted by the same rules as an evaluation's materials (Word, PDF, Excel, images up to
 * 20 MB, content matching the name), kept for every round of the item, read in 整改情况审核 and through
 * {@code GET /api/rectifications/{itemId}/evidence/…}. Stored in the completion's transaction, so a refused
 * completion stores nothing.
 */
@Repository
@CarriesOut({"第十七条", "第二十三条"})
public class RectificationEvidence {

  /** The most files one item keeps over all its rounds. */
  public static final int MAX_FILES = 20;

  private final FileTable files;
  private final Directory directory;

  public RectificationEvidence(JdbcTemplate jdbc, Directory directory) {
    this.files = new FileTable(jdbc, "dr_rectification_evidence", "item_id");
    this.directory = directory;
  }

  /** The files in the form's slots, in slot order (refused ones included: {@link #refuseBadFiles} names them). */
  public static List<FileValue> submitted(VariableScope scope) {
    return Uploads.in(scope, RectificationVariables.evidenceFileSlots());
  }

  /** Adds the reason of each submitted file the upload rules refuse to {@code refusal}. */
  public static void refuseBadFiles(VariableScope scope, FormRefusal refusal) {
    Uploads.checked(scope, RectificationVariables.evidenceFileSlots(), FileRules.MATERIAL_EXTENSIONS, refusal);
  }

  public int count(String itemId) {
    return files.count(itemId);
  }

  /** Stores the submitted files for the item, as uploaded by {@code userId}. */
  public void store(String itemId, String decisionNumber, List<FileValue> uploads, String userId) {
    for (FileValue upload : uploads) {
      files.add(itemId, decisionNumber, upload.getFilename(), Uploads.bytes(upload), userId);
    }
  }

  /** The item's files as the forms list them, oldest first. */
  public List<Material> listing(String itemId) {
    return files.list(itemId).stream()
        .map(f -> Material.of(f, directory.userName(f.uploadedBy()), url(itemId, f.id()))).toList();
  }

  public Optional<Content> content(String itemId, String fileId) {
    return files.content(itemId, fileId);
  }

  public static String url(String itemId, String fileId) {
    return "/api/rectifications/" + itemId + "/evidence/" + fileId;
  }
}
