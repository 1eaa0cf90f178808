package cn.jiyuan.decisionreview.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine queries as the system, for access decisions the project makes itself (e.g. "was this user
 * a participant of that evaluation?"), then restores the caller's authentication.
 */
@Component
public class SystemCalls {

  private final IdentityService identityService;

  public SystemCalls(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T run(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
