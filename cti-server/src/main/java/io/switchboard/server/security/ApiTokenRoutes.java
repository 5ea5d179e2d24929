package io.switchboard.server.security;

import io.switchboard.server.http.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admins manage API tokens: {@code POST /api/v1/tokens} {@code {"username","name","expiresAt"?}} answers 201 with
 * the token, once; {@code GET /api/v1/tokens} lists them without secrets; {@code DELETE /api/v1/tokens/{id}}
 * revokes one (204; this node refuses it at once, the others within {@value JooqApiTokens#RELOAD_SECONDS} s).
 */
final class ApiTokenRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(ApiTokenRoutes.class);
  private static final Set<String> FIELDS = Set.of("username", "name", "expiresAt");

  private final JooqApiTokens tokens;
  private final Users users;
  private final Clock clock;

  ApiTokenRoutes(JooqApiTokens tokens, Users users, Clock clock) {
    this.tokens = tokens;
    this.users = users;
    this.clock = clock;
  }

  void mount(Router router) {
    router.post("/api/v1/tokens").handler(this::create);
    router.get("/api/v1/tokens").handler(ctx -> tokens.all().onSuccess(all -> send(ctx, 200, new JsonObject()
        .put("tokens", new JsonArray(all.stream().map(ApiToken::toJson).toList())))).onFailure(ctx::fail));
    router.delete("/api/v1/tokens/:id").handler(this::revoke);
  }

  private void create(RoutingContext ctx) {
    Optional<JsonObject> body = ApiError.jsonBody(ctx, "a JSON object {\"username\",\"name\",\"expiresAt\"}");
    if (body.isEmpty()) {
      return;
    }
    JsonObject in = body.get();
    Optional<String> unknown = in.fieldNames().stream().filter(field -> !FIELDS.contains(field)).sorted().findFirst();
    if (unknown.isPresent()) {
      ApiError.invalidField(unknown.get(), "is not a field of a token (username, name, expiresAt)").send(ctx, 400);
      return;
    }
    if (!(in.getValue("username") instanceof String username) || users.find(username).isEmpty()) {
      ApiError.invalidField("username", "must name an existing user (PUT /api/v1/users/{username})").send(ctx, 400);
      return;
    }
    if (!(in.getValue("name") instanceof String name) || name.isBlank() || name.length() > 128) {
      ApiError.invalidField("name", "must be 1-128 characters saying what the token is for").send(ctx, 400);
      return;
    }
    Instant now = clock.instant();
    Optional<Instant> expiresAt = Optional.empty();
    Object expiry = in.getValue("expiresAt");
    if (expiry != null) {
      try {
        expiresAt = Optional.of(Instant.parse((String) expiry)).filter(at -> at.isAfter(now));
      } catch (ClassCastException | DateTimeParseException e) {
        expiresAt = Optional.empty();
      }
      if (expiresAt.isEmpty()) {
        ApiError.invalidField("expiresAt", "must be a future UTC instant, e.g. 2027-01-31T00:00:00Z").send(ctx, 400);
        return;
      }
    }
    tokens.create(username, name.strip(), expiresAt, now).onSuccess(created -> {
      LOG.info("event=api-token-created id={} user={} by={}", created.token().id(), username,
          Callers.of(ctx).subject());
      ctx.response().putHeader("cache-control", "no-store").putHeader("location",
          "/api/v1/tokens/" + created.token().id());
      send(ctx, 201, created.token().toJson().put("token", created.secret()));
    }).onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    tokens.revoke(id, clock.instant()).onSuccess(found -> {
      if (found.isEmpty()) {
        new ApiError("token-not-found", "no API token has id " + id, new JsonObject().put("field", "id"))
            .send(ctx, 404);
        return;
      }
      LOG.info("event=api-token-revoked id={} user={} by={}", id, found.get().username(), Callers.of(ctx).subject());
      ctx.response().setStatusCode(204).end();
    }).onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
