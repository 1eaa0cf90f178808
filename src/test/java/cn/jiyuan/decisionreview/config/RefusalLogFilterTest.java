package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refusals are logged at INFO in one line, real errors keep their level and stack trace. */
class RefusalLogFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void setUp() {
    RefusalLogFilter filter = new RefusalLogFilter();
    filter.setContext(context);
    filter.start();
    context.addTurboFilter(filter);
    events.setContext(context);
    events.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(events);
  }

  /** What the engine does on a refused task completion: ENGINE-16004 with the wrapped refusal as last argument. */
  @Test
  void theEnginesErrorReportOfAWrappedRefusalBecomesOneInfoLine() {
    FormFieldValidationException refusal = new FormFieldValidationException("agencyId", "该机构受到处理（第二十五条），不得委托。");
    ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener.",
        new ProcessEngineException("Exception while invoking TaskListener", refusal));
    context.getLogger("org.camunda.bpm.engine.context")
        .error("ENGINE-16004 Exception while closing command context: {}", wrapped.getMessage(), wrapped);

    assertThat(events.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.INFO);
      assertThat(event.getLoggerName()).isEqualTo("org.camunda.bpm.engine.context");
      assertThat(event.getMarkerList()).contains(RefusalLogFilter.REFUSAL);
      assertThat(event.getFormattedMessage()).contains("该机构受到处理（第二十五条），不得委托。");
      assertThat(event.getThrowableProxy()).as("no stack trace for a normal event").isNull();
    });
  }

  @Test
  void aRefusalPassedAsTheThrowableOfAWarningIsDemotedToo() {
    context.getLogger("cn.jiyuan.decisionreview.security").warn("拒绝", new FormFieldValidationException("x", "请填写委托范围。"));
    assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO);
  }

  @Test
  void realErrorsKeepTheirLevelAndStackTrace() {
    Logger engine = context.getLogger("org.camunda.bpm.engine.context");
    engine.error("ENGINE-16004 Exception while closing command context: {}", "boom", new IllegalStateException("boom"));
    engine.error("没有异常的错误");
    assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR, Level.ERROR);
    assertThat(events.list.get(0).getThrowableProxy()).isNotNull();
  }

  @Test
  void theJobExecutorsReportKeepsItsLevel() {
    // A refusal inside a job has no user who sees it: the job fails, and that must stay visible.
    context.getLogger("org.camunda.bpm.engine.jobexecutor")
        .warn("ENGINE-14006 Exception while executing job {}: ", "job-1", new FormFieldValidationException("x", "拒绝"));
    assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN);
  }

  @Test
  void installingTwiceAddsOneFilter() {
    RefusalLogging.install();
    RefusalLogging.install();
    LoggerContext global = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    assertThat(global.getTurboFilterList()).filteredOn(RefusalLogFilter.class::isInstance).hasSize(1);
  }
}
