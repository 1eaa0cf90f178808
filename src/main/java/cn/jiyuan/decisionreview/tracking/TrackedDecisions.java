package cn.jiyuan.decisionreview.tracking;

import static cn.jiyuan.decisionreview.tracking.TrackingVariables.DECISION_NUMBER;

import cn.jiyuan.decisionreview.form.FormRefusal;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table {@code dr_decision}: one row per registered decision number, written in the engine's transaction.
 * Its primary key, not a query before an insert, makes a number registrable once: of two registrations racing
 * with the same number, the second insert waits for the first transaction and then violates the key, so its
 * whole process start rolls back (no instance, no history, no row) and it gets the refusal a sequential
 * duplicate gets.
 *
 * <p>Once registered, a number stays taken after its tracking ends (TERMINATED, COMPLETED): a 文号 is issued
 * once, the registry answers for it with that decision, and a decision made anew gets a new number. Only a
 * tracking instance that an administrator deleted (Cockpit, REST) gives its number back.
 */
@Repository
public class TrackedDecisions {

  /** The statuses of a tracking that is still running; TERMINATED and COMPLETED end it. */
  public static final Set<String> RUNNING = Set.of(TrackingStatus.TRACKING.name(), TrackingStatus.EVALUATING.name(),
      TrackingStatus.SUSPENDED.name());

  public record Row(String decisionNumber, String processInstanceId, String title, String category,
      String executingUnit, String status) {

    public boolean running() {
      return RUNNING.contains(status);
    }
  }

