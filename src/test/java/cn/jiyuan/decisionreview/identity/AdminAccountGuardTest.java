package cn.jiyuan.decisionreview.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminAccountGuardTest {

  private static AdminAccountProperties admin(String id, String password) {
    return new AdminAccountProperties(id, password, "系统", "管理员", null);
  }

  @Test
  void productionRefusesAMissingPassword() {
    assertThatThrownBy(() -> AdminAccountGuard.check(admin("admin1", null), false))
        .isInstanceOf(InsecureAdminAccountException.class).hasMessageContaining("DECISION_REVIEW_ADMIN_PASSWORD");
    assertThatThrownBy(() -> AdminAccountGuard.check(admin("admin1", "  "), false))
        .isInstanceOf(InsecureAdminAccountException.class);
  }

  @Test
  void productionRefusesKnownDefaultsAndThePasswordEqualToTheId() {
    for (String weak : new String[] {"demo", "DEMO", "admin", "camunda", "password", "123456"}) {
      assertThatThrownBy(() -> AdminAccountGuard.check(admin("admin1", weak), false))
          .as(weak).isInstanceOf(InsecureAdminAccountException.class).hasMessageContaining("默认值");
    }
    assertThatThrownBy(() -> AdminAccountGuard.check(admin("chief", "chief"), false))
        .isInstanceOf(InsecureAdminAccountException.class);
  }

  @Test
  void anAdminIdIsAlwaysRequired() {
    assertThatThrownBy(() -> AdminAccountGuard.check(admin(null, "Str0ng-Passw0rd!"), false))
        .isInstanceOf(InsecureAdminAccountException.class).hasMessageContaining("DECISION_REVIEW_ADMIN_ID");
  }

  @Test
  void aStrongPasswordPassesAndDemoMayUseDemo() {
    assertThatCode(() -> AdminAccountGuard.check(admin("admin1", "Str0ng-Passw0rd!"), false)).doesNotThrowAnyException();
    assertThatCode(() -> AdminAccountGuard.check(admin("demo", "demo"), true)).doesNotThrowAnyException();
  }
}
