package cn.jiyuan.decisionreview.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for integration tests: Basic auth or a webapp session with its CSRF token. */
public class Http {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String base;
  private final String basicAuth;
  /** Cookies kept by hand: java.net.CookieManager drops Tomcat's "HttpOnly;SameSite" session cookie. */
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final HttpClient client;
  private String csrfToken;

  private Http(int port, String user, String password) {
    this.base = "http://localhost:" + port;
    this.basicAuth = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public static Http anonymous(int port) {
    return new Http(port, null, null);
  }

  public static Http basic(int port, String user, String password) {
    return new Http(port, user, password);
  }

  /** Logs into the Camunda webapps like a browser: fetch the CSRF cookie, then post the login form. */
  public static Http webappSession(int port, String user, String password) {
    Http http = new Http(port, null, null);
    http.get("/camunda/app/tasklist/default/");
    http.csrfToken = http.cookie("XSRF-TOKEN");
    Response login = http.send(HttpRequest.newBuilder(URI.create(http.base + "/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", http.csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", user, "password", password)))));
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login.status() + " " + login.body());
    }
    // Login starts a new session with a new token, which the next GET hands out, as it does to the browser.
    http.csrfToken = http.get("/camunda/api/admin/auth/user/default").header("X-XSRF-TOKEN");
    return http;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public String cookie(String name) {
    return cookies.get(name);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response postJson(String path, Object body) {
    return sendJson("POST", path, body, true);
  }

  public Response putJson(String path, Object body) {
    return sendJson("PUT", path, body, true);
  }

  public Response postJsonWithoutCsrf(String path, Object body) {
    return sendJson("POST", path, body, false);
  }

  private Response sendJson(String method, String path, Object body, boolean withCsrf) {
    String json;
    try {
      json = body instanceof String s ? s : MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json));
    if (withCsrf && csrfToken != null) {
      builder.header("X-XSRF-TOKEN", csrfToken);
    }
    return send(builder);
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json, */*");
    if (basicAuth != null) {
      builder.header("Authorization", basicAuth);
    }
    return builder;
  }

  public Response send(HttpRequest.Builder builder) {
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      for (String setCookie : response.headers().allValues("Set-Cookie")) {
        String pair = setCookie.split(";", 2)[0];
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
      }
      return new Response(response.statusCode(), response.body(), response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  public static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public record Response(int status, byte[] bytes, HttpResponse<byte[]> raw) {
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return MAPPER.readTree(bytes);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body(), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }
}
