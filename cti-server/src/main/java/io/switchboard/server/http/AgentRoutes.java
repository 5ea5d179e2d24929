package io.switchboard.server.http;

import io.switchboard.core.agent.Agent;
import io.switchboard.core.id.AgentId;
import io.switchboard.server.agent.AgentRegistry;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.agent.CreateOutcome;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/agents}: list, create and fetch agents with their skills. */
final class AgentRoutes {


  private final AgentRegistry agents;

  AgentRoutes(AgentRegistry agents) {
    this.agents = agents;
  }

  void mount(Router router) {
    router.get("/api/v1/agents").handler(this::list);
    router.post("/api/v1/agents").handler(this::create);
    router.get("/api/v1/agents/:id").handler(this::find);
  }

  private void list(RoutingContext ctx) {
    agents.list().onSuccess(all -> {
      JsonArray items = new JsonArray();
      all.forEach(a -> items.add(AgentJson.of(a)));
      send(ctx, 200, new JsonObject().put("agents", items));
    }).onFailure(ctx::fail);
  }

  private void find(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      notFound(ctx, id);
      return;
    }
    Future.fromCompletionStage(agents.find(AgentId.of(id)), ctx.vertx().getOrCreateContext())
        .onSuccess(found -> found.ifPresentOrElse(
        agent -> send(ctx, 200, AgentJson.of(agent)),
        () -> notFound(ctx, id)))
        .onFailure(ctx::fail);
  }

  private static void notFound(RoutingContext ctx, String id) {
    new ApiError("agent-not-found", "no agent with id '" + id + "'", new JsonObject().put("id", id)).send(ctx, 404);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = ApiError.jsonBody(ctx, "a JSON object describing the agent").orElse(null);
    if (body == null) {
      return;
    }
    AgentRequest.Parsed parsed = AgentRequest.parse(body);
    if (parsed instanceof AgentRequest.Invalid invalid) {
      ApiError.invalidField(invalid.field(), invalid.reason()).send(ctx, 400);
      return;
    }
    Agent agent = ((AgentRequest.Valid) parsed).agent();
    agents.create(agent).onSuccess(outcome -> {
      if (outcome instanceof CreateOutcome.Created created) {
        ctx.response().putHeader("location", "/api/v1/agents/" + created.agent().id().value());
        send(ctx, 201, AgentJson.of(created.agent()));
      } else if (outcome instanceof CreateOutcome.AlreadyExists exists) {
        new ApiError("agent-exists", "an agent with id '" + exists.id().value() + "' already exists",
            new JsonObject().put("id", exists.id().value())).send(ctx, 409);
      }
    }).onFailure(ctx::fail);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
