package cn.jiyuan.decisionreview.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the project's own API (DESIGN.md §8) with the same identities as the engine: HTTP Basic
 * against the identity service, or the Camunda webapp login session. While the request runs, the engine
 * sees the caller as its authenticated user, so engine authorizations apply to every query the API makes.
 * Browser sessions must echo the webapps' CSRF token on modifying requests.
 *
 * <p>With {@code required=false} (actuator) a request without valid credentials goes on anonymously.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

  public static final String CURRENT_USER_ATTRIBUTE = CurrentUser.class.getName();
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final ProcessEngine engine;
  private final boolean required;

  public ApiAuthenticationFilter(ProcessEngine engine, boolean required) {
    this.engine = engine;
    this.required = required;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CurrentUser user = fromBasic(request);
    boolean viaSession = false;
    if (user == null && request.getHeader("Authorization") == null) {
      user = fromSession(request);
      viaSession = user != null;
    }
    if (user == null) {
      if (!required) {
        chain.doFilter(request, response);
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"decision-review\", charset=\"UTF-8\"");
      JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", "请先登录，或提供正确的用户名和密码。");
      return;
    }
    if (viaSession && !SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request)) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", "缺少或错误的 CSRF 令牌（X-XSRF-TOKEN）。");
      return;
    }
    IdentityService identityService = engine.getIdentityService();
    identityService.setAuthentication(user.userId(), user.groupIds());
    request.setAttribute(CURRENT_USER_ATTRIBUTE, user);
    try {
      chain.doFilter(new AuthenticatedRequest(request, user), response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private CurrentUser fromBasic(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String userId = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    if (!engine.getIdentityService().checkPassword(userId, password)) {
      return null;
    }
    return new CurrentUser(userId, groupsOf(userId));
  }

  private CurrentUser fromSession(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications auths = AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null) {
      return null;
    }
    for (UserAuthentication auth : auths.getAuthentications()) {
      if (engine.getName().equals(auth.getProcessEngineName())) {
        return new CurrentUser(auth.getName(), List.copyOf(auth.getGroupIds()));
      }
    }
    return null;
  }

  private static boolean csrfTokenMatches(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    String given = request.getHeader("X-XSRF-TOKEN");
    return expected != null && expected.equals(given);
  }

  private List<String> groupsOf(String userId) {
    return engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }

  /** Exposes the user to servlet-level checks, e.g. actuator's show-details "when-authorized". */
  private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
    private final CurrentUser user;

    AuthenticatedRequest(HttpServletRequest request, CurrentUser user) {
      super(request);
      this.user = user;
    }

    @Override
    public Principal getUserPrincipal() {
      return user::userId;
    }

    @Override
    public String getRemoteUser() {
      return user.userId();
    }

    @Override
    public boolean isUserInRole(String role) {
      return user.isMember(role);
    }
  }
}
