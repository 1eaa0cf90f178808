package cn.jiyuan.decisionreview.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-77226: CE 7.24.0 leaves Admin's initial-user setup open while camunda-admin has no direct
 * member. The administrator is seeded at start-up anyway, so the endpoint has no legitimate use here.
 */
public class AdminSetupBlockFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
        "初始管理员设置接口已停用：管理员账号由系统配置创建。");
  }
}
