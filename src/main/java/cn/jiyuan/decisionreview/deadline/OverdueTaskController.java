package cn.jiyuan.decisionreview.deadline;

import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/overdue-tasks}: what is late, for 督办. */
@CarriesOut({"条例第四十条"})
@RestController
public class OverdueTaskController {

  private final OverdueTasks overdue;

  public OverdueTaskController(OverdueTasks overdue) {
    this.overdue = overdue;
  }

  @GetMapping("/api/overdue-tasks")
  public List<Map<String, Object>> list(HttpServletRequest request) {
    return overdue.list((CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE));
  }
}
