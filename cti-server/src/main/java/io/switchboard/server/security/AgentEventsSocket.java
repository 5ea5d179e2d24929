package io.switchboard.server.security;

import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * The agent's event socket, {@code GET /api/v1/agents/{id}/events} (WebSocket, {@link Rule#AGENT_SELF}): after the
 * auth frame it relays each screen pop published at {@code switchboard.agent.<id>.pop} as
 * {@code {"type":"pop", ...}}, and every JSON object with a {@code type} published at
 * {@code switchboard.agent.<id>.events} as it is. The event bus is the cluster's, so a pop made on another node
 * reaches the agent's socket here.
 */
public final class AgentEventsSocket {

  private final Vertx vertx;
  private final SocketAuth auth;

  AgentEventsSocket(Vertx vertx, SocketAuth auth) {
    this.vertx = vertx;
    this.auth = auth;
  }

  /** Where pops for {@code agent} are published. */
  static String pops(String agent) {
    return "switchboard.agent." + agent + ".pop";
  }

  /**
   * Where the socket asks, once it is ready, for the agent's snapshot (a request with the agent's id; a local
   * consumer answers a JSON object with a {@code type}, written to the socket first). No answer, no snapshot.
   */
  public static final String SNAPSHOTS = "switchboard.agent.snapshot";

  /** Where other agent events for {@code agent} are published. */
  public static String events(String agent) {
    return "switchboard.agent." + agent + ".events";
  }

  void mount(Router router) {
    router.get("/api/v1/agents/:id/events").handler(this::open);
  }

  private void open(RoutingContext ctx) {
    String agent = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(agent).matches()) {
      ApiError.invalidField("id", "agent ids are 1-64 letters, digits, '.', '_' or '-'").send(ctx, 400);
      return;
    }
    if (!ctx.request().canUpgradeToWebSocket()) {
      new ApiError("websocket-required", ctx.request().path() + " is a WebSocket; connect with an Upgrade request",
          new JsonObject()).send(ctx, 400);
      return;
    }
    ctx.request().toWebSocket().onSuccess(socket -> auth.accept(socket, Rule.AGENT_SELF, Map.of("id", agent))
        .onSuccess(caller -> {
          List<MessageConsumer<Object>> consumers = List.of(
              vertx.eventBus().consumer(pops(agent), message -> {
                if (message.body() instanceof JsonObject pop) {
                  socket.writeTextMessage(pop.copy().put("type", "pop").encode());
                }
              }),
              vertx.eventBus().consumer(events(agent), message -> {
                if (message.body() instanceof JsonObject event && event.getValue("type") instanceof String) {
                  socket.writeTextMessage(event.encode());
                }
              }));
          socket.closeHandler(v -> consumers.forEach(MessageConsumer::unregister));
          vertx.eventBus().request(SNAPSHOTS, agent, new DeliveryOptions().setSendTimeout(5_000)).onSuccess(reply -> {
            if (reply.body() instanceof JsonObject snapshot && snapshot.getValue("type") instanceof String) {
              socket.writeTextMessage(snapshot.encode());
            }
          });
        })).onFailure(ctx::fail);
  }
}
