package cn.jiyuan.decisionreview.tracking;

import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.DecisionNumber;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /api/decisions} (a page of the register, {@link RegistryQuery}; {@code X-Total-Count} and an RFC 8288
 * {@code Link} header with first, prev, next and last) and {@code GET /api/decisions/{decisionNumber}} (URL-encoded
 * number, any spelling: {@code 济政[2025]7号} finds {@code 济政〔2025〕7号}). {@code POST
 * /api/admin/decision-register/rebuild}: the register rebuilt from the engine's history (camunda-admin only).
 */
@RestController
public class DecisionController {

  private final DecisionRegistry registry;
  private final DecisionRegisterRebuild rebuild;

  public DecisionController(DecisionRegistry registry, DecisionRegisterRebuild rebuild) {
    this.registry = registry;
    this.rebuild = rebuild;
  }

  @GetMapping("/api/decisions")
  public ResponseEntity<List<Map<String, Object>>> list(HttpServletRequest request) {
    RegistryQuery query = RegistryQuery.parse(request.getParameterMap());
    DecisionRegistry.Listing listing = registry.list(user(request), query);
    return ResponseEntity.ok().header("X-Total-Count", Long.toString(listing.total()))
        .header(HttpHeaders.LINK, links(request.getRequestURI(), query, listing.total()))
        .body(listing.decisions());
  }

  @PostMapping("/api/admin/decision-register/rebuild")
  public Map<String, Object> rebuild(HttpServletRequest request) {
    CurrentUser user = user(request);
    if (user == null || !user.isAdmin()) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "仅系统管理员可重建决策名录。");
    }
    return rebuild.rebuild().json();
  }

  /** RFC 8288 links as path URLs with the caller's filters and order; first and last always, prev and next if any. */
  static String links(String path, RegistryQuery query, long total) {
    long lastPage = Math.max(0, (total - 1) / query.size());
    List<String> links = new ArrayList<>();
    links.add(link(path, query, 0, "first"));
    if (query.page() > 0) {
      links.add(link(path, query, Math.min(query.page() - 1, lastPage), "prev"));
    }
    if (query.page() < lastPage) {
      links.add(link(path, query, query.page() + 1, "next"));
    }
    links.add(link(path, query, lastPage, "last"));
    return String.join(", ", links);
  }

  private static String link(String path, RegistryQuery query, long page, String rel) {
    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path).queryParam("page", page)
        .queryParam("size", query.size());
    query.selection().forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
    return "<" + uri.encode().buildAndExpand(query.selection()).toUriString() + ">; rel=\"" + rel + "\"";
  }

  @GetMapping("/api/decisions/{decisionNumber}")
  public Map<String, Object> one(@PathVariable String decisionNumber, HttpServletRequest request) {
    CurrentUser user = user(request);
    return registry.find(user, decisionNumber).orElseThrow(() -> registry.exists(decisionNumber)
        ? new ResponseStatusException(HttpStatus.FORBIDDEN, "该决策不属于本单位，无权查阅。")
        : new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到"
            + DecisionNumber.tryParse(decisionNumber).map(n -> "文号为“" + n + "”").orElse("该文号") + "的已登记决策。"));
  }

  private static CurrentUser user(HttpServletRequest request) {
    return (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
  }
}
