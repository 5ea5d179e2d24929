package io.switchboard.server.security;

import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admins manage users: {@code PUT /api/v1/users/{username}} {@code {"role","agentId","teams","password"}} creates
 * (201) or replaces (200) one, the password kept when a replacement leaves it out; {@code GET /api/v1/users},
 * {@code GET /api/v1/users/{username}}, {@code DELETE /api/v1/users/{username}}. No answer ever holds a hash.
 */
final class UserRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(UserRoutes.class);

  private final Vertx vertx;
  private final Users users;

  UserRoutes(Vertx vertx, Users users) {
    this.vertx = vertx;
    this.users = users;
  }

  void mount(Router router) {
    router.get("/api/v1/users").handler(ctx -> send(ctx, 200, new JsonObject().put("users",
        new JsonArray(users.all().stream().map(UserRoutes::json).toList()))));
    router.get("/api/v1/users/:username").handler(ctx -> users.find(ctx.pathParam("username"))
        .ifPresentOrElse(user -> send(ctx, 200, json(user)), () -> notFound(ctx)));
    router.put("/api/v1/users/:username").handler(this::put);
    router.delete("/api/v1/users/:username").handler(ctx -> users.delete(ctx.pathParam("username"))
        .onSuccess(deleted -> {
          if (deleted) {
            LOG.info("event=user-deleted user={} by={}", ctx.pathParam("username"), Callers.of(ctx).subject());
            ctx.response().setStatusCode(204).end();
          } else {
            notFound(ctx);
          }
        }).onFailure(ctx::fail));
  }

  private void put(RoutingContext ctx) {
    String username = ctx.pathParam("username");
    if (!AgentRequest.IDENTIFIER.matcher(username).matches()) {
      ApiError.invalidField("username", "usernames are 1-64 letters, digits, '.', '_' or '-'").send(ctx, 400);
      return;
    }
    Optional<JsonObject> body = ApiError.jsonBody(ctx, "a JSON object {\"role\",\"agentId\",\"teams\",\"password\"}");
    if (body.isEmpty()) {
      return;
    }
    JsonObject in = body.get();
    Optional<Role> role = in.getValue("role") instanceof String text ? Role.parse(text) : Optional.empty();
    if (role.isEmpty()) {
      ApiError.invalidField("role", "must be one of agent, supervisor, admin").send(ctx, 400);
      return;
    }
    Object agentValue = in.getValue("agentId");
    if (agentValue != null && !(agentValue instanceof String agent && AgentRequest.IDENTIFIER.matcher(agent).matches())) {
      ApiError.invalidField("agentId", "agent ids are 1-64 letters, digits, '.', '_' or '-'").send(ctx, 400);
      return;
    }
    if (role.get() == Role.AGENT && agentValue == null) {
      ApiError.invalidField("agentId", "is required for role agent").send(ctx, 400);
      return;
    }
    Set<String> teams = new HashSet<>();
    Object teamsValue = in.getValue("teams");
    if (teamsValue != null) {
      if (!(teamsValue instanceof JsonArray list)) {
        ApiError.invalidField("teams", "must be an array of team ids").send(ctx, 400);
        return;
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.getValue(i) instanceof String team && AgentRequest.IDENTIFIER.matcher(team).matches())) {
          ApiError.invalidField("teams[" + i + "]", "team ids are 1-64 letters, digits, '.', '_' or '-'").send(ctx, 400);
          return;
        }
        teams.add(team);
      }
    }
    Optional<User> existing = users.find(username);
    Object passwordValue = in.getValue("password");
    if (passwordValue == null && existing.isEmpty()) {
      ApiError.invalidField("password", "is required for a new user").send(ctx, 400);
      return;
    }
    if (passwordValue != null && !(passwordValue instanceof String pw && pw.length() >= Passwords.MIN_LENGTH)) {
      ApiError.invalidField("password", "must be a string of at least " + Passwords.MIN_LENGTH + " characters")
          .send(ctx, 400);
      return;
    }
    Future<String> hash = passwordValue == null ? Future.succeededFuture(existing.get().passwordHash())
        : vertx.executeBlocking(() -> Passwords.hash((String) passwordValue), false);
    hash.compose(h -> {
      User user = new User(username, role.get(), Optional.ofNullable((String) agentValue), teams, h);
      return users.save(user).map(v -> user);
    }).onSuccess(user -> {
      LOG.info("event=user-saved user={} role={} by={}", username, user.role().wire(), Callers.of(ctx).subject());
      send(ctx, existing.isPresent() ? 200 : 201, json(user));
    }).onFailure(failure -> {
      if (failure instanceof Users.AgentTakenException) {
        new ApiError("agent-taken", failure.getMessage(), new JsonObject().put("field", "agentId")).send(ctx, 409);
      } else {
        ctx.fail(failure);
      }
    });
  }

  private static JsonObject json(User user) {
    return SessionRoutes.json(user.caller());
  }

  private static void notFound(RoutingContext ctx) {
    new ApiError("user-not-found", "no user is named " + ctx.pathParam("username"), new JsonObject()).send(ctx, 404);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
