package cn.jiyuan.decisionreview.audit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code decision-review.history.*}: how long the engine history (and with it the Art. 24 audit trail) is kept, and
 * whether anyone may delete history through the APIs.
 *
 * @param timeToLive applied to every deployed process and decision definition; 30 years by default (README
 *     "Audit trail": 《机关文件材料归档范围和文书档案保管期限规定》 定期30年)
 * @param deletionAllowed false: nobody, the administrator included, deletes history, changes a definition's history
 *     time to live or a removal time through the APIs; the history cleanup job still removes what has expired
 */
@ConfigurationProperties("decision-review.history")
public record HistoryProperties(@DefaultValue("P30Y") Period timeToLive, @DefaultValue("false") boolean deletionAllowed) {

  /**
   * The period in the engine's unit, whole days, counted so that it is never shorter than the period from any start
   * date: a year of 365 days plus every leap day it may contain, a month of 31 days.
   */
  public int timeToLiveDays() {
    Period p = timeToLive.normalized();
    long years = p.getYears();
    long days = years * 365 + (years + 3) / 4 + p.getMonths() * 31L + p.getDays();
    if (days <= 0 || days > Integer.MAX_VALUE) {
      throw new IllegalStateException("decision-review.history.time-to-live 须为正的期限，例如 P30Y：" + timeToLive);
    }
    return (int) days;
  }
}
