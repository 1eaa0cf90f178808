package cn.jiyuan.decisionreview.rules;

import cn.jiyuan.decisionreview.report.ReportService;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Tells the report which rule versions the decision's processes applied, as the audit trail has them (Art. 27). */
@Component
public class ReportAppliedRules implements ReportService.AppliedRules {

  private final RuleVersions versions;

  public ReportAppliedRules(RuleVersions versions) {
    this.versions = versions;
  }

  @Override
  public List<String> describe(String decisionNumber) {
    Set<String> named = new LinkedHashSet<>();
    for (RuleVersions.Applied applied : versions.appliedTo(decisionNumber)) {
      String name = applied.decisionName() == null || applied.decisionName().isBlank() ? "" : applied.decisionName();
      named.add(name + "（" + applied.decisionKey() + "）"
          + (applied.version() == null ? "" : "第 " + applied.version() + " 版"));
    }
    return List.copyOf(named);
  }
}
