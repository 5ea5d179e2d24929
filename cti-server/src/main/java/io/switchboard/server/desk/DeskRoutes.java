package io.switchboard.server.desk;

import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LeadId;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.switchboard.server.queue.JsonFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The agent desk's own routes, all on the agent ({@code /api/v1/agents/{id}/...}, so the access policy's "the
 * agent itself, a supervisor of their team, an admin" covers them): {@code GET .../desk} (the snapshot the event
 * socket sends first), {@code POST .../call/hold}, {@code .../call/unhold}, {@code .../call/recording/pause},
 * {@code .../call/recording/resume} and {@code .../call/transfer} on the agent's connected call
 * ({@link DeskCommands}), and {@code POST .../callback}, which schedules the campaign lead of the agent's last
 * call to be called back by them.
 */
final class DeskRoutes {

  /** A callback further ahead than this is refused: a lead is not parked for a season. */
  static final Duration LONGEST_CALLBACK = Duration.ofDays(90);
  private static final Set<String> CALLBACK_FIELDS = Set.of("at", "disposition");
  private static final int MAX_BODY_BYTES = 4 * 1024;

  private final AgentDesks desks;
  private final Function<AgentId, Future<Optional<AgentStatus>>> states;
  private final DeskCommands commands;
  private final LeadDispositions leads;
  private final Clock clock;
  private final DeskBoard board;

  DeskRoutes(AgentDesks desks, Function<AgentId, Future<Optional<AgentStatus>>> states, DeskCommands commands,
      LeadDispositions leads, Clock clock) {
    this(desks, states, commands, leads, clock, DeskBoard.NONE);
  }

  DeskRoutes(AgentDesks desks, Function<AgentId, Future<Optional<AgentStatus>>> states, DeskCommands commands,
      LeadDispositions leads, Clock clock, DeskBoard board) {
    this.board = board;
    this.desks = desks;
    this.states = states;
    this.commands = commands;
    this.leads = leads;
    this.clock = clock;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
    router.get("/api/v1/agents/:id/desk").handler(ctx -> withAgent(ctx, agent -> snapshot(agent)
        .onSuccess(json -> send(ctx, 200, json)).onFailure(ctx::fail)));
    for (CallCommand command : CallCommand.values()) {
      router.post("/api/v1/agents/:id/call/" + command.path).handler(ctx -> withAgent(ctx, agent ->
          commands.run(agent, command).onSuccess(done -> answer(ctx, done)).onFailure(ctx::fail)));
    }
    router.post("/api/v1/agents/:id/call/transfer").handler(body).handler(ctx -> withAgent(ctx, agent ->
        commands.transfer(ctx, agent)));
    router.post("/api/v1/agents/:id/callback").handler(body).handler(ctx -> withAgent(ctx, agent ->
        callback(ctx, agent)));
  }

  /** The snapshot for {@code agent}: the stored status, this node's call, else the call another node routes. */
  Future<JsonObject> snapshot(AgentId agent) {
    return states.apply(agent).compose(stored -> desks.call(agent).isPresent()
        ? Future.succeededFuture(desks.snapshot(agent, stored, clock.instant()))
        : board.get(agent).map(call -> desks.snapshot(agent, stored, clock.instant(), call)));
  }

  private void callback(RoutingContext ctx, AgentId agent) {
    JsonObject body = ApiError.jsonBody(ctx, "a JSON object with at and disposition").orElse(null);
    if (body == null) {
      return;
    }
    Instant at;
    String disposition;
    Instant now = clock.instant();
    try {
      JsonFields fields = new JsonFields(body, "", CALLBACK_FIELDS);
      at = instant(fields.text("at", 40, null));
      if (!at.isAfter(now) || at.isAfter(now.plus(LONGEST_CALLBACK))) {
        throw new JsonFields.BadField("at", "must be in the next " + LONGEST_CALLBACK.toDays() + " days");
      }
      disposition = fields.text("disposition", 32, "callback");
      if (!disposition.matches("[a-z0-9][a-z0-9-]{0,31}")) {
        throw new JsonFields.BadField("disposition", "must be a lower-case slug, e.g. callback");
      }
    } catch (JsonFields.BadField bad) {
      ApiError.invalidField(bad.field, bad.getMessage()).send(ctx, 400);
      return;
    }
    String chosen = disposition;
    Optional<DeskCall> here = desks.call(agent).filter(c -> c.lead().isPresent());
    // The call's lead as this node's desks know it, else as the node that routed it wrote it on the board.
    Future<Optional<JsonObject>> lead = here.isPresent()
        ? Future.succeededFuture(here.map(DeskCall::toJson))
        : board.get(agent).otherwise(Optional.empty());
    lead.map(call -> call.filter(c -> c.getString("leadId") != null && c.getString("campaignId") != null))
        .onSuccess(call -> {
          if (call.isEmpty()) {
            new ApiError("no-campaign-call", "agent '" + agent.value() + "' has no campaign call to schedule a "
                + "callback for", new JsonObject().put("agentId", agent.value())).send(ctx, 409);
            return;
          }
          LeadId leadId = LeadId.of(call.get().getString("leadId"));
          String campaign = call.get().getString("campaignId");
          leads.dispose(leadId, chosen, Optional.of(at), Optional.of(agent), now).onSuccess(done -> {
            if (!done) {
              new ApiError("lead-not-connected", "lead '" + leadId.value() + "' is not on a connected call "
                  + "waiting for its disposition", new JsonObject().put("leadId", leadId.value())).send(ctx, 409);
              return;
            }
            send(ctx, 202, new JsonObject().put("agentId", agent.value()).put("campaignId", campaign)
                .put("leadId", leadId.value()).put("callbackAt", at.toString()).put("disposition", chosen));
          }).onFailure(ctx::fail);
        }).onFailure(ctx::fail);
  }

  private static Instant instant(String text) {
    if (text == null) {
      throw new JsonFields.BadField("at", "is required: an ISO-8601 instant, e.g. 2026-11-25T09:30:00Z");
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        throw new JsonFields.BadField("at", "must be an ISO-8601 instant with its offset, e.g. 2026-11-25T09:30:00Z");
      }
    }
  }

  static void answer(RoutingContext ctx, DeskCommands.Done done) {
    if (done instanceof DeskCommands.Done.Accepted accepted) {
      send(ctx, 202, accepted.body());
    } else {
      DeskCommands.Done.Refused refused = (DeskCommands.Done.Refused) done;
      new ApiError(refused.errorId(), refused.message(), refused.details()).send(ctx, refused.status());
    }
  }

  private static void withAgent(RoutingContext ctx, java.util.function.Consumer<AgentId> then) {
    String id = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      new ApiError("agent-not-found", "no agent with id '" + id + "'", new JsonObject().put("id", id))
          .send(ctx, 404);
      return;
    }
    then.accept(AgentId.of(id));
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