  private static final String COLUMNS = "decision_number, process_instance_id, title, category, executing_unit, status";
  private static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
      rs.getString(4), rs.getString(5), rs.getString(6));

  private final JdbcTemplate jdbc;
  private final TransactionTemplate savepoint;

  public TrackedDecisions(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.savepoint = new TransactionTemplate(transactionManager);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Registers {@code number} for the tracking instance {@code processInstanceId}, in the caller's transaction.
   * {@code instanceExists} tells whether a process instance still exists (to recognise a deleted holder).
   *
   * @throws FormFieldValidationException the Chinese refusal when the number is taken
   */
  public void claim(DecisionNumber number, String processInstanceId, String title, String category,
      String executingUnit, Predicate<String> instanceExists) {
    Timestamp now = now();
    try {
      // Behind a savepoint: on PostgreSQL a failed statement would otherwise abort the whole transaction, and the
      // deleted-holder case below must still read and write.
      savepoint.executeWithoutResult(s -> jdbc.update("INSERT INTO dr_decision (" + COLUMNS
          + ", registered_at, updated_at) VALUES (?, ?, ?, ?, ?, 'TRACKING', ?, ?)", number.value(), processInstanceId,
          title, category, executingUnit, now, now));
      return;
    } catch (DuplicateKeyException taken) {
      // Taken, perhaps a moment ago by a registration that raced this one; see who holds it.
    } catch (PessimisticLockingFailureException | QueryTimeoutException busy) {
      throw busy(number);
    }
    Row holder;
    try {
      holder = jdbc.query("SELECT " + COLUMNS + " FROM dr_decision WHERE decision_number = ? FOR UPDATE", ROW,
          number.value()).stream().findFirst().orElse(null);
    } catch (PessimisticLockingFailureException | QueryTimeoutException busy) {
      throw busy(number);
    }
    if (holder != null && holder.running() && !instanceExists.test(holder.processInstanceId())) {
      // The holder's instance was deleted without ending (an administrator removed a mistaken registration):
      // the number is free again. The row lock taken above makes a concurrent take-over wait and then refuse.
      jdbc.update("UPDATE dr_decision SET process_instance_id = ?, title = ?, category = ?, executing_unit = ?,"
          + " status = 'TRACKING', registered_at = ?, updated_at = ? WHERE decision_number = ?", processInstanceId,
          title, category, executingUnit, now, now, number.value());
      return;
    }
    throw refusal(number, holder);
  }

  /** The status of the tracking {@code processInstanceId}, in the caller's transaction. */
  public void updateStatus(String processInstanceId, String status) {
    jdbc.update("UPDATE dr_decision SET status = ?, updated_at = ? WHERE process_instance_id = ?", status, now(),
        processInstanceId);
  }

  /**
   * The read-model columns of the tracking {@code processInstanceId} (V11), in the caller's transaction: every step
   * that changes its status, schedule, history or requests calls this through {@link TrackingState}.
   */
  public void refresh(String processInstanceId, RegisterEntry entry) {
    jdbc.update("UPDATE dr_decision SET " + ENTRY_COLUMNS + ", updated_at = ? WHERE process_instance_id = ?",
        entryValues(entry, now(), processInstanceId));
  }

  /**
   * As {@link #refresh}, but only if the row was not written since {@code readAt} (its {@code updated_at} then):
   * the rebuild never overwrites what a step committed while it read the history.
   */
  boolean refreshIfUnchanged(String decisionNumber, RegisterEntry entry, Timestamp readAt) {
    return jdbc.update("UPDATE dr_decision SET " + ENTRY_COLUMNS + ", updated_at = ? WHERE decision_number = ?"
        + " AND updated_at = ?", entryValues(entry, now(), decisionNumber, readAt)) == 1;
  }

  private static final String ENTRY_COLUMNS = "status = ?, title = ?, category = ?, executing_unit = ?,"
      + " implementation_start = ?, implementation_end = ?, next_evaluation_type = ?, next_evaluation_due = ?,"
      + " next_evaluation_basis = ?, last_evaluation_type = ?, last_evaluation_completed = ?,"
      + " last_evaluation_outcome = ?, detail = ?";

  private static Object[] entryValues(RegisterEntry e, Object... more) {
    Object[] values = {e.status(), e.title(), e.category(), e.executingUnit(), date(e.implementationStart()),
        date(e.implementationEnd()), e.nextEvaluationType(), date(e.nextEvaluationDue()), e.nextEvaluationBasis(),
        e.lastEvaluationType(), date(e.lastEvaluationCompleted()), e.lastEvaluationOutcome(), e.detail()};
    Object[] all = java.util.Arrays.copyOf(values, values.length + more.length);
    System.arraycopy(more, 0, all, values.length, more.length);
    return all;
  }

  /** The read-model columns, in the order {@link #entryAt} reads them. */
  static final String ENTRY_SELECT = "status, title, category, executing_unit, implementation_start,"
      + " implementation_end, next_evaluation_type, next_evaluation_due, next_evaluation_basis, last_evaluation_type,"
      + " last_evaluation_completed, last_evaluation_outcome, detail";

  /** The entry in a result row whose columns {@link #ENTRY_SELECT} begin at {@code first}. */
  static RegisterEntry entryAt(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    int i = first;
    return new RegisterEntry(rs.getString(i), rs.getString(i + 1), rs.getString(i + 2), rs.getString(i + 3),
        localDate(rs.getDate(i + 4)), localDate(rs.getDate(i + 5)), rs.getString(i + 6), localDate(rs.getDate(i + 7)),
        rs.getString(i + 8), rs.getString(i + 9), localDate(rs.getDate(i + 10)), rs.getString(i + 11),
        rs.getString(i + 12));
  }

  /** The row as the register holds it now, read-model columns included (null when there is none). */
  public RegisterEntry entry(String decisionNumber) {
    return jdbc.query("SELECT " + ENTRY_SELECT + " FROM dr_decision WHERE decision_number = ?",
        (rs, i) -> entryAt(rs, 1), decisionNumber).stream().findFirst().orElse(null);
  }

  private static java.sql.Date date(java.time.LocalDate day) {
    return day == null ? null : java.sql.Date.valueOf(day);
  }

  static java.time.LocalDate localDate(java.sql.Date day) {
    return day == null ? null : day.toLocalDate();
  }

  /** The row of a number in any spelling ({@link DecisionNumber#normalise}). */
  public Optional<Row> find(String anySpelling) {
    String number = DecisionNumber.normalise(anySpelling);
    if (number == null) {
      return Optional.empty();
    }
    List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM dr_decision WHERE decision_number = ?", ROW, number);
    return rows.stream().findFirst();
  }

  /** Every registered decision, in number order, in one query: the 督办 board and the annual assessment (Art. 26). */
  public List<Row> all() {
    return jdbc.query("SELECT " + COLUMNS + " FROM dr_decision ORDER BY decision_number", ROW);
  }

  public Optional<Row> find(DecisionNumber number) {
    return find(number.value());
  }

  /** The refusal of a number that is taken; a sequential duplicate and the loser of a race get the same one. */
  static FormFieldValidationException refusal(DecisionNumber number, Row holder) {
    String message = holder == null || holder.running()
        ? "决策文号“" + number + "”已在跟踪中，不能重复登记"
        : "决策文号“" + number + "”已登记，其跟踪已结束（" + TrackingCodes.STATUSES.get(holder.status())
            + "），同一文号不能再次登记；重新作出的决策请以新的文号登记";
    return refuse(message);
  }

  private static FormFieldValidationException busy(DecisionNumber number) {
    return refuse("决策文号“" + number + "”正由他人同时登记，请稍后刷新查看，不要重复提交");
  }

  /** As {@link FormRefusal#throwIfAny()} words it: REST answers 400 with the message, Tasklist shows it. */
  private static FormFieldValidationException refuse(String message) {
    return new FormFieldValidationException(DECISION_NUMBER.name(), message + "。");
  }

  private static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }
}
