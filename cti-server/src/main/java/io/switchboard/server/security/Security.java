package io.switchboard.server.security;

import io.switchboard.server.config.AuthSettings;
import io.switchboard.server.config.HttpSettings;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's API security, built from {@code http}: the policy, the credentials, the users, the limits and the
 * audit, and the routes that go with them (sign-in, users, API tokens, the audit, the agent's event socket, the
 * pages' static files under {@code /app/}). See docs/security.md.
 */
public final class Security {

  private static final Logger LOG = LoggerFactory.getLogger(Security.class);

  private final AccessPolicy policy;
  private final Credentials credentials;
  private final Users users;
  private final Clock clock;
  private HttpSettings http = HttpSettings.defaults();
  private RateLimits limits;
  private CallParties calls = CallParties.NONE;
  private Optional<JooqApiTokens> apiTokens = Optional.empty();
  private Optional<AuditWriter> auditWriter = Optional.empty();
  private Optional<JooqAdminAudit> audit = Optional.empty();

  public Security(AccessPolicy policy, Credentials credentials, Users users, Clock clock) {
    this.policy = policy;
    this.credentials = credentials;
    this.users = users;
    this.clock = clock;
    this.limits = RateLimits.off(clock);
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

  /** As {@link #from(AuthSettings, Users, Clock)}, with {@code http}'s CORS, frame, body and rate limits. */
  public static Security from(HttpSettings http, Users users, Clock clock) {
    return from(http.auth(), users, clock).limitedBy(http);
  }

  /** Applies {@code http}'s CORS origins, frame ancestors, body limits and rate limits. */
  public Security limitedBy(HttpSettings settings) {
    this.http = settings;
    this.limits = new RateLimits(settings.rateLimit(), clock);
    return this;
  }

  /** Also accepts API tokens, and serves {@code /api/v1/tokens}. */
  public Security withApiTokens(JooqApiTokens tokens) {
    this.apiTokens = Optional.of(tokens);
    credentials.with(tokens);
    return this;
  }

  /** Writes admin changes to {@code writer} and serves {@code /api/v1/audit} from {@code store}. */
  public Security withAudit(AuditWriter writer, JooqAdminAudit store) {
    this.auditWriter = Optional.of(writer);
    this.audit = Optional.of(store);
    return this;
  }

  /** Reads who is on a call from {@code parties}, for {@link Rule#OWN_CALL}. */
  public Security withCalls(CallParties parties) {
    this.calls = parties;
    return this;
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

  /** The authentication, rate and rule handler. */
  public SecurityHandler handler() {
    return new SecurityHandler(policy, credentials, users, clock, limits, calls);
  }

  /**
   * Puts the security handlers first on {@code router}, in order: CORS and page headers, authentication with the
   * rate limits and the rule, the one body reader with its limit, the body's agent rule, the audit.
   */
  public void guard(Router router) {
    router.route().handler(new CrossOrigin(new CorsPolicy(http.cors().allowedOrigins()), http.frameAncestors()));
    router.route().handler(handler());
    router.route().handler(new BodyLimits(http.maxBodyBytes(), http.maxImportBytes()));
    router.route().handler(new BodyRules(users));
    auditWriter.ifPresent(writer -> router.route().handler(new AuditTrail(writer::record, clock)));
    router.errorHandler(413, BodyLimits::tooLarge);
  }

  /** Authenticates WebSockets on {@code vertx}. */
  public SocketAuth sockets(Vertx vertx) {
    return new SocketAuth(vertx, credentials, users, clock);
  }

  /** Mounts sign-in, users, API tokens, the audit, the agent's event socket and the pages. */
  public void mount(Router router, Vertx vertx) {
    new SessionRoutes(vertx, users, credentials.sessions(), clock, limits).mount(router);
    new UserRoutes(vertx, users).mount(router);
    apiTokens.ifPresent(tokens -> new ApiTokenRoutes(tokens, users, clock).mount(router));
    audit.ifPresent(store -> new AuditRoutes(store).mount(router));
    new AgentEventsSocket(vertx, sockets(vertx)).mount(router);
    router.get("/app/*").handler(StaticHandler.create("switchboard/app").setIndexPage("index.html")
        .setDefaultContentEncoding("UTF-8"));
  }

  /**
   * Every route of {@code router} with a path that no row of the policy names: each is admin-only by default,
   * which is safe but most likely not meant. Logged at start; a test keeps the list empty.
   */
  public List<String> unlisted(Router router) {
    List<String> missing = new ArrayList<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || route.methods() == null) {
        continue;
      }
      String sample = path.replaceAll(":[^/]+", "x") + (route.isExactPath() ? "" : "x");
      for (HttpMethod method : route.methods()) {
        if (policy.match(method, sample).isEmpty()) {
          missing.add(method + " " + (route.isExactPath() ? path : path + "*"));
        }
      }
    }
    return missing;
  }
}
