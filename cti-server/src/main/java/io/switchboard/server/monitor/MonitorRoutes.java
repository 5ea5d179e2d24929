package io.switchboard.server.monitor;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.port.MonitorMode;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.switchboard.server.security.Caller;
import io.switchboard.server.security.Role;
import io.switchboard.server.security.TeamDirectory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Listen, whisper and barge: {@code POST /api/v1/agents/{id}/monitor} {@code {"mode": "listen"|"whisper"|"barge",
 * "device": "PJSIP/2001"}} rings the supervisor's phone and answers 202 with the {@code Monitor};
 * {@code GET /api/v1/monitors} lists the live ones; {@code DELETE /api/v1/monitors/{id}} hangs the supervisor's
 * leg up (202).
 */
public final class MonitorRoutes {

  /** A dial string: a technology, a slash, then no spaces, commas, quotes or braces (both glues pass it on). */
  static final Pattern DEVICE = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,15}/[A-Za-z0-9_.@:+/\\-]{1,111}");
  private static final Map<String, MonitorMode> MODES = Map.of("listen", MonitorMode.LISTEN,
      "whisper", MonitorMode.WHISPER, "barge", MonitorMode.BARGE);

  private final Monitors monitors;
  private final Function<RoutingContext, Caller> callers;
  private final TeamDirectory teams;

  /**
   * @param callers who is asking ({@code Callers::of}); the monitor records their subject
   * @param teams   the agents' teams: a supervisor monitors, lists and ends monitors of their teams' agents only
   */
  public MonitorRoutes(Monitors monitors, Function<RoutingContext, Caller> callers, TeamDirectory teams) {
    this.monitors = monitors;
    this.callers = callers;
    this.teams = teams;
  }

  public void mount(Router router) {
    router.post("/api/v1/agents/:id/monitor").handler(this::start);
    router.get("/api/v1/monitors").handler(this::list);
    router.delete("/api/v1/monitors/:id").handler(this::end);
  }

  private void start(RoutingContext ctx) {
    JsonObject body = ApiError.jsonBody(ctx, "a JSON object with mode and device").orElse(null);
    if (body == null) {
      return;
    }
    MonitorMode mode = body.getValue("mode") instanceof String text ? MODES.get(text) : null;
    if (mode == null) {
      ApiError.invalidField("mode", "must be listen, whisper or barge").send(ctx, 400);
      return;
    }
    if (!(body.getValue("device") instanceof String device) || !DEVICE.matcher(device).matches()) {
      ApiError.invalidField("device", "must be the supervisor's phone as the PBX dials it, e.g. PJSIP/2001 or "
          + "user/2001@default (no spaces, commas, quotes or braces)").send(ctx, 400);
      return;
    }
    String id = ctx.pathParam("id");
    Caller caller = callers.apply(ctx);
    if (caller.role() == Role.AGENT) {
      forbidden(caller, "listen to calls").send(ctx, 403);
      return;
    }
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      new ApiError("agent-not-found", "no agent with id '" + id + "'", new JsonObject().put("id", id)).send(ctx, 404);
      return;
    }
    monitors.start(AgentId.of(id), mode, device, caller.subject())
        .onSuccess(outcome -> answer(ctx, outcome, id)).onFailure(failure -> unavailable(ctx, failure));
  }

  private void list(RoutingContext ctx) {
    Caller caller = callers.apply(ctx);
    monitors.list().onSuccess(all -> send(ctx, 200, new JsonObject().put("monitors", new JsonArray(all.stream()
        .filter(monitor -> mayWatch(caller, monitor)).map(Monitor::toJson).toList())))).onFailure(ctx::fail);
  }

  private void end(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    Caller caller = callers.apply(ctx);
    monitors.end(id, monitor -> mayWatch(caller, monitor)).onSuccess(outcome -> answer(ctx, outcome, id)).onFailure(failure -> unavailable(ctx, failure));
  }

  private static void answer(RoutingContext ctx, MonitorOutcome outcome, String id) {
    if (outcome instanceof MonitorOutcome.Started started) {
      send(ctx, 202, started.monitor().toJson().put("state", "ringing"));
    } else if (outcome instanceof MonitorOutcome.Ended ended) {
      send(ctx, 202, ended.monitor().toJson().put("state", "ended"));
    } else {
      MonitorOutcome.Refused refused = (MonitorOutcome.Refused) outcome;
      new ApiError(refused.errorId(), refused.message(), new JsonObject().put("id", id)).send(ctx, refused.status());
    }
  }

  /** An admin, or a supervisor of one of the monitored agent's teams. */
  private boolean mayWatch(Caller caller, Monitor monitor) {
    return caller.role() != Role.AGENT && caller.mayActOn(monitor.agent().value(), teams.teamsOf(monitor.agent()
        .value()));
  }

  private static ApiError forbidden(Caller caller, String what) {
    return new ApiError("forbidden", caller.role().wire() + " " + caller.subject() + " may not " + what
        + ": only a supervisor of the agent's team or an admin may", new JsonObject().put("role", caller.role().wire())
        .put("needs", "supervisor"));
  }

  private static void unavailable(RoutingContext ctx, Throwable failure) {
    new ApiError("pbx-unavailable", "the PBX could not be reached: " + failure.getMessage(), new JsonObject())
        .send(ctx, 503);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
