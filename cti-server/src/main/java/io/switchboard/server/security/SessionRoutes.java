package io.switchboard.server.security;

import io.switchboard.server.http.ApiError;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in: {@code POST /api/v1/sessions} {@code {"username","password"}} answers 201 with a signed session token,
 * or 401 {@code bad-credentials} (the same answer for an unknown user and a wrong password, in about the same time).
 * {@code GET /api/v1/sessions/current} says who the bearer of a token is.
 */
final class SessionRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRoutes.class);
  /**
   * Checked when the username is unknown, so both refusals take the same time. Hashed once, on first use, on the
   * worker that checks a sign-in: not at class load, which happens on the event loop that builds the router.
   */
  private static final class Decoy {
    static final String HASH = Passwords.hash("decoy-password-for-unknown-users");
  }

  private final Vertx vertx;
  private final Users users;
  private final SessionTokens sessions;
  private final Clock clock;
  private final RateLimits limits;

  SessionRoutes(Vertx vertx, Users users, SessionTokens sessions, Clock clock, RateLimits limits) {
    this.vertx = vertx;
    this.users = users;
    this.sessions = sessions;
    this.clock = clock;
    this.limits = limits;
  }

  void mount(Router router) {
    router.post("/api/v1/sessions").handler(this::signIn);
    router.get("/api/v1/sessions/current").handler(ctx -> ctx.response().putHeader("content-type", "application/json")
        .end(json(Callers.of(ctx)).encode()));
  }

  private void signIn(RoutingContext ctx) {
    Optional<JsonObject> body = ApiError.jsonBody(ctx, "a JSON object {\"username\",\"password\"}");
    if (body.isEmpty()) {
      return;
    }
    if (!(body.get().getValue("username") instanceof String username) || username.isBlank()) {
      ApiError.invalidField("username", "is required").send(ctx, 400);
      return;
    }
    if (!(body.get().getValue("password") instanceof String password) || password.isEmpty()) {
      ApiError.invalidField("password", "is required").send(ctx, 400);
      return;
    }
    Optional<Duration> blocked = limits.signInBlocked(username, ctx);
    if (blocked.isPresent()) {
      LOG.info("event=sign-in-rate-limited user={}", username.length() > 64 ? username.substring(0, 64) : username);
      RateLimits.refuse(ctx, blocked.get(), "failed sign-ins for this user from this address");
      return;
    }
    Optional<User> user = users.find(username);
    vertx.executeBlocking(() -> Passwords.matches(password,
            user.map(User::passwordHash).orElseGet(() -> Decoy.HASH)), false)
        .onSuccess(matches -> {
          if (!matches || user.isEmpty()) {
            limits.signInFailed(username, ctx);
            LOG.info("event=sign-in-refused user={}", username.length() > 64 ? username.substring(0, 64) : username);
            new ApiError("bad-credentials", "the username or the password is wrong", new JsonObject()).send(ctx, 401);
            return;
          }
          Instant now = clock.instant();
          Caller caller = user.get().caller();
          LOG.info("event=signed-in user={} role={}", caller.subject(), caller.role().wire());
          ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
              .putHeader("cache-control", "no-store")
              .end(json(caller).put("token", sessions.issue(caller, now))
                  .put("expiresAt", sessions.expiry(now).toString()).encode());
        })
        .onFailure(ctx::fail);
  }

  static JsonObject json(Caller caller) {
    JsonObject json = new JsonObject().put("username", caller.subject()).put("role", caller.role().wire())
        .put("teams", new JsonArray(caller.teams().stream().sorted().toList()));
    caller.agentId().ifPresent(agent -> json.put("agentId", agent));
    return json;
  }
}
