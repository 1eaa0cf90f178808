package cn.jiyuan.decisionreview.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code decision-review.*}: organisation names, the admin account and the identity seed. */
@ConfigurationProperties(prefix = "decision-review")
public class DecisionReviewProperties {

  /** The decision organ's name appears in reports and notices; Jiyuan's organ changed in 2024. */
  private String authorityName = "济源市人民政府";

  /** Base URL used in links that leave the application (mail, webhooks). */
  private String publicBaseUrl = "http://localhost:8080";

  private final Admin admin = new Admin();
  private final Identity identity = new Identity();
  private final Measures measures = new Measures();

  public Measures getMeasures() {
    return measures;
  }

  /** The rules the system carries out (Art. 27): their name, number and expiry are configuration. */
  public static class Measures {
    private String name = "《济源市重大行政决策实施情况跟踪反馈与后评估办法》";
    private String documentNumber = "济政办〔2022〕4号";
    private java.time.LocalDate expires = java.time.LocalDate.of(2027, 12, 31);

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getDocumentNumber() {
      return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
      this.documentNumber = documentNumber;
    }

    public java.time.LocalDate getExpires() {
      return expires;
    }

    public void setExpires(java.time.LocalDate expires) {
      this.expires = expires;
    }

    /** E.g. 《…办法》（济政办〔2022〕4号，有效期至2027年12月31日）, printed on every report. */
    public String versionText() {
      return name + "（" + documentNumber + "，有效期至" + expires.getYear() + "年" + expires.getMonthValue() + "月"
          + expires.getDayOfMonth() + "日）";
    }
  }

  public String getAuthorityName() {
    return authorityName;
  }

  public void setAuthorityName(String authorityName) {
    this.authorityName = authorityName;
  }

  public String getPublicBaseUrl() {
    return publicBaseUrl;
  }

  public void setPublicBaseUrl(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  public Admin getAdmin() {
    return admin;
  }

  public Identity getIdentity() {
    return identity;
  }

  public static class Admin {
    private String id;
    private String password;
    private String firstName = "系统";
    private String lastName = "管理员";
    private String email;

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getFirstName() {
      return firstName;
    }

    public void setFirstName(String firstName) {
      this.firstName = firstName;
    }

    public String getLastName() {
      return lastName;
    }

    public void setLastName(String lastName) {
      this.lastName = lastName;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }
  }

  public static class Identity {
    /** The organisation's standing groups (roles and executing units). */
    private List<GroupDef> groups = new ArrayList<>();
    /** Groups added by a profile, e.g. the demo evaluation agency. */
    private List<GroupDef> extraGroups = new ArrayList<>();
    /** Users seeded only by the demo profile. */
    private List<UserDef> demoUsers = new ArrayList<>();

    public List<GroupDef> getGroups() {
      return groups;
    }

    public void setGroups(List<GroupDef> groups) {
      this.groups = groups;
    }

    public List<GroupDef> getExtraGroups() {
      return extraGroups;
    }

    public void setExtraGroups(List<GroupDef> extraGroups) {
      this.extraGroups = extraGroups;
    }

    public List<UserDef> getDemoUsers() {
      return demoUsers;
    }

    public void setDemoUsers(List<UserDef> demoUsers) {
      this.demoUsers = demoUsers;
    }

    public List<GroupDef> allGroups() {
      List<GroupDef> all = new ArrayList<>(groups);
      all.addAll(extraGroups);
      return all;
    }
  }

  public static class GroupDef {
    private String id;
    private String name;

    public GroupDef() {}

    public GroupDef(String id, String name) {
      this.id = id;
      this.name = name;
    }

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }
  }

  public static class UserDef {
    private String id;
    private String firstName;
    private String lastName;
    private String email;
    private String password = "demo";
    private List<String> groups = new ArrayList<>();

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public String getFirstName() {
      return firstName;
    }

    public void setFirstName(String firstName) {
      this.firstName = firstName;
    }

    public String getLastName() {
      return lastName;
    }

    public void setLastName(String lastName) {
      this.lastName = lastName;
    }

    public String getEmail() {
      return email;
    }

    public void setEmail(String email) {
      this.email = email;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public List<String> getGroups() {
      return groups;
    }

    public void setGroups(List<String> groups) {
      this.groups = groups;
    }
  }
}
