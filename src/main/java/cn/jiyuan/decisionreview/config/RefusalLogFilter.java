package cn.jiyuan.decisionreview.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * A refused submission (a form rule, an ineligible agency, a bad start) is a normal event: the user gets the
 * Chinese reason and the task stays open. The engine still reports it at ERROR with a stack trace (ENGINE-16004
 * "Exception while closing command context"), which buries real errors. This filter turns every WARN or ERROR
 * event caused by a refusal into one INFO line with the reason, on the same logger; everything else keeps its
 * level. The job executor's own report is left alone: a refusal inside a job has no user to see it, so it is
 * a real problem there.
 */
public class RefusalLogFilter extends TurboFilter {

  /** Marks the INFO line that replaces a refusal's error report. */
  public static final Marker REFUSAL = MarkerFactory.getMarker("REFUSAL");

  /** What counts as a refusal: the engine's form validation failure, which {@code FormRefusal} throws. */
  static final List<Class<? extends Throwable>> REFUSALS = List.of(FormFieldValidationException.class);

  static final String JOB_EXECUTOR_LOGGER = "org.camunda.bpm.engine.jobexecutor";

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN) || REFUSAL.equals(marker)
        || logger.getName().startsWith(JOB_EXECUTOR_LOGGER)) {
      return FilterReply.NEUTRAL;
    }
    Throwable refusal = refusal(t != null ? t : lastThrowable(params));
    if (refusal == null) {
      return FilterReply.NEUTRAL;
    }
    logger.info(REFUSAL, "已拒绝办理（业务规则，不是系统错误）：{}", refusal.getMessage());
    return FilterReply.DENY;
  }

  /** SLF4J passes the throwable as the last argument when a message has placeholders. */
  private static Throwable lastThrowable(Object[] params) {
    return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable thrown ? thrown : null;
  }

  /** The refusal that caused {@code thrown}: the engine wraps one thrown in a listener (ENGINE-03051). */
  static Throwable refusal(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      for (Class<? extends Throwable> type : REFUSALS) {
        if (type.isInstance(cause)) {
          return cause;
        }
      }
    }
    return null;
  }
}
