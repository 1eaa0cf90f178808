package cn.jiyuan.decisionreview.rules;

import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/rules}: the rule history (each contract decision's versions, when and by whom deployed), so a
 * supervisor sees when a threshold changed; {@code GET /api/rules/applied/{decisionNumber}}: which version of each
 * rule the processes of one decision applied (Art. 27). Only the versions, never an evaluation's inputs.
 */
@RestController
public class RulesController {

  /** Who may read the rule history: the analysts who change it, the legal office and 督办 who oversee it. */
  static final List<String> READERS = List.of(Groups.PROCESS_ANALYSTS, Groups.LEGAL_AFFAIRS, Groups.SUPERVISION_OFFICE,
      Groups.CAMUNDA_ADMIN);

  private final RuleVersions versions;

  public RulesController(RuleVersions versions) {
    this.versions = versions;
  }

  @GetMapping("/api/rules")
  public List<Map<String, Object>> rules(HttpServletRequest request) {
    requireReader(request);
    List<Map<String, Object>> rules = new ArrayList<>();
    versions.contractVersions().forEach((key, list) -> {
      Map<String, Object> rule = new LinkedHashMap<>();
      rule.put("decisionKey", key);
      rule.put("name", ContractDecisions.ALL.get(key).name());
      rule.put("latestVersion", list.isEmpty() ? null : list.get(0).version());
      rule.put("versions", list);
      rules.add(rule);
    });
    return rules;
  }

  @GetMapping("/api/rules/applied/{decisionNumber}")
  public List<RuleVersions.Applied> applied(@PathVariable String decisionNumber, HttpServletRequest request) {
    requireReader(request);
    return versions.appliedTo(decisionNumber);
  }

  private static void requireReader(HttpServletRequest request) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    if (user == null || READERS.stream().noneMatch(user::isMember)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "只有流程分析员、市司法局和督办科可以查阅决策规则的版本记录。");
    }
  }
}
