package io.switchboard.server.pbx;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of FreeSWITCH's inbound event socket for an attachment test, framed as in the fixtures
 * (01-connect-auth-ok, 02-auth-failure, 10-api-misc): {@code auth/request}, {@code auth} answered
 * {@code +OK accepted} or {@code -ERR invalid} plus the disconnect notice, the event subscription,
 * {@code api show channels as json} (no channels), {@code api status}, then the events given;
 * {@code api uuid_*} answered {@code +OK}, {@code bgapi} with its {@code Job-UUID} and a {@code +OK}
 * BACKGROUND_JOB (fixture 07), and {@code exit}. Runs on its own Vert.x so the code under test shares nothing with it.
 */
public final class TinyEslServer implements AutoCloseable {

  private final Vertx vertx = Vertx.vertx();
  private final String password;
  private final List<String> afterStatus;
  private final NetServer server;
  private final List<NetSocket> open = new CopyOnWriteArrayList<>();
  final List<String> commands = new CopyOnWriteArrayList<>();
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger exits = new AtomicInteger();

  /** @param afterStatus whole frames sent once {@code api status} is answered, on every login */
  public TinyEslServer(String password, List<String> afterStatus) throws Exception {
    this.password = password;
    this.afterStatus = afterStatus;
    this.server = vertx.createNetServer().connectHandler(this::session);
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  public int port() {
    return server.actualPort();
  }

  /** Closes every open socket without a goodbye, as a FreeSWITCH that crashed or lost the network would. */
  void dropAll() {
    open.forEach(NetSocket::close);
  }

  private void session(NetSocket socket) {
    open.add(socket);
    socket.closeHandler(v -> open.remove(socket));
    StringBuilder pending = new StringBuilder();
    socket.handler(bytes -> {
      pending.append(bytes.toString(StandardCharsets.UTF_8));
      for (int end = pending.indexOf("\n\n"); end >= 0; end = pending.indexOf("\n\n")) {
        String command = pending.substring(0, end);
        pending.delete(0, end + 2);
        answer(socket, command);
      }
    });
    socket.write("Content-Type: auth/request\n\n");
  }

  private void answer(NetSocket socket, String command) {
    commands.add(command.startsWith("auth ") ? "auth ****" : command);
    if (command.startsWith("auth ")) {
      if (command.substring(5).equals(password)) {
        logins.incrementAndGet();
        reply(socket, "+OK accepted");
      } else {
        reply(socket, "-ERR invalid");
        goodbye(socket);
      }
    } else if (command.startsWith("event ")) {
      reply(socket, "+OK event listener enabled plain");
    } else if (command.equals("api show channels as json")) {
      api(socket, "{\"row_count\":0}");
    } else if (command.equals("api status")) {
      api(socket, "UP 0 years, 0 days, 0 hours, 1 minute, 2 seconds, 3 milliseconds, 4 microseconds\n"
          + "FreeSWITCH (Version 1.10.12-release git a88d069 2024-08-02 21:02:27Z 64bit) is ready\n");
      afterStatus.forEach(socket::write);
    } else if (command.startsWith("api uuid_")) {
      api(socket, "+OK\n");
    } else if (command.startsWith("bgapi ")) {
      String job = command.lines().filter(l -> l.startsWith("Job-UUID: ")).findFirst().orElse("Job-UUID: none")
          .substring("Job-UUID: ".length());
      socket.write("Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + job + "\nJob-UUID: " + job + "\n\n");
      String result = "+OK " + job + "\n";
      String event = "Event-Name: BACKGROUND_JOB\nJob-UUID: " + job + "\nJob-Command: originate\nContent-Length: "
          + length(result) + "\n\n" + result;
      socket.write("Content-Length: " + length(event) + "\nContent-Type: text/event-plain\n\n" + event);
    } else if (command.equals("exit")) {
      exits.incrementAndGet();
      reply(socket, "+OK bye");
      goodbye(socket);
    } else {
      reply(socket, "-ERR command not found");
    }
  }

  private static void reply(NetSocket socket, String text) {
    socket.write("Content-Type: command/reply\nReply-Text: " + text + "\n\n");
  }

  private static void api(NetSocket socket, String body) {
    socket.write("Content-Type: api/response\nContent-Length: " + length(body) + "\n\n" + body);
  }

  private static void goodbye(NetSocket socket) {
    String body = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";
    socket.write("Content-Type: text/disconnect-notice\nContent-Length: " + length(body) + "\n\n" + body)
        .onComplete(v -> socket.close());
  }

  /** A plain event frame: {@code headers} as {@code Name: url-encoded value} lines. */
  public static String plainEvent(String... headers) {
    String body = String.join("\n", headers) + "\n\n";
    return "Content-Length: " + length(body) + "\nContent-Type: text/event-plain\n\n" + body;
  }

  private static int length(String text) {
    return Buffer.buffer(text, "UTF-8").length();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
