package cn.jiyuan.decisionreview.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small SMTP server on loopback that counts what GreenMail does not show: connections, and the Message-ID of every
 * mail it took. It can misbehave on purpose: refuse a recipient (550), close a connection with 421 after a number of
 * mails, drop the connection after a number of mails, or take one mail's data and break before answering.
 */
final class FakeSmtpServer implements AutoCloseable {

  /** A mail the server took: its Message-ID and recipient. */
  record Received(String messageId, String recipient) {}

  private final ServerSocket socket;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile String refusedRecipient;
  private volatile int closeWith421After = Integer.MAX_VALUE;
  private volatile int dropAfter = Integer.MAX_VALUE;
  private final AtomicBoolean breakBeforeReplyOnce = new AtomicBoolean();

  FakeSmtpServer() {
    try {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "fake-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** RCPT TO with this text in the address gets 550. */
  FakeSmtpServer refuse(String recipientPart) {
    this.refusedRecipient = recipientPart;
    return this;
  }

  /** After n mails on one connection, the next MAIL FROM gets 421 and the connection is closed. */
  FakeSmtpServer closeWith421After(int n) {
    this.closeWith421After = n;
    return this;
  }

  /** After n mails on one connection the server closes it without a word (right after its 250). */
  FakeSmtpServer dropAfter(int n) {
    this.dropAfter = n;
    return this;
  }

  /** The next mail's data is taken (counted as received), then the connection breaks before the 250. */
  FakeSmtpServer breakBeforeReplyOnce() {
    breakBeforeReplyOnce.set(true);
    return this;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connections.incrementAndGet();
        open.add(client);
        Thread session = new Thread(() -> serve(client), "fake-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      OutputStream out = client.getOutputStream();
      reply(out, "220 fake ESMTP");
      int mails = 0;
      String recipient = null;
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase();
        if (command.startsWith("MAIL FROM")) {
          if (mails >= closeWith421After) {
            reply(out, "421 4.7.0 too many messages on this connection, closing");
            return;
          }
          reply(out, "250 OK");
        } else if (command.startsWith("RCPT TO")) {
          recipient = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
          reply(out, refusedRecipient != null && recipient.contains(refusedRecipient) ? "550 5.1.1 no such user"
              : "250 OK");
        } else if (command.equals("DATA")) {
          reply(out, "354 go ahead");
          String messageId = null;
          while (!(line = in.readLine()).equals(".")) {
            if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
              messageId = line.substring(11).trim();
            }
          }
          received.add(new Received(messageId, recipient));
          mails++;
          if (breakBeforeReplyOnce.compareAndSet(true, false)) {
            return; // taken, but the client never hears so
          }
          reply(out, "250 OK queued");
          if (mails >= dropAfter) {
            return;
          }
        } else if (command.startsWith("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "250 OK"); // EHLO/HELO, RSET, NOOP
        }
      }
    } catch (IOException | RuntimeException broken) {
      // the client went away
    } finally {
      open.remove(client);
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
      for (Socket s : open) {
        s.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
