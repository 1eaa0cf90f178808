package cn.jiyuan.decisionreview.participation;

import static cn.jiyuan.decisionreview.tracking.RequestVariables.PUBLIC_OPINION_COUNT;
import static cn.jiyuan.decisionreview.tracking.TrackingVariables.DECISION_NUMBER;
import static cn.jiyuan.decisionreview.tracking.TrackingVariables.REQUESTED_BY;
import static cn.jiyuan.decisionreview.tracking.TrackingVariables.REQUEST_DESCRIPTION;
import static cn.jiyuan.decisionreview.tracking.TrackingVariables.REQUEST_REASON;

import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.SystemCalls;
import cn.jiyuan.decisionreview.tracking.EvaluationRequests;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Art. 8(3): when the opinions on one decision within the rolling {@code opinion-window} reach the threshold of
 * the {@code evaluationTrigger} table, the system itself asks for an evaluation ({@code evaluation-request} with
 * {@code requestReason=PUBLIC_OPINIONS}), at most once per window and decision.
 *
 * <p>The threshold is asked of the table, not known here, so that the analysts' one cell stays the only place it is
 * written. The row of {@code dr_opinion_trigger} is claimed and the request started in one transaction: two nodes or
 * two opinions arriving together cannot both claim it (the primary key and the conditional update decide), and a
 * request that fails to start gives the claim back, so that the next opinion tries again.
 */
@Service
public class OpinionTrigger {

  private static final Logger LOG = LoggerFactory.getLogger(OpinionTrigger.class);
  static final String REASON = "PUBLIC_OPINIONS";
  /** The DMN (contract id) whose PUBLIC_OPINIONS row holds the threshold. */
  static final String TRIGGER_DECISION = "evaluationTrigger";

  private final OpinionStore opinions;
  private final ParticipationProperties properties;
  private final DecisionService decisionService;
  private final RuntimeService runtimeService;
  private final SystemCalls system;
  private final JdbcTemplate jdbc;
  private final BeijingClock clock;
  private final TransactionTemplate transaction;
  private final TransactionTemplate savepoint;

  public OpinionTrigger(OpinionStore opinions, ParticipationProperties properties, DecisionService decisionService,
      RuntimeService runtimeService, SystemCalls system, JdbcTemplate jdbc, BeijingClock clock,
      PlatformTransactionManager transactionManager) {
    this.opinions = opinions;
    this.properties = properties;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.system = system;
    this.jdbc = jdbc;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactionManager);
    this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Called after an opinion on the (canonical) number was committed. Never throws: the citizen's opinion is
   * stored whatever happens here; a failure is logged and the next opinion retries.
   *
   * @return the id of the request raised now, if one was
   */
  public Optional<String> opinionAdded(String decisionNumber) {
    try {
      Instant now = clock.instant();
      Instant windowStart = windowStart(now);
      if (raisedSince(decisionNumber, windowStart)) {
        return Optional.empty(); // the usual case past the threshold: no table to ask, no history to write
      }
      int count = opinions.countSince(decisionNumber, windowStart);
      if (!reachesThreshold(count)) {
        return Optional.empty();
      }
      return raise(decisionNumber, count, now, windowStart);
    } catch (DuplicateKeyException raisedByAnotherNode) {
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.error("公众意见达到第八条第（三）项门槛，但未能提出评估申请（决策文号 {}），下一条意见时重试", decisionNumber, e);
      return Optional.empty();
    }
  }

  private boolean raisedSince(String number, Instant windowStart) {
    Integer raised = jdbc.queryForObject("SELECT COUNT(*) FROM dr_opinion_trigger WHERE decision_number = ? AND "
        + "raised_at >= ?", Integer.class, number, Timestamp.from(windowStart));
    return raised != null && raised > 0;
  }

  Instant windowStart(Instant now) {
    Period window = properties.opinionWindow();
    return now.atZone(BeijingClock.ZONE).minus(window).toInstant();
  }

  /** Whether the evaluationTrigger table would accept a PUBLIC_OPINIONS request with this count. */
  boolean reachesThreshold(int count) {
    Map<String, Object> result = system.run(() -> {
      var row = decisionService.evaluateDecisionByKey(TRIGGER_DECISION)
          .variables(Variables.createVariables().putValue(REQUEST_REASON.name(), REASON)
              .putValue(PUBLIC_OPINION_COUNT.name(), count))
          .evaluate().getSingleResult();
      return row == null ? Map.<String, Object>of() : row.getEntryMap();
    });
    return Boolean.TRUE.equals(result.get("accepted"));
  }

  private Optional<String> raise(String number, int count, Instant now, Instant windowStart) {
    return transaction.execute(tx -> {
      if (!claim(number, count, now, windowStart)) {
        return Optional.<String>empty();
      }
      VariableMap variables = Variables.createVariables();
      DECISION_NUMBER.putInto(variables, number);
      REQUEST_REASON.putInto(variables, REASON);
      PUBLIC_OPINION_COUNT.putInto(variables, count);
      REQUEST_DESCRIPTION.putInto(variables, description(count));
      REQUESTED_BY.putInto(variables, EvaluationRequests.SYSTEM_REQUESTER);
      String id = system.run(() -> runtimeService.createProcessInstanceByKey(ProcessKeys.EVALUATION_REQUEST)
          .businessKey(number).setVariables(variables).execute().getId());
      jdbc.update("UPDATE dr_opinion_trigger SET process_instance_id = ? WHERE decision_number = ?", id, number);
      LOG.info("公众意见 {} 条，已由系统提出评估申请（决策文号 {}，申请 {}）", count, number, id);
      return Optional.of(id);
    });
  }

  /**
   * The decision's row, taken for this window: inserted when there is none, or moved on when the last request was
   * raised before the window began. A concurrent insert of the same number waits for this transaction and then
   * fails on the key; a concurrent update then finds the row already moved on.
   */
  private boolean claim(String number, int count, Instant now, Instant windowStart) {
    Timestamp at = Timestamp.from(now);
    try {
      savepoint.executeWithoutResult(s -> jdbc.update("INSERT INTO dr_opinion_trigger (decision_number, raised_at,"
          + " opinion_count) VALUES (?, ?, ?)", number, at, count));
      return true;
    } catch (DuplicateKeyException exists) {
      return jdbc.update("UPDATE dr_opinion_trigger SET raised_at = ?, opinion_count = ?, process_instance_id = NULL"
          + " WHERE decision_number = ? AND raised_at < ?", at, count, number, Timestamp.from(windowStart)) == 1;
    }
  }

  /** The request's 申请说明, in the words of Art. 8(3). */
  String description(int count) {
    return "公众意见统计：" + windowText() + "公民、法人或者其他组织通过公众参与页面对该决策提交意见 " + count
        + " 条，达到决策表 evaluationTrigger 规定的“提出较多意见”的门槛，由系统依据第八条第（三）项提出评估申请。";
  }

  private String windowText() {
    Instant now = clock.instant();
    long days = Duration.between(windowStart(now), now).toDays();
    return "近 " + days + " 日内";
  }
}
