package cn.jiyuan.decisionreview.notification;

import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/notifications[?status=FAILED]} and {@code POST /api/notifications/{id}/retry}, for
 * camunda-admin and legal-affairs only.
 */
@RestController
public class NotificationController {

  private static final int LIST_LIMIT = 500;

  private final NotificationOutbox outbox;

  public NotificationController(NotificationOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/api/notifications")
  public List<Map<String, Object>> list(@RequestParam(required = false) String status, HttpServletRequest request) {
    requireOperator(request);
    return outbox.list(parse(status), LIST_LIMIT).stream().map(NotificationController::view).toList();
  }

  @PostMapping("/api/notifications/{id}/retry")
  public Map<String, Object> retry(@PathVariable String id, HttpServletRequest request) {
    requireOperator(request);
    if (!outbox.retry(id)) {
      Map<String, Object> row = outbox.find(id).orElseThrow(
          () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到编号为“" + id + "”的通知。"));
      throw new ResponseStatusException(HttpStatus.CONFLICT,
          "只能重发发送失败（FAILED）的通知，该通知当前状态为 " + row.get("status") + "。");
    }
    return view(outbox.find(id).orElseThrow());
  }

  private static void requireOperator(HttpServletRequest request) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    if (user == null || !(user.isAdmin() || user.isMember(Groups.LEGAL_AFFAIRS))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "仅系统管理员和市司法局可查看和重发通知。");
    }
  }

  private static Notification.Status parse(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return Notification.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("参数 status 须为 PENDING、SENDING、SENT、FAILED 或 CANCELLED。");
    }
  }

  private static Map<String, Object> view(Map<String, Object> row) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", row.get("id"));
    view.put("kind", row.get("kind"));
    view.put("channel", row.get("channel"));
    view.put("recipient", row.get("recipient"));
    view.put("subject", row.get("subject"));
    view.put("decisionNumber", row.get("decision_number"));
    view.put("status", row.get("status"));
    view.put("attempts", row.get("attempts"));
    view.put("lastError", row.get("last_error"));
    view.put("createdAt", iso(row.get("created_at")));
    view.put("sentAt", iso(row.get("sent_at")));
    return view;
  }

  private static String iso(Object timestamp) {
    return timestamp instanceof java.sql.Timestamp t ? t.toInstant().toString() : null;
  }
}
