package cn.jiyuan.decisionreview.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused admin account into Spring Boot's plain "APPLICATION FAILED TO START" report. */
public class InsecureAdminAccountFailureAnalyzer extends AbstractFailureAnalyzer<InsecureAdminAccountException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InsecureAdminAccountException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "生产环境（prod）必须通过环境变量 DECISION_REVIEW_ADMIN_ID 和 DECISION_REVIEW_ADMIN_PASSWORD 提供管理员账号和强密码；"
            + "本机体验请使用默认的 demo 配置（./mvnw spring-boot:run）。",
        cause);
  }
}
