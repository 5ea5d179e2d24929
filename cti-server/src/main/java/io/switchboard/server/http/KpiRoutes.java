package io.switchboard.server.http;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.kpi.KpiJson;
import io.switchboard.server.kpi.KpiStream;
import io.switchboard.server.kpi.LiveKpis;
import io.vertx.core.json.JsonObject;
import io.switchboard.server.security.Rule;
import io.switchboard.server.security.SocketAuth;
import io.vertx.ext.web.Router;
import java.util.Map;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.function.Function;

/**
 * Live KPIs: {@code /api/v1/kpis} (every queue and agent), {@code /api/v1/queues/{id}/kpis},
 * {@code /api/v1/agents/{id}/kpis} and the WebSocket {@code /api/v1/kpis/stream}. A queue or agent this node
 * has not seen yet reads as zeros. Reads take the engine's lock for a few microseconds; nothing blocks.
 */
final class KpiRoutes {

  private final LiveKpis kpis;
  private final KpiStream stream;

  private final SocketAuth sockets;

  KpiRoutes(LiveKpis kpis, KpiStream stream, SocketAuth sockets) {
    this.kpis = kpis;
    this.stream = stream;
    this.sockets = sockets;
  }

  void mount(Router router) {
    router.get("/api/v1/kpis/stream").handler(this::stream);
    router.get("/api/v1/kpis").handler(ctx -> send(ctx, KpiJson.all(Instant.now(), kpis.queues(), kpis.agents())));
    router.get("/api/v1/queues/:id/kpis").handler(ctx -> withId(ctx, "queue",
        id -> KpiJson.queue(kpis.queue(QueueId.of(id)))));
    router.get("/api/v1/agents/:id/kpis").handler(ctx -> withId(ctx, "agent",
        id -> KpiJson.agent(kpis.agent(AgentId.of(id)))));
  }

  private void stream(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      new ApiError("websocket-required", "/api/v1/kpis/stream is a WebSocket; connect with an Upgrade request",
          new JsonObject()).send(ctx, 400);
      return;
    }
    ctx.request().toWebSocket().onSuccess(socket -> sockets.accept(socket, Rule.SUPERVISOR, Map.of())
        .onSuccess(caller -> stream.accept(socket))).onFailure(ctx::fail);
  }

  private static void withId(RoutingContext ctx, String kind, Function<String, JsonObject> read) {
    String id = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      ApiError.invalidField("id", kind + " ids are 1-64 letters, digits, '.', '_' or '-'").send(ctx, 400);
      return;
    }
    send(ctx, read.apply(id));
  }

  private static void send(RoutingContext ctx, JsonObject body) {
    ctx.response().putHeader("content-type", "application/json").end(body.encode());
  }
}
