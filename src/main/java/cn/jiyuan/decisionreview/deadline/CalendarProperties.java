package cn.jiyuan.decisionreview.deadline;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code decision-review.calendar.*}: where an administrator puts year files that add to or replace the bundled ones. */
@ConfigurationProperties(prefix = "decision-review.calendar")
public class CalendarProperties {

  /** Every {@code *.json} here is read at start-up; a year found here replaces the bundled year. May not exist. */
  private Path extraDir = Path.of("./calendar");

  public Path getExtraDir() {
    return extraDir;
  }

  public void setExtraDir(Path extraDir) {
    this.extraDir = extraDir;
  }
}
