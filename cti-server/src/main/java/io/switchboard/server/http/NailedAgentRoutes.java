package io.switchboard.server.http;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.pbx.LinePbx;
import io.switchboard.server.routing.CommandOutcome;
import io.switchboard.server.routing.AgentLineCommands;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Nailed-up agents and their outbound calls: {@code /api/v1/agents/{id}/session} (GET the line, POST opens it
 * by ringing the agent's device on the PBX {@link LinePbx} picks, DELETE hangs it up), {@code POST /api/v1/calls}
 * and the agent's own click-to-dial {@code POST /api/v1/agents/{id}/calls} (the same call, with the agent in the
 * path so the access policy can let an agent place calls for itself only). Commands answer 202: what the PBX then
 * does shows in the agent's state and the call record.
 */
final class NailedAgentRoutes {


  private final AgentLineCommands nailed;

  NailedAgentRoutes(AgentLineCommands nailed) {
    this.nailed = nailed;
  }

  void mount(Router router) {
    router.get("/api/v1/agents/:id/session").handler(ctx -> withAgent(ctx, agent -> answer(ctx, 200,
        nailed.line(agent))));
    router.post("/api/v1/agents/:id/session").handler(ctx -> withAgent(ctx, agent -> openLine(ctx, agent)));
    router.delete("/api/v1/agents/:id/session").handler(ctx -> withAgent(ctx, agent -> answer(ctx, 202,
        nailed.closeLine(agent))));
    router.post("/api/v1/calls").handler(this::dial);
    router.post("/api/v1/agents/:id/calls").handler(ctx -> withAgent(ctx, agent -> clickToDial(ctx, agent)));
  }

  /** {@code {"to": "+44...", "callerId"?: "+44..."}}: the CRM pages' click-to-dial, for the agent in the path. */
  private void clickToDial(RoutingContext ctx, AgentId agent) {
    JsonObject body = jsonObject(ctx);
    if (body != null) {
      place(ctx, agent, body);
    }
  }

  /** The body is optional; {@code {"pbx": "<name>"}} picks the PBX when the node cannot tell on its own. */
  private void openLine(RoutingContext ctx, AgentId agent) {
    Optional<String> pbx = Optional.empty();
    if (ctx.body().length() > 0) {
      JsonObject body = jsonObject(ctx);
      if (body == null) {
        return;
      }
      Object value = body.getValue(LinePbx.FIELD);
      if (value != null && !(value instanceof String name && !name.isBlank())) {
        ApiError.invalidField(LinePbx.FIELD, "must be the name of an attached PBX (its pbx[].name)").send(ctx, 400);
        return;
      }
      pbx = Optional.ofNullable((String) value);
    }
    answer(ctx, 202, nailed.openLine(agent, pbx));
  }

  /** The body as a JSON object; null when a 400 was sent. */
  private static JsonObject jsonObject(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null) {
      new ApiError("invalid-json", "the request body must be a JSON object", new JsonObject()).send(ctx, 400);
    }
    return body;
  }

  private void dial(RoutingContext ctx) {
    JsonObject body = jsonObject(ctx);
    if (body == null) {
      return;
    }
    if (!(body.getValue("agentId") instanceof String agent) || !AgentRequest.IDENTIFIER.matcher(agent).matches()) {
      ApiError.invalidField("agentId", "must be the id of an agent").send(ctx, 400);
      return;
    }
    place(ctx, AgentId.of(agent), body);
  }

  /** Calls the body's {@code to} (with its optional {@code callerId}) for {@code agent}. */
  private void place(RoutingContext ctx, AgentId agent, JsonObject body) {
    Optional<PhoneNumber> to = number(ctx, body, "to", true);
    if (to == null) {
      return;
    }
    Optional<PhoneNumber> callerId = number(ctx, body, "callerId", false);
    if (callerId == null) {
      return;
    }
    answer(ctx, 202, nailed.dial(agent, to.orElseThrow(), callerId));
  }

  /** The number in {@code field} (E.164, with its {@code +}); null when a 400 was sent. */
  private static Optional<PhoneNumber> number(RoutingContext ctx, JsonObject body, String field, boolean required) {
    Object value = body.getValue(field);
    if (value == null && !required) {
      return Optional.empty();
    }
    if (!(value instanceof String text) || text.isBlank()) {
      ApiError.invalidField(field, "must be a phone number with its country code, e.g. +442071234567").send(ctx, 400);
      return null;
    }
    try {
      return Optional.of(PhoneNumber.parse(text, field));
    } catch (IllegalArgumentException e) {
      ApiError.invalidField(field, "must be a phone number with its country code, e.g. +442071234567")
          .send(ctx, 400);
      return null;
    }
  }

  private static void withAgent(RoutingContext ctx, java.util.function.Consumer<AgentId> then) {
    String id = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      new ApiError("agent-not-found", "no agent with id '" + id + "'", new JsonObject().put("id", id)).send(ctx, 404);
      return;
    }
    then.accept(AgentId.of(id));
  }

  private static void answer(RoutingContext ctx, int status, Future<CommandOutcome> outcome) {
    outcome.onSuccess(done -> {
      if (done instanceof CommandOutcome.Accepted accepted) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
            .end(accepted.body().encode());
      } else {
        CommandOutcome.Refused refused = (CommandOutcome.Refused) done;
        new ApiError(refused.errorId(), refused.message(), new JsonObject()).send(ctx, refused.status());
      }
    }).onFailure(failure -> new ApiError("pbx-unavailable", "the PBX could not be reached: " + failure.getMessage(),
        new JsonObject()).send(ctx, 503));
  }
}
