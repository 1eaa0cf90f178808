package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/decisions} and {@code GET /api/decisions/{decisionNumber}} (URL-encoded number, any spelling:
 * {@code 济政[2025]7号} finds {@code 济政〔2025〕7号}).
 */
@RestController
public class DecisionController {

  private final DecisionRegistry registry;

  public DecisionController(DecisionRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/api/decisions")
  public List<Map<String, Object>> list(HttpServletRequest request) {
    return registry.list(user(request));
  }

  @GetMapping("/api/decisions/{decisionNumber}")
  public Map<String, Object> one(@PathVariable String decisionNumber, HttpServletRequest request) {
    CurrentUser user = user(request);
    return registry.find(user, decisionNumber).orElseThrow(() -> registry.exists(decisionNumber)
        ? new ResponseStatusException(HttpStatus.FORBIDDEN, "该决策不属于本单位，无权查阅。")
        : new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到"
            + DecisionNumber.tryParse(decisionNumber).map(n -> "文号为“" + n + "”").orElse("该文号") + "的已登记决策。"));
  }

  private static CurrentUser user(HttpServletRequest request) {
    return (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
  }
}
