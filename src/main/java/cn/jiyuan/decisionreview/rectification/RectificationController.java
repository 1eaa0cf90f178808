package cn.jiyuan.decisionreview.rectification;

import cn.jiyuan.decisionreview.evaluation.EvaluationAccess;
import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/evaluations/{processInstanceId}/rectifications}: the evaluation's rectification items with their
 * status and counts (Art. 16, 17), for whoever may read the evaluation (its participants and the read-all roles,
 * {@link EvaluationAccess#requireReadable}); also after the evaluation has ended. {@code …/meta-evaluation}: the
 * evaluation's own meta-evaluation summary ({@link MetaEvaluations}).
 */
@RestController
@CarriesOut({"第十六条", "第十七条"})
public class RectificationController {

  private final EvaluationAccess access;
  private final RectificationService service;
  private final MetaEvaluations metaEvaluations;

  public RectificationController(EvaluationAccess access, RectificationService service,
      MetaEvaluations metaEvaluations) {
    this.access = access;
    this.service = service;
    this.metaEvaluations = metaEvaluations;
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
}
