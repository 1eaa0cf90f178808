package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.config.SeedLock;
import cn.jiyuan.decisionreview.identity.ProcessKeys;
import cn.jiyuan.decisionreview.shared.BeijingClock;
import cn.jiyuan.decisionreview.shared.OrganisationProperties;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Art. 27: the Measures are valid until a configured date. 90 days before, legal-affairs gets the task to
 * organise their evaluation and revision (once per expiry date, whichever node checks first); after the
 * date, the start-up log warns.
 */
@Component
public class MeasuresValidity {

  static final int REMINDER_DAYS = 90;
  private static final Logger LOG = LoggerFactory.getLogger(MeasuresValidity.class);

  private final OrganisationProperties.Measures measures;
  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final SeedLock seedLock;
  private final BeijingClock clock;

  public MeasuresValidity(OrganisationProperties organisation, RuntimeService runtimeService,
      HistoryService historyService, SeedLock seedLock, BeijingClock clock) {
    this.measures = organisation.measures();
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.seedLock = seedLock;
    this.clock = clock;
  }

  public LocalDate expires() {
    return measures.expires();
  }

  public LocalDate reminderDate() {
    return expires().minusDays(REMINDER_DAYS);
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStartup() {
    LocalDate today = clock.today();
    if (today.isAfter(expires())) {
      LOG.warn("警告：{}已于 {} 到期（第二十七条），请尽快完成评估修订；在此之前登记和评估仍按原办法进行。",
          measures.name(), expires());
    }
    check(today);
  }

  /** Daily at 01:00 Beijing time. */
  @Scheduled(cron = "0 0 1 * * *", zone = "Asia/Shanghai")
  public void daily() {
    check(clock.today());
  }

  /** Starts the reminder once when the day has come; returns whether it started one. */
  public boolean check(LocalDate today) {
    if (today.isBefore(reminderDate())) {
      return false;
    }
    String key = "measures-" + expires();
    boolean[] started = {false};
    seedLock.runLocked(() -> {
      if (historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ProcessKeys.MEASURES_REVISION)
          .processInstanceBusinessKey(key).count() == 0) {
        runtimeService.startProcessInstanceByKey(ProcessKeys.MEASURES_REVISION, key, variables());
        started[0] = true;
      }
    });
    return started[0];
  }

  private VariableMap variables() {
    VariableMap variables = Variables.createVariables();
    MeasuresRevisionVariables.MEASURES_NAME.putInto(variables, measures.name());
    MeasuresRevisionVariables.MEASURES_DOCUMENT_NUMBER.putInto(variables, measures.documentNumber());
    return MeasuresRevisionVariables.MEASURES_EXPIRES.putInto(variables, expires());
  }
}
