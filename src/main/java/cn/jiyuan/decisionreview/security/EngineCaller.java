package cn.jiyuan.decisionreview.security;

import cn.jiyuan.decisionreview.security.EnginePaths.Api;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who calls the engine REST API, as seen by a servlet filter. On {@code /engine-rest} the engine's
 * authentication filter runs first and sets the engine's current authentication. On the webapps'
 * {@code /camunda/api/engine} our filters run before the webapps' own filters (theirs are registered
 * "match after"), so the caller is read from the login session the same way the webapps read it.
 */
record EngineCaller(String userId, List<String> groupIds) {

  static EngineCaller of(HttpServletRequest request, Api api, ProcessEngine engine) {
    if (api == Api.ENGINE_REST) {
      Authentication auth = restEngine(engine).getIdentityService().getCurrentAuthentication();
      return auth == null || auth.getUserId() == null ? null
          : new EngineCaller(auth.getUserId(), auth.getGroupIds() == null ? List.of() : List.copyOf(auth.getGroupIds()));
    }
    HttpSession session = request.getSession(false);
    Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (auths == null) {
      return null;
    }
    for (UserAuthentication auth : auths.getAuthentications()) {
      if (engine.getName().equals(auth.getProcessEngineName())) {
        return new EngineCaller(auth.getName(), auth.getGroupIds() == null ? List.of() : List.copyOf(auth.getGroupIds()));
      }
    }
    return null;
  }

  /**
   * The engine the REST API serves: the starter's REST looks its engine up by name in Camunda's static registry.
   * In a running application that is the one engine; a test JVM may hold several application contexts.
   */
  static ProcessEngine restEngine(ProcessEngine engine) {
    ProcessEngine registered = org.camunda.bpm.engine.ProcessEngines.getProcessEngine(engine.getName());
    return registered == null ? engine : registered;
  }
}
