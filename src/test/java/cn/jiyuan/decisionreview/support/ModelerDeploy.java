package cn.jiyuan.decisionreview.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The multipart call Camunda Modeler's deploy dialog sends ({@code POST /engine-rest/deployment/create}):
 * deployment-name, deployment-source "Camunda Modeler", deploy-changed-only, then one part per file.
 */
public final class ModelerDeploy {

  private ModelerDeploy() {}

  public static Http.Response deploy(Http http, String name, Map<String, byte[]> files) {
    return deploy(http, "/engine-rest/deployment/create", name, files);
  }

  public static Http.Response deploy(Http http, String path, String name, Map<String, byte[]> files) {
    return deploy(http, path, name, files, http.csrfToken());
  }

  /** With the webapps' CSRF token, for {@code /camunda/api/engine/engine/default/deployment/create}. */
  public static Http.Response deploy(Http http, String path, String name, Map<String, byte[]> files, String csrf) {
    String boundary = "----modeler" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("deployment-name", name);
    fields.put("deployment-source", "Camunda Modeler");
    fields.put("deploy-changed-only", "true");
    try {
      for (Map.Entry<String, String> field : fields.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
            + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey() + "\"; filename=\""
            + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file.getValue());
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpRequest.Builder request = http.request(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (csrf != null) {
      request.header("X-XSRF-TOKEN", csrf);
    }
    return http.send(request);
  }
}
