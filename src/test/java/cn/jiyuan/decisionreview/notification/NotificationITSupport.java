package cn.jiyuan.decisionreview.notification;

import cn.jiyuan.decisionreview.support.IntegrationTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The notification ITs' shared context: mail goes to a GreenMail SMTP server on a free local port, and the
 * scheduled sender is off so each test drives {@link NotificationSender#sendDue()} itself. The ITs that
 * extend this class share one application context.
 */
@IntegrationTest
// no job executor either: the tests count what the outbox sends, and nothing else may enqueue meanwhile
@TestPropertySource(properties = {"decision-review.notification.sender.enabled=false", "camunda.bpm.job-execution.enabled=false"})
abstract class NotificationITSupport {

  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static final GreenMailExtension GREEN_MAIL =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void mailServer(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  /** A port nobody listens on (for a dead mail server), or a free one for a server to come. */
  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
