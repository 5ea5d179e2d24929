package io.switchboard.server.http;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.routing.Task;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.routing.InboundRouting;
import io.switchboard.server.routing.StateChange;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The routing side of {@code /api/v1}: agents' states, queues (through {@link QueueRoutes}), live tasks, call
 * records and queue_log.
 */
final class RoutingRoutes {

  private static final Map<String, AgentState> STATES = Map.of(
      "available", AgentState.AVAILABLE, "paused", AgentState.PAUSED, "logged-out", AgentState.LOGGED_OUT);

  private final InboundRouting routing;

  RoutingRoutes(InboundRouting routing) {
    this.routing = routing;
  }

  void mount(Router router) {
    router.post("/api/v1/agents/:id/state").handler(this::changeState);
    router.get("/api/v1/agents/:id/state").handler(this::state);
    router.get("/api/v1/tasks").handler(this::tasks);
    router.get("/api/v1/calls/:id").handler(this::call);
    router.get("/api/v1/queue-log").handler(this::queueLog);
    new QueueRoutes(routing.queues(), routing::tasks, routing::queueChanged).mount(router);
  }

  private void changeState(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    JsonObject body = jsonBody(ctx);
    if (body == null) {
      return;
    }
    AgentState target = STATES.get(String.valueOf(body.getValue("state")));
    if (target == null) {
      ApiError.invalidField("state", "must be one of available, paused, logged-out").send(ctx, 400);
      return;
    }
    Optional<ReasonCode> reason;
    try {
      reason = Optional.ofNullable(body.getValue("reason")).map(String::valueOf).map(ReasonCode::of);
    } catch (IllegalArgumentException e) {
      ApiError.invalidField("reason", e.getMessage()).send(ctx, 400);
      return;
    }
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      agentNotFound(ctx, id);
      return;
    }
    routing.changeAgentState(AgentId.of(id), target, reason).onSuccess(outcome -> {
      if (outcome instanceof StateChange.Changed changed) {
        send(ctx, 200, stateJson(id, changed.status()));
      } else if (outcome instanceof StateChange.UnknownAgent) {
        agentNotFound(ctx, id);
      } else if (outcome instanceof StateChange.Refused refused) {
        new ApiError("illegal-transition", refused.message(), new JsonObject().put("id", id)
            .put("state", body.getValue("state"))).send(ctx, 409);
      } else {
        new ApiError("state-conflict", "the agent's state changed while it was being set; try again",
            new JsonObject().put("id", id)).send(ctx, 409);
      }
    }).onFailure(ctx::fail);
  }

  private void state(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      agentNotFound(ctx, id);
      return;
    }
    routing.agentState(AgentId.of(id)).onSuccess(status -> send(ctx, 200, status.map(s -> stateJson(id, s))
        .orElseGet(() -> new JsonObject().put("id", id).put("state", "logged-out").put("version", 0))))
        .onFailure(ctx::fail);
  }

  private void tasks(RoutingContext ctx) {
    routing.tasks().onSuccess(tasks -> {
      JsonArray items = new JsonArray();
      tasks.forEach(task -> items.add(taskJson(task)));
      send(ctx, 200, new JsonObject().put("tasks", items));
    }).onFailure(ctx::fail);
  }

  private void call(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    routing.call(id).onSuccess(found -> found.ifPresentOrElse(call -> send(ctx, 200, call),
        () -> new ApiError("call-not-found", "no call with id '" + id + "'", new JsonObject().put("id", id))
            .send(ctx, 404))).onFailure(ctx::fail);
  }

  private void queueLog(RoutingContext ctx) {
    Optional<String> callId = Optional.ofNullable(ctx.queryParams().get("callid"));
    Optional<String> queue = Optional.ofNullable(ctx.queryParams().get("queue"));
    if (callId.isEmpty() && queue.isEmpty()) {
      ApiError.invalidField("callid", "give callid or queue").send(ctx, 400);
      return;
    }
    routing.queueLog(callId, queue).onSuccess(rows -> send(ctx, 200, new JsonObject().put("rows", rows)))
        .onFailure(ctx::fail);
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      if (body != null) {
        return body;
      }
    } catch (RuntimeException e) {
      // answered below
    }
    new ApiError("invalid-json", "the request body must be a JSON object", new JsonObject()).send(ctx, 400);
    return null;
  }

  private static JsonObject stateJson(String id, AgentStatus status) {
    return new JsonObject().put("id", id).put("state", status.state().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .put("reason", status.reason().map(ReasonCode::value).orElse(null))
        .put("since", status.since().toString()).put("version", status.version());
  }

  private static JsonObject taskJson(Task task) {
    return new JsonObject().put("id", task.id().value()).put("status", task.status().name().toLowerCase(Locale.ROOT))
        .put("queueId", task.queue().value()).put("callId", task.call().map(c -> c.value()).orElse(null))
        .put("created", task.created().toString());
  }

  private static void agentNotFound(RoutingContext ctx, String id) {
    new ApiError("agent-not-found", "no agent with id '" + id + "'", new JsonObject().put("id", id)).send(ctx, 404);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
