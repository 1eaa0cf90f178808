package cn.jiyuan.decisionreview.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the API thinks the caller is, with display names for the browser pages. */
@RestController
public class CurrentUserController {

  private final IdentityService identityService;

  public CurrentUserController(IdentityService identityService) {
    this.identityService = identityService;
  }

  @GetMapping("/api/me")
  public Map<String, Object> me(HttpServletRequest request) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    User profile = identityService.createUserQuery().userId(user.userId()).singleResult();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("userId", user.userId());
    body.put("name", profile == null ? user.userId() : profile.getFirstName() + profile.getLastName());
    body.put("groups", identityService.createGroupQuery().groupIdIn(user.groupIds().toArray(String[]::new)).list()
        .stream().map(g -> Map.of("id", g.getId(), "name", nameOf(g))).toList());
    return body;
  }

  private static String nameOf(Group g) {
    return g.getName() == null ? g.getId() : g.getName();
  }
}
