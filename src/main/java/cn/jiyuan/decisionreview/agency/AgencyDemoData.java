package cn.jiyuan.decisionreview.agency;

import cn.jiyuan.decisionreview.config.SeedLock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: three agencies that show the eligibility rules at work. Registered once, under the
 * cross-node {@link SeedLock}; an agency already in the register (possibly edited by staff) is left alone.
 * The group agency-demo comes from configuration and is reused.
 */
@Component
@Profile("demo")
public class AgencyDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(AgencyDemoData.class);
  static final String RECORDED_BY = "demo-data";

  static final List<AgencyRegistration> AGENCIES = List.of(
      new AgencyRegistration("demo", "郑州大学公共政策研究中心", Agency.Type.UNIVERSITY.name(),
          true, "近三年无不良信用记录（信用中国查询）。", true, "专用调查分析实验室、问卷平台与统计软件。",
          true, "团队由公共管理、法学教授领衔，成员均参加过重大行政决策后评估。", null, null,
          "孙立新 0371-67780000 jigou@zzu.edu.cn", null, null),
      new AgencyRegistration("hengtai", "济源恒泰管理咨询有限公司", Agency.Type.CONSULTANCY.name(),
          true, "工商、税务信用记录良好。", true, "办公场所与数据分析设备齐全。",
          true, "项目组成员具备咨询工程师资格。", null, null, "0391-6600000",
          "2025-06-30", "违背客观事实出具评估报告，造成严重后果（第二十五条）"),
      new AgencyRegistration("shixin", "济源市法学会法律服务中心", Agency.Type.SOCIAL_ORGANIZATION.name(),
          true, "信用记录良好。", true, "具备开展座谈、论证的场所与设备。",
          true, "由执业律师和法学专家组成。", null, "济政〔2025〕12号", "0391-6610000", null, null));

  private final SeedLock seedLock;
  private final AgencyService agencies;

  public AgencyDemoData(SeedLock seedLock, AgencyService agencies) {
    this.seedLock = seedLock;
    this.agencies = agencies;
  }

  @EventListener(ApplicationReadyEvent.class)
  @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 100) // before the demo evaluations that commission these agencies
  public void seed() {
    seedLock.runLocked(() -> {
      for (AgencyRegistration agency : AGENCIES) {
        if (agencies.find(agency.id()).isEmpty()) {
          agencies.register(agency, RECORDED_BY);
          LOG.info("已登记演示评估机构 {}（{}）", agency.id(), agency.name());
        }
      }
    });
  }
}
