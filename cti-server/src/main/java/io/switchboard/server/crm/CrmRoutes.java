package io.switchboard.server.crm;

import io.switchboard.core.id.AgentId;
import io.switchboard.server.http.ApiError;
import io.switchboard.server.queue.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The CRM side of the API: {@code GET /api/v1/crm/outbox?state=&offset=&limit=} (the durable call-log outbox,
 * newest first), {@code GET /api/v1/agents/{id}/pop} (the agent's latest screen pop) and
 * {@code POST /api/v1/agents/{id}/wrap-up} ({@code disposition} and {@code notes} for the agent's latest ended
 * call, whose log then goes to the CRMs). Bad input is a 400 naming the field and changes nothing.
 */
public final class CrmRoutes {

  /** Most rows one outbox page holds. */
  static final int MAX_LIMIT = 500;
  static final int MAX_NOTES = 4000;

  private static final Set<String> WRAP_UP_FIELDS = Set.of("disposition", "notes");

  private final JooqCrmOutbox outbox;
  private final CrmPops pops;
  private final CrmCalls calls;
  private volatile WrapUpsElsewhere elsewhere = WrapUpsElsewhere.NONE;

  public CrmRoutes(JooqCrmOutbox outbox, CrmPops pops, CrmCalls calls) {
    this.outbox = outbox;
    this.pops = pops;
    this.calls = calls;
  }

  public void mount(Router router) {
    router.get("/api/v1/crm/outbox").handler(this::page);
    router.get("/api/v1/agents/:id/pop").handler(this::pop);
    router.post("/api/v1/agents/:id/wrap-up").handler(this::wrapUp);
  }

  private void page(RoutingContext ctx) {
    String stateParam = ctx.request().getParam("state");
    Optional<OutboxState> state = Optional.ofNullable(stateParam).flatMap(OutboxState::of);
    if (stateParam != null && state.isEmpty()) {
      ApiError.invalidField("state", "must be pending, logged or failed").send(ctx, 400);
      return;
    }
    Integer offset = number(ctx, "offset", 0, Integer.MAX_VALUE, 0);
    Integer limit = offset == null ? null : number(ctx, "limit", 1, MAX_LIMIT, 50);
    if (limit == null) {
      return;
    }
    outbox.page(state, offset, limit).onSuccess(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(row(row)));
      ctx.response().putHeader("content-type", "application/json").end(new JsonObject().put("offset", offset)
          .put("limit", limit).put("items", items).encode());
    }).onFailure(ctx::fail);
  }

  private static Integer number(RoutingContext ctx, String name, int min, int max, int absent) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return absent;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    ApiError.invalidField(name, "must be a whole number from " + min + " to " + max).send(ctx, 400);
    return null;
  }

  private static JsonObject row(OutboxRow r) {
    return new JsonObject().put("id", r.id()).put("connector", r.connector()).put("idempotencyKey",
        r.idempotencyKey()).put("callId", r.call()).put("state", r.state().slug()).put("attempts", r.attempts())
        .put("nextAttemptAt", r.nextAttemptAt().toString()).put("lastError", r.lastError().orElse(null))
        .put("recordId", r.recordId().orElse(null)).put("createdAt", r.createdAt().toString())
        .put("loggedAt", r.loggedAt().map(Instant::toString).orElse(null));
  }

  private void pop(RoutingContext ctx) {
    AgentId agent = AgentId.of(ctx.pathParam("id"));
    pops.latest(agent).ifPresentOrElse(
        pop -> ctx.response().putHeader("content-type", "application/json").end(pop.encode()),
        () -> new ApiError("no-pop", "agent '" + agent.value() + "' has had no screen pop on this node",
            new JsonObject().put("agentId", agent.value())).send(ctx, 404));
  }

  private void wrapUp(RoutingContext ctx) {
    AgentId agent = AgentId.of(ctx.pathParam("id"));
    JsonObject body = ApiError.jsonBody(ctx, "a JSON object with disposition and notes").orElse(null);
    if (body == null) {
      return;
    }
    Optional<String> disposition;
    Optional<String> notes;
    try {
      JsonFields fields = new JsonFields(body, "", WRAP_UP_FIELDS);
      disposition = Optional.ofNullable(fields.text("disposition", 32, null));
      if (disposition.isPresent() && !disposition.get().matches("[a-z0-9][a-z0-9-]{0,31}")) {
        throw new JsonFields.BadField("disposition", "must be a lower-case slug, e.g. resolved or follow-up");
      }
      notes = Optional.ofNullable(fields.text("notes", MAX_NOTES, null));
      if (disposition.isEmpty() && notes.isEmpty()) {
        throw new JsonFields.BadField("disposition", "give a disposition, notes or both");
      }
    } catch (JsonFields.BadField bad) {
      ApiError.invalidField(bad.field, bad.getMessage()).send(ctx, 400);
      return;
    }
    Optional<String> chosen = disposition;
    Optional<String> written = notes;
    Future<Boolean> done = calls.wrapUp(agent, disposition, notes) ? Future.succeededFuture(true)
        : elsewhere.wrapUp(agent, disposition, notes);
    done.onSuccess(taken -> {
      if (!taken) {
        new ApiError("no-call-to-wrap-up", "agent '" + agent.value() + "' has no ended call waiting for a wrap-up",
            new JsonObject().put("agentId", agent.value())).send(ctx, 409);
        return;
      }
      ctx.response().setStatusCode(202).putHeader("content-type", "application/json").end(new JsonObject()
          .put("agentId", agent.value()).put("disposition", chosen.orElse(null)).put("notes", written.isPresent())
          .encode());
    }).onFailure(ctx::fail);
  }

  /** In a cluster: a wrap-up of a call whose log another node holds is asked of the PBXs' owners. */
  void wrapUpsElsewhere(WrapUpsElsewhere elsewhere) {
    this.elsewhere = elsewhere;
  }
}
