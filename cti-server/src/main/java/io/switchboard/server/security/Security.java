package io.switchboard.server.security;

import io.switchboard.server.config.AuthSettings;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's API security, built from {@code http.auth}: the policy, the credentials, the users, and the routes that
 * go with them (sign-in, users, the agent's event socket, the pages' static files under {@code /app/}).
 * See docs/security.md.
 */
public final class Security {

  private static final Logger LOG = LoggerFactory.getLogger(Security.class);

  private final AccessPolicy policy;
  private final Credentials credentials;
  private final Users users;
  private final Clock clock;

  public Security(AccessPolicy policy, Credentials credentials, Users users, Clock clock) {
    this.policy = policy;
    this.credentials = credentials;
    this.users = users;
    this.clock = clock;
  }

  /** The standard policy, the configured admin token and session key (a random one when none is set). */
  public static Security from(AuthSettings settings, Users users, Clock clock) {
    byte[] key;
    if (settings.sessionKey().isBlank()) {
      LOG.warn("event=session-key-generated detail=\"http.auth.session-key is not set: sessions signed here are"
          + " refused by other nodes and end when this node restarts\"");
      key = SessionTokens.randomKey();
    } else {
      key = settings.sessionKey().value().getBytes(StandardCharsets.UTF_8);
    }
    if (settings.adminToken().isBlank()) {
      LOG.warn("event=no-admin-token detail=\"http.auth.admin-token is not set: only users can sign in\"");
    }
    SessionTokens sessions = new SessionTokens(key, Duration.ofMinutes(settings.sessionMinutes()));
    return new Security(AccessPolicy.standard(),
        new Credentials(Optional.of(settings.adminToken().value()), sessions), users, clock);
  }

  public AccessPolicy policy() {
    return policy;
  }

  public Credentials credentials() {
    return credentials;
  }

  public Users users() {
    return users;
  }

  /** The handler that goes first on the router. */
  public SecurityHandler handler() {
    return new SecurityHandler(policy, credentials, users, clock);
  }

  /** Authenticates WebSockets on {@code vertx}. */
  public SocketAuth sockets(Vertx vertx) {
    return new SocketAuth(vertx, credentials, users, clock);
  }

  /** Mounts sign-in, users, the agent's event socket and the pages. */
  public void mount(Router router, Vertx vertx) {
    new SessionRoutes(vertx, users, credentials.sessions(), clock).mount(router);
    new UserRoutes(vertx, users).mount(router);
    new AgentEventsSocket(vertx, sockets(vertx)).mount(router);
    router.get("/app/*").handler(StaticHandler.create("switchboard/app").setIndexPage("index.html")
        .setDefaultContentEncoding("UTF-8"));
  }
}
