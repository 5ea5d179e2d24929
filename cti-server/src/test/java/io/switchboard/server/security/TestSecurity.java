package io.switchboard.server.security;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The security of a test node: one admin token, users in memory. */
public final class TestSecurity {

  /** The admin token every test client sends. */
  public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

  private TestSecurity() {
  }

  /** Admin token {@link #ADMIN_TOKEN}, users in {@code users}, the standard policy. */
  public static Security with(Users users) {
    return new Security(AccessPolicy.standard(), new Credentials(Optional.of(ADMIN_TOKEN),
        new SessionTokens(SessionTokens.randomKey(), Duration.ofHours(1))), users, Clock.systemUTC());
  }

  /** Admin token {@link #ADMIN_TOKEN}, no users. */
  public static Security admin() {
    return with(new InMemoryUsers());
  }

  /** A web client that sends the admin token on every request. */
  public static WebClient adminClient(Vertx vertx) {
    return WebClientSession.create(WebClient.create(vertx)).addHeader("Authorization", "Bearer " + ADMIN_TOKEN);
  }

  /** Sends the auth frame with the admin token on an open {@code socket}. */
  public static void authenticate(WebSocket socket) {
    socket.writeTextMessage(new JsonObject().put("type", "auth").put("token", ADMIN_TOKEN).encode());
  }
}
