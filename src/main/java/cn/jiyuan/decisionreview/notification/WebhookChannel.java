package cn.jiyuan.decisionreview.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A JSON POST in the WeCom/DingTalk robot text shape, plus the decision number and kind:
 * {@code {"msgtype":"text","text":{"content":…},"decisionNumber":…,"kind":…}}. Any 2xx is delivered.
 */
@Component
public class WebhookChannel implements NotificationChannel {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final NotificationProperties properties;
  /**
   * Made on the first webhook, not at start-up: building an HttpClient loads the TLS stack and the CA certificates
   * (about 300 classes) and starts a selector thread, which a system without webhooks never needs.
   */
  private volatile HttpClient client;

  public WebhookChannel(NotificationProperties properties) {
    this.properties = properties;
  }

  private HttpClient client() {
    HttpClient made = client;
    if (made == null) {
      synchronized (this) {
        made = client;
        if (made == null) {
          made = HttpClient.newBuilder().connectTimeout(properties.getWebhook().getTimeout())
              .followRedirects(HttpClient.Redirect.NEVER).build();
          client = made;
        }
      }
    }
    return made;
  }

  @Override
  public Notification.Channel channel() {
    return Notification.Channel.WEBHOOK;
  }

  @Override
  public void send(Notification n) throws Exception {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("msgtype", "text");
    payload.put("text", Map.of("content", n.subject() + "\n" + n.body()));
    payload.put("decisionNumber", n.decisionNumber());
    payload.put("kind", n.kind().name());
    HttpRequest request = HttpRequest.newBuilder(URI.create(n.recipient()))
        .timeout(properties.getWebhook().getTimeout())
        .header("Content-Type", "application/json; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(payload)))
        .build();
    HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("Webhook 返回 HTTP " + response.statusCode() + "："
          + NotificationOutbox.truncate(response.body(), 300));
    }
  }
}
