package cn.jiyuan.decisionreview.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code decision-review.admin.*}: the administrator, member of camunda-admin. Id and password have no default on
 * purpose: outside demo they come from DECISION_REVIEW_ADMIN_ID / _PASSWORD, and {@link AdminAccountGuard} refuses
 * to start without them or with a well-known password.
 */
@ConfigurationProperties(prefix = "decision-review.admin")
public record AdminAccountProperties(String id, String password, @DefaultValue("系统") String firstName,
    @DefaultValue("管理员") String lastName, String email) {

  /** Never the password: a record's generated toString would put it into logs and failure reports. */
  @Override
  public String toString() {
    return "AdminAccountProperties[id=" + id + ", password=" + (password == null ? "null" : "******") + ", firstName="
        + firstName + ", lastName=" + lastName + ", email=" + email + "]";
  }
}
