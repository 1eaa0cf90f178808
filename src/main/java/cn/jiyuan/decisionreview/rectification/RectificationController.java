package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.evaluation.EvaluationAccess;
import cn.jiyuan.decisionreview.evaluation.Material;
import cn.jiyuan.decisionreview.evaluation.files.EvaluationFileStore.Content;
import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.AuditRecords;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/evaluations/{processInstanceId}/rectifications}: the evaluation's rectification items with their
 * status and counts (Art. 16, 17), for whoever may read the evaluation (its participants and the read-all roles,
 * {@link EvaluationAccess#requireReadable}); also after the evaluation has ended. {@code …/meta-evaluation}: the
 * evaluation's own meta-evaluation summary ({@link MetaEvaluations}). {@code /api/rectifications/{itemId}/evidence}
 * and {@code …/evidence/{fileId}}: an item's evidence files (Art. 17), for its responsible unit and whoever may read
 * its evaluation; each download is recorded in the evaluation's audit trail (Art. 23, 24).
 */
@RestController
@CarriesOut({"第十六条", "第十七条"})
public class RectificationController {

  private final EvaluationAccess access;
  private final RectificationService service;
  private final MetaEvaluations metaEvaluations;
  private final RectificationEvidence evidence;
  private final AuditRecords audit;

  public RectificationController(EvaluationAccess access, RectificationService service,
      MetaEvaluations metaEvaluations, RectificationEvidence evidence, AuditRecords audit) {
    this.access = access;
    this.service = service;
    this.metaEvaluations = metaEvaluations;
    this.evidence = evidence;
    this.audit = audit;
  }

  /** The evaluation's meta-evaluation summary (time, participation, dissent, budget, recommendations carried out). */
  @GetMapping("/api/evaluations/{processInstanceId}/meta-evaluation")
  public MetaEvaluations.MetaEvaluation metaEvaluation(@PathVariable String processInstanceId,
      HttpServletRequest request) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    access.requireReadable(user, processInstanceId);
    return metaEvaluations.of(processInstanceId);
  }

  @GetMapping("/api/evaluations/{processInstanceId}/rectifications")
  public RectificationService.EvaluationRectifications ofEvaluation(@PathVariable String processInstanceId,
      HttpServletRequest request) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    access.requireReadable(user, processInstanceId);
    return new RectificationService.EvaluationRectifications(processInstanceId,
        service.countsOfEvaluation(processInstanceId), service.itemsOfEvaluation(processInstanceId));
  }

  /** The item's evidence files, oldest first (without their content). */
  @GetMapping("/api/rectifications/{itemId}/evidence")
  public List<Material> evidenceFiles(@PathVariable String itemId, HttpServletRequest request) {
    readableItem(request, itemId);
    return evidence.listing(itemId);
  }

  @GetMapping("/api/rectifications/{itemId}/evidence/{fileId}")
  public ResponseEntity<byte[]> evidenceFile(@PathVariable String itemId, @PathVariable String fileId,
      HttpServletRequest request) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    RectificationItem item = readableItem(request, itemId);
    Content file = evidence.content(itemId, fileId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "佐证材料不存在。"));
    audit.fileDownloaded(item.evaluationInstanceId(), user.userId(), "第" + item.seq() + "条整改事项的佐证材料",
        file.fileName(), file.bytes().length);
    return file.attachment();
  }

  /**
   * Art. 17, 23: the responsible unit reads what it reported; legal-affairs (which reviews it), the supervisors, the
   * authority and the evaluation's participants read it as they read the evaluation. Anybody else gets 403.
   */
  private RectificationItem readableItem(HttpServletRequest request, String itemId) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    RectificationItem item = service.find(itemId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "整改事项不存在。"));
    if (!user.isMember(item.responsibleUnit())
        && access.check(user, item.evaluationInstanceId()) != EvaluationAccess.Verdict.ALLOWED) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "您不是该整改事项的责任单位，也不是该评估的参与单位，无权查阅佐证材料（第二十三条）。");
    }
    return item;
  }
}
