package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.download.ContentDispositions;
import cn.jiyuan.decisionreview.evaluation.EvaluationAccess;
import cn.jiyuan.decisionreview.evaluation.EvaluationMessages;
import cn.jiyuan.decisionreview.evaluation.SurveyResults;
import cn.jiyuan.decisionreview.evaluation.SurveyResults.DimensionResult;
import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.AuditAction;
import cn.jiyuan.decisionreview.shared.AuditRecords;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The online questionnaire of an evaluation for its staff (Art. 12, 23): the results so far, the raw answers as a
 * workbook without address data, and the early close. Who may see it is {@link EvaluationAccess}'s decision.
 */
@RestController
public class SurveyStaffController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final EvaluationAccess access;
  private final SurveyStore store;
  private final SurveyClosing closing;
  private final SurveyAggregation aggregation;
  private final RuntimeService runtimeService;
  private final SystemCalls system;
  private final TransactionTemplate transaction;
  private final BeijingClock clock;
  private final AuditRecords audit;

  public SurveyStaffController(EvaluationAccess access, SurveyStore store, SurveyClosing closing,
      SurveyAggregation aggregation, RuntimeService runtimeService, SystemCalls system, TransactionTemplate transaction,
      BeijingClock clock, AuditRecords audit) {
    this.access = access;
    this.store = store;
    this.closing = closing;
    this.aggregation = aggregation;
    this.runtimeService = runtimeService;
    this.system = system;
    this.transaction = transaction;
    this.clock = clock;
    this.audit = audit;
  }

  /** {@code GET /api/evaluations/{id}/survey} (contract): {@code dimensions} and {@code awareness} are extras. */
  public record SurveyView(String surveyId, String title, String status, String opensAt, String closesAt,
      String closedAt, int responseCount, List<QuestionView> questions, List<DimensionResult> dimensions,
      Double awareness) {
  }

  /** One question with its live counts; {@code counts} is empty for TEXT. */
  public record QuestionView(String id, String text, String type, String dimension, int answered,
      Map<String, Integer> counts, Double mean) {
  }

  @GetMapping("/api/evaluations/{processInstanceId}/survey")
  public SurveyView survey(@PathVariable String processInstanceId, HttpServletRequest request) {
    Survey survey = surveyOf(request, processInstanceId);
    Instant now = clock.instant();
    Survey.Status status = survey.statusAt(now);
    SurveyClosing.Answered answered = closing.answered(survey);
    SurveyResults results = aggregation.aggregate(survey, answered.responses(),
        status == Survey.Status.CLOSED ? survey.endedAt() : null);
    return new SurveyView(survey.surveyId(), survey.title(), status.name(), time(survey.opensAt()),
        time(survey.closesAt()), status == Survey.Status.CLOSED ? time(survey.endedAt()) : null,
        results.responseCount(), results.questions().stream().map(q -> new QuestionView(q.id(), q.text(), q.type(),
            q.dimension(), q.answered(), q.counts(), q.mean())).toList(), results.dimensions(), results.awareness());
  }

  @GetMapping("/api/evaluations/{processInstanceId}/survey/responses.xlsx")
  public ResponseEntity<byte[]> responses(@PathVariable String processInstanceId, HttpServletRequest request) {
    Survey survey = surveyOf(request, processInstanceId);
    List<SurveyResponse> responses = closing.answered(survey).responses();
    byte[] workbook = SurveyWorkbook.write(survey, responses);
    audit.record(processInstanceId, user(request).userId(), AuditAction.FILE_DOWNLOADED, SurveyWorkbook.fileName(survey),
        "导出网上问卷答卷“" + SurveyWorkbook.fileName(survey) + "”（" + responses.size() + " 份，第二十三条）");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(SurveyWorkbook.fileName(survey)))
        .contentType(MediaType.parseMediaType(XLSX))
        .body(workbook);
  }

  /**
   * Staff end the questionnaire early: the survey stops taking answers now and 网上问卷征集 moves on to 汇总问卷结果.
   * Only while the evaluation waits for it; otherwise nothing changes.
   */
  @PostMapping("/api/evaluations/{processInstanceId}/survey/close")
  public SurveyView close(@PathVariable String processInstanceId, HttpServletRequest request) {
    Survey survey = surveyOf(request, processInstanceId);
    if (access.checkActing(user(request), processInstanceId) != EvaluationAccess.Verdict.ALLOWED) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "只有评估参与单位和司法行政部门可以提前结束问卷征集。");
    }
    Instant now = clock.instant();
    if (survey.statusAt(now) == Survey.Status.CLOSED) {
      throw new ResponseStatusException(HttpStatus.CONFLICT, "网上问卷已结束征集，无需再次结束。");
    }
    // the close and the process's step commit together, or neither does
    transaction.executeWithoutResult(status -> {
      boolean waiting = system.run(() -> runtimeService.createEventSubscriptionQuery()
          .processInstanceId(processInstanceId).eventType("message")
          .eventName(EvaluationMessages.SURVEY_CLOSED_EARLY).count() > 0);
      if (!waiting) {
        throw new ResponseStatusException(HttpStatus.CONFLICT, "该评估当前不在网上问卷征集环节，不能提前结束问卷。");
      }
      if (!store.close(survey.surveyId(), now)) {
        throw new ResponseStatusException(HttpStatus.CONFLICT, "网上问卷已结束征集，无需再次结束。");
      }
      // as the system: ending the survey is this endpoint's decision, not an engine permission of the caller
      system.run(() -> runtimeService.createMessageCorrelation(EvaluationMessages.SURVEY_CLOSED_EARLY)
          .processInstanceId(processInstanceId).correlateWithResult());
    });
    return survey(processInstanceId, request);
  }

  private Survey surveyOf(HttpServletRequest request, String processInstanceId) {
    access.requireReadable(user(request), processInstanceId);
    return store.findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "该评估没有网上问卷。"));
  }

  private static CurrentUser user(HttpServletRequest request) {
    return (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
  }

  private static String time(Instant instant) {
    return instant == null ? null : instant.atZone(BeijingClock.ZONE).toOffsetDateTime().toString();
  }
}
