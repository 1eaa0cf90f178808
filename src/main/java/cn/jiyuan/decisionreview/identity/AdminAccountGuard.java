package cn.jiyuan.decisionreview.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start outside the demo profile when the administrator's credentials are missing or a
 * well-known default: CE 7.24 keeps its Admin setup open while camunda-admin has no member, so the
 * account must exist, and a guessable password would make it worthless.
 */
@Component
public class AdminAccountGuard {

  static final Set<String> KNOWN_DEFAULTS =
      Set.of("demo", "admin", "camunda", "password", "123456", "12345678", "changeit", "secret", "root");

  public AdminAccountGuard(AdminAccountProperties admin, Environment environment) {
    boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
    check(admin, demo);
  }

  static void check(AdminAccountProperties admin, boolean demo) {
    if (isBlank(admin.id())) {
      throw new InsecureAdminAccountException(
          "未配置系统管理员账号：请设置环境变量 DECISION_REVIEW_ADMIN_ID。");
    }
    if (demo) {
      return;
    }
    String password = admin.password();
    if (isBlank(password)) {
      throw new InsecureAdminAccountException(
          "未配置系统管理员密码：请设置环境变量 DECISION_REVIEW_ADMIN_PASSWORD。");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (KNOWN_DEFAULTS.contains(lower) || lower.equals(admin.id().toLowerCase(Locale.ROOT))) {
      throw new InsecureAdminAccountException(
          "系统管理员密码是众所周知的默认值或与账号相同，拒绝启动：请通过 DECISION_REVIEW_ADMIN_PASSWORD 设置强密码。"
              + "（禁止使用：" + String.join("、", Arrays.stream(KNOWN_DEFAULTS.toArray(String[]::new)).sorted().toList()) + "）");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
