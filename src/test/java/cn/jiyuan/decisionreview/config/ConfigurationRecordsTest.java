package cn.jiyuan.decisionreview.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.identity.AdminAccountProperties;
import cn.jiyuan.decisionreview.identity.IdentitySeedProperties;
import cn.jiyuan.decisionreview.identity.IdentitySeedProperties.GroupDef;
import cn.jiyuan.decisionreview.identity.IdentitySeedProperties.UserDef;
import cn.jiyuan.decisionreview.shared.OrganisationProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The configuration records bind the keys README and DESIGN.md document ({@code decision-review.*}), several of them
 * under the same prefix, with the defaults the records declare and those of application.yaml and its profiles.
 */
class ConfigurationRecordsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties({OrganisationProperties.class, AdminAccountProperties.class,
      IdentitySeedProperties.class})
  static class Records {}

  private final ApplicationContextRunner bare = new ApplicationContextRunner().withUserConfiguration(Records.class);

  @Test
  void withoutConfigurationTheRecordsCarryTheirDefaults() {
    bare.run(context -> {
      OrganisationProperties organisation = context.getBean(OrganisationProperties.class);
      assertThat(organisation.authorityName()).isEqualTo("济源市人民政府");
      assertThat(organisation.publicBaseUrl()).isEqualTo("http://localhost:8080");
      assertThat(organisation.measures().versionText())
          .isEqualTo("《济源市重大行政决策实施情况跟踪反馈与后评估办法》（济政办〔2022〕4号，有效期至2027年12月31日）");
      AdminAccountProperties admin = context.getBean(AdminAccountProperties.class);
      assertThat(admin.id()).isNull();
      assertThat(admin.password()).isNull();
      assertThat(admin.firstName() + admin.lastName()).isEqualTo("系统管理员");
      IdentitySeedProperties seed = context.getBean(IdentitySeedProperties.class);
      assertThat(seed.allGroups()).isEmpty();
      assertThat(seed.demoUsers()).isEmpty();
    });
  }

  @Test
  void theDocumentedKeysOverrideTheDefaults() {
    bare.withPropertyValues("decision-review.authority-name=济源产城融合示范区管理委员会",
        "decision-review.public-base-url=https://review.jiyuan.gov.cn", "decision-review.measures.name=《新办法》",
        "decision-review.measures.document-number=济管办〔2028〕1号", "decision-review.measures.expires=2032-06-30",
        "decision-review.admin.id=chief", "decision-review.admin.password=Zhong-Guo-2026!",
        "decision-review.admin.email=chief@jiyuan.gov.cn", "decision-review.identity.groups[0].id=legal-affairs",
        "decision-review.identity.groups[0].name=市司法局", "decision-review.identity.demo-users[0].id=sifa",
        "decision-review.identity.demo-users[0].groups=legal-affairs,experts").run(context -> {
          OrganisationProperties organisation = context.getBean(OrganisationProperties.class);
          assertThat(organisation.authorityName()).isEqualTo("济源产城融合示范区管理委员会");
          assertThat(organisation.publicBaseUrl()).isEqualTo("https://review.jiyuan.gov.cn");
          assertThat(organisation.measures().expires()).isEqualTo(LocalDate.of(2032, 6, 30));
          assertThat(organisation.measures().versionText()).isEqualTo("《新办法》（济管办〔2028〕1号，有效期至2032年6月30日）");
          AdminAccountProperties admin = context.getBean(AdminAccountProperties.class);
          assertThat(admin.id()).isEqualTo("chief");
          assertThat(admin.password()).isEqualTo("Zhong-Guo-2026!");
          assertThat(admin.email()).isEqualTo("chief@jiyuan.gov.cn");
          IdentitySeedProperties seed = context.getBean(IdentitySeedProperties.class);
          assertThat(seed.allGroups()).containsExactly(new GroupDef("legal-affairs", "市司法局"));
          UserDef user = seed.demoUsers().get(0);
          assertThat(user.password()).as("a demo user's default password").isEqualTo("demo");
          assertThat(user.groups()).containsExactly("legal-affairs", "experts");
        });
  }

  @Test
  void theDemoProfileOfApplicationYamlSeedsTheDemoAccounts() {
    bare.withInitializer(new ConfigDataApplicationContextInitializer())
        .withPropertyValues("server.port=8080", "spring.profiles.active=demo").run(context -> {
          assertThat(context.getBean(OrganisationProperties.class).publicBaseUrl()).isEqualTo("http://localhost:8080");
          AdminAccountProperties admin = context.getBean(AdminAccountProperties.class);
          assertThat(List.of(admin.id(), admin.password())).containsExactly("demo", "demo");
          IdentitySeedProperties seed = context.getBean(IdentitySeedProperties.class);
          assertThat(seed.groups()).extracting(GroupDef::id).contains("decision-authority", "legal-affairs", "exec-fgw");
          assertThat(seed.extraGroups()).extracting(GroupDef::id).containsExactly("agency-demo");
          assertThat(seed.demoUsers()).extracting(UserDef::id).contains("sifa", "zhengfu", "jigou");
          assertThat(seed.demoUsers()).allMatch(u -> u.password().equals("demo") && !u.groups().isEmpty());
        });
  }

  @Test
  void theProductionProfileHasNoDemoAccounts() {
    bare.withInitializer(new ConfigDataApplicationContextInitializer())
        .withPropertyValues("server.port=8080", "spring.profiles.active=prod").run(context -> {
          AdminAccountProperties admin = context.getBean(AdminAccountProperties.class);
          assertThat(Objects.toString(admin.password(), "")).as("only DECISION_REVIEW_ADMIN_PASSWORD sets it")
              .isEqualTo(Objects.toString(System.getenv("DECISION_REVIEW_ADMIN_PASSWORD"), ""));
          IdentitySeedProperties seed = context.getBean(IdentitySeedProperties.class);
          assertThat(seed.demoUsers()).isEmpty();
          assertThat(seed.extraGroups()).isEmpty();
          assertThat(seed.groups()).isNotEmpty();
        });
  }

  @Test
  void passwordsStayOutOfToString() {
    assertThat(new AdminAccountProperties("chief", "Zhong-Guo-2026!", "系统", "管理员", null).toString())
        .contains("chief").doesNotContain("Zhong-Guo-2026!");
    assertThat(new UserDef("sifa", "王", "明远", null, "secret-1", List.of()).toString())
        .contains("sifa").doesNotContain("secret-1");
  }
}
