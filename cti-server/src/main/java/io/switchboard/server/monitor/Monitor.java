package io.switchboard.server.monitor;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.port.MonitorMode;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Locale;

/**
 * A supervisor on an agent's call: their phone ({@code device}) was rung on {@code supervisorLeg}, a leg of its
 * own on the call's PBX, and joins the call in {@code mode} when they answer.
 *
 * @param id            the monitor's id in the API, {@code sb-<hex>}: the supervisor leg's id without the PBX
 * @param supervisor    who asked for it (the caller's subject)
 */
public record Monitor(String id, AgentId agent, CallId call, LegId supervisorLeg, MonitorMode mode, String device,
    String supervisor, Instant startedAt) {

  /** As {@code GET /api/v1/monitors} lists it (schema {@code Monitor}). */
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("agentId", agent.value()).put("callId", call.value())
        .put("legId", supervisorLeg.value()).put("mode", mode.name().toLowerCase(Locale.ROOT))
        .put("device", device).put("supervisor", supervisor).put("startedAt", startedAt.toString());
  }
}
