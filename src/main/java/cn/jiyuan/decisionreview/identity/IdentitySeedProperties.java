package cn.jiyuan.decisionreview.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code decision-review.identity.*}: the groups and (demo profile) users {@link IdentitySeeder} creates if missing.
 *
 * @param groups the organisation's standing groups (roles and executing units)
 * @param extraGroups groups a profile adds, e.g. the demo evaluation agency
 * @param demoUsers users seeded only by the demo profile
 */
@ConfigurationProperties(prefix = "decision-review.identity")
public record IdentitySeedProperties(@DefaultValue List<GroupDef> groups, @DefaultValue List<GroupDef> extraGroups,
    @DefaultValue List<UserDef> demoUsers) {

  public List<GroupDef> allGroups() {
    List<GroupDef> all = new ArrayList<>(groups);
    all.addAll(extraGroups);
    return all;
  }

  public record GroupDef(String id, String name) {}

  /** Tasklist shows “firstName lastName”, so the demo profile puts the family name first. */
  public record UserDef(String id, String firstName, String lastName, String email, @DefaultValue("demo") String password,
      @DefaultValue List<String> groups) {

    /** Never the password (see {@link AdminAccountProperties#toString()}). */
    @Override
    public String toString() {
      return "UserDef[id=" + id + ", firstName=" + firstName + ", lastName=" + lastName + ", email=" + email
          + ", groups=" + groups + "]";
    }
  }
}
