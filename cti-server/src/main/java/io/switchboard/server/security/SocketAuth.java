package io.switchboard.server.security;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Authenticates a WebSocket by its first text frame, {@code {"type":"auth","token":"..."}}, sent within
 * {@value #DEADLINE_MS} ms of opening (a browser cannot set headers on a WebSocket). Answers
 * {@code {"type":"ready","subject","role","agentId"}} and completes with the caller; otherwise sends
 * {@code {"type":"error","errorId","message"}} and closes with 4401 (not authenticated) or 4403 (not allowed).
 */
public final class SocketAuth {

  static final long DEADLINE_MS = 5_000;
  /** Close code: no, a bad or an expired token. */
  public static final short UNAUTHENTICATED = 4401;
  /** Close code: a good token whose caller the route's rule refuses. */
  public static final short FORBIDDEN = 4403;

  private final Vertx vertx;
  private final Authenticator authenticator;
  private final TeamDirectory teams;
  private final Clock clock;

  public SocketAuth(Vertx vertx, Authenticator authenticator, TeamDirectory teams, Clock clock) {
    this.vertx = vertx;
    this.authenticator = authenticator;
    this.teams = teams;
    this.clock = clock;
  }

  /**
   * Waits for {@code socket}'s auth frame and checks it against {@code rule} with the path's {@code params}. The
   * socket's text handler is free again once the future completes.
   */
  public Future<Caller> accept(ServerWebSocket socket, Rule rule, Map<String, String> params) {
    Promise<Caller> done = Promise.promise();
    AtomicBoolean settled = new AtomicBoolean();
    long timer = vertx.setTimer(DEADLINE_MS, id -> {
      if (settled.compareAndSet(false, true)) {
        refuse(socket, UNAUTHENTICATED, "unauthenticated", "no {\"type\":\"auth\",\"token\":...} frame within "
            + DEADLINE_MS / 1000 + " s", done);
      }
    });
    socket.textMessageHandler(text -> {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      vertx.cancelTimer(timer);
      socket.textMessageHandler(null);
      JsonObject frame;
      try {
        frame = new JsonObject(text);
      } catch (RuntimeException e) {
        frame = new JsonObject();
      }
      if (!"auth".equals(frame.getString("type")) || !(frame.getValue("token") instanceof String token)) {
        refuse(socket, UNAUTHENTICATED, "unauthenticated", "the first frame must be {\"type\":\"auth\",\"token\":...}",
            done);
        return;
      }
      Authentication answer = authenticator.authenticate(token, clock.instant());
      if (answer instanceof Authentication.Refused refused) {
        refuse(socket, UNAUTHENTICATED, refused.errorId(), refused.message(), done);
        return;
      }
      Caller caller = ((Authentication.Authenticated) answer).caller();
      if (!rule.allows(caller, params, teams)) {
        refuse(socket, FORBIDDEN, "forbidden", SecurityHandler.forbidden(caller, rule, "open " + socket.path())
            .message(), done);
        return;
      }
      JsonObject ready = new JsonObject().put("type", "ready").put("subject", caller.subject())
          .put("role", caller.role().wire());
      caller.agentId().ifPresent(agent -> ready.put("agentId", agent));
      socket.writeTextMessage(ready.encode());
      done.complete(caller);
    });
    socket.closeHandler(v -> {
      if (settled.compareAndSet(false, true)) {
        vertx.cancelTimer(timer);
        done.fail("the socket closed before it was authenticated");
      }
    });
    return done.future();
  }

  private static void refuse(ServerWebSocket socket, short code, String errorId, String message, Promise<Caller> done) {
    socket.writeTextMessage(new JsonObject().put("type", "error").put("errorId", errorId).put("message", message)
        .encode()).onComplete(v -> socket.close(code, errorId));
    done.fail(errorId + ": " + message);
  }
}
