package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.download.ContentDispositions;
import cn.jiyuan.decisionreview.evaluation.EvaluationAccess;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.AuditAction;
import cn.jiyuan.decisionreview.shared.AuditRecords;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The opinions the public sent on an evaluation's decision, for the evaluation's participants and the read-all
 * roles (Art. 12, 23): {@code GET /api/evaluations/{id}/opinions} and {@code …/opinions.xlsx}. No address data.
 */
@RestController
public class EvaluationOpinionController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(BeijingClock.ZONE);

  private final EvaluationAccess access;
  private final OpinionStore store;
  private final HistoryService historyService;
  private final SystemCalls system;
  private final AuditRecords audit;

  public EvaluationOpinionController(EvaluationAccess access, OpinionStore store, HistoryService historyService,
      SystemCalls system, AuditRecords audit) {
    this.access = access;
    this.store = store;
    this.historyService = historyService;
    this.system = system;
    this.audit = audit;
  }

  /** One entry of {@code GET /api/evaluations/{id}/opinions}. */
  public record OpinionListing(String receipt, String category, String categoryLabel, String text, String contact,
      String submittedAt) {
  }

  @GetMapping("/api/evaluations/{processInstanceId}/opinions")
  public List<OpinionListing> list(@PathVariable String processInstanceId, HttpServletRequest request) {
    return opinions(request, processInstanceId).stream().map(o -> new OpinionListing(o.receipt(), o.category().name(),
        o.category().label(), o.text(), o.contact(), TIME.format(o.submittedAt()))).toList();
  }

  @GetMapping("/api/evaluations/{processInstanceId}/opinions.xlsx")
  public ResponseEntity<byte[]> export(@PathVariable String processInstanceId, HttpServletRequest request) {
    List<PublicOpinion> opinions = opinions(request, processInstanceId);
    String number = decisionNumber(processInstanceId);
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    audit.record(processInstanceId, user.userId(), AuditAction.FILE_DOWNLOADED, OpinionExport.fileName(number),
        "导出公众意见“" + OpinionExport.fileName(number) + "”（" + opinions.size() + " 条，第二十三条）");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(OpinionExport.fileName(number)))
        .contentType(MediaType.parseMediaType(OpinionExport.MIME_TYPE))
        .body(OpinionExport.xlsx(number, opinions));
  }

  private List<PublicOpinion> opinions(HttpServletRequest request, String processInstanceId) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    access.requireReadable(user, processInstanceId);
    return store.of(decisionNumber(processInstanceId));
  }

  /** The evaluation's decision, from history so that it holds after the evaluation has ended. */
  private String decisionNumber(String processInstanceId) {
    Optional<String> number = system.run(() -> historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceId).variableName(EvaluationVariables.DECISION_NUMBER.name()).list())
        .stream().map(HistoricVariableInstance::getValue).map(FormValues::text).filter(v -> v != null).findFirst();
    return number.map(DecisionNumber::normalise).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "该评估没有决策文号。"));
  }
}
