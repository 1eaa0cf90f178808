package cn.jiyuan.decisionreview.evaluation;

import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore.Content;
import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.AuditRecords;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Downloads of an evaluation's report and materials, for its participants (Art. 23), also after it has ended. */
@RestController
public class EvaluationController {

  private final EvaluationAccess access;
  private final EvaluationFileStore store;
  private final AuditRecords audit;

  public EvaluationController(EvaluationAccess access, EvaluationFileStore store, AuditRecords audit) {
    this.access = access;
    this.store = store;
    this.audit = audit;
  }

  @GetMapping("/api/evaluations/{processInstanceId}/report")
  public ResponseEntity<byte[]> report(@PathVariable String processInstanceId, HttpServletRequest request) {
    CurrentUser user = authorize(request, processInstanceId);
    Content report = store.report(processInstanceId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "该评估尚未生成评估报告。"));
    recordDownload(user, processInstanceId, report, "评估报告");
    return report.attachment();
  }

  @GetMapping("/api/evaluations/{processInstanceId}/materials")
  public List<MaterialListing> materials(@PathVariable String processInstanceId, HttpServletRequest request) {
    authorize(request, processInstanceId);
    return store.materials(processInstanceId).stream().map(f -> new MaterialListing(f.id(), f.fileName(), f.mimeType(),
        f.size(), f.uploadedBy() == null ? "" : f.uploadedBy(), f.uploadedAt().toString(),
        EvaluationTaskListeners.materialUrl(processInstanceId, f.id()))).toList();
  }

  /** One entry of {@code GET /api/evaluations/{id}/materials} (HTTP API, contract). */
  public record MaterialListing(String id, String fileName, String mimeType, long size, String uploadedBy,
      String uploadedAt, String url) {}

  @GetMapping("/api/evaluations/{processInstanceId}/materials/{materialId}")
  public ResponseEntity<byte[]> material(@PathVariable String processInstanceId, @PathVariable String materialId,
      HttpServletRequest request) {
    CurrentUser user = authorize(request, processInstanceId);
    Content material = store.material(processInstanceId, materialId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "材料不存在。"));
    recordDownload(user, processInstanceId, material, "材料");
    return material.attachment();
  }

  private CurrentUser authorize(HttpServletRequest request, String processInstanceId) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    access.requireReadable(user, processInstanceId);
    return user;
  }

  private void recordDownload(CurrentUser user, String processInstanceId, Content content, String what) {
    audit.fileDownloaded(processInstanceId, user.userId(), what, content.fileName(), content.bytes().length);
  }
}
