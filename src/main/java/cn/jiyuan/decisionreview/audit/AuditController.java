package cn.jiyuan.decisionreview.audit;

import cn.jiyuan.decisionreview.download.ContentDispositions;
import cn.jiyuan.decisionreview.evaluation.EvaluationAccess;
import cn.jiyuan.decisionreview.evaluation.EvaluationVariables;
import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import cn.jiyuan.decisionreview.shared.FormValues;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/evaluations/{id}/audit} and {@code …/audit.xlsx} (Art. 24), for the read-all roles and the
 * administrator ({@link EvaluationAccess#requireAuditReadable}). Only GET: the trail has no write API.
 */
@RestController
@CarriesOut({"第二十四条", "条例第三十九条"})
public class AuditController {

  private final EvaluationAccess access;
  private final AuditTrail trail;
  private final HistoryService historyService;
  private final SystemCalls system;

  public AuditController(EvaluationAccess access, AuditTrail trail, HistoryService historyService, SystemCalls system) {
    this.access = access;
    this.trail = trail;
    this.historyService = historyService;
    this.system = system;
  }

  @GetMapping("/api/evaluations/{processInstanceId}/audit")
  public List<AuditEntry> audit(@PathVariable String processInstanceId, HttpServletRequest request) {
    authorize(request, processInstanceId);
    return trail.of(processInstanceId);
  }

  @GetMapping("/api/evaluations/{processInstanceId}/audit.xlsx")
  public ResponseEntity<byte[]> workbook(@PathVariable String processInstanceId, HttpServletRequest request) {
    authorize(request, processInstanceId);
    List<AuditEntry> entries = trail.of(processInstanceId);
    String number = decisionNumber(processInstanceId);
    String title = (number == null ? "" : number + " ") + "跟踪反馈与后评估审计记录（第二十四条，共 " + entries.size() + " 条）";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(AuditWorkbook.fileName(number)))
        .contentType(MediaType.parseMediaType(AuditWorkbook.MIME_TYPE))
        .body(AuditWorkbook.write(title, entries));
  }

  private void authorize(HttpServletRequest request, String processInstanceId) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    access.requireAuditReadable(user, processInstanceId);
  }

  private String decisionNumber(String processInstanceId) {
    return system.run(() -> historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(processInstanceId)
        .variableName(EvaluationVariables.DECISION_NUMBER.name()).list()).stream()
        .map(HistoricVariableInstance::getValue).map(FormValues::text).filter(v -> v != null).findFirst().orElse(null);
  }
}
