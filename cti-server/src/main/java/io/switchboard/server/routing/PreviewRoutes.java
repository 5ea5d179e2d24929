package io.switchboard.server.routing;

import io.switchboard.core.id.AgentId;
import io.switchboard.queue.dialer.PreviewDesk;
import io.switchboard.server.http.ApiError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * A preview campaign's agent and the lead offered to them: {@code GET /api/v1/agents/{id}/preview} shows it,
 * {@code POST .../preview/dial} dials it (through the compliance gate, at that moment), {@code POST .../preview/skip}
 * gives it back. With no lead offered the answer is 404 {@code no-preview}.
 */
public final class PreviewRoutes {

  private final CampaignDialing dialing;

  public PreviewRoutes(CampaignDialing dialing) {
    this.dialing = dialing;
  }

  public void mount(Router router) {
    router.get("/api/v1/agents/:id/preview").handler(this::show);
    router.post("/api/v1/agents/:id/preview/dial").handler(ctx -> choose(ctx, PreviewDesk::dial));
    router.post("/api/v1/agents/:id/preview/skip").handler(ctx -> choose(ctx, PreviewDesk::skip));
  }

  private void show(RoutingContext ctx) {
    AgentId agent = AgentId.of(ctx.pathParam("id"));
    dialing.onContext(() -> {
      Optional<PreviewDesk.Offer> offer = dialing.preview().offerFor(agent);
      if (offer.isEmpty()) {
        noPreview(ctx, agent);
        return;
      }
      PreviewDesk.Offer o = offer.get();
      JsonObject attributes = new JsonObject();
      o.lead().attributes().forEach(attributes::put);
      ctx.response().putHeader("content-type", "application/json").end(new JsonObject()
          .put("agentId", agent.value())
          .put("campaignId", o.lead().campaign().value())
          .put("leadId", o.lead().id().value())
          .put("phone", o.lead().number().e164())
          .put("attempts", o.lead().attempts())
          .put("attributes", attributes)
          .put("offeredAt", o.offeredAt().toString())
          .put("expiresAt", o.expiresAt().toString())
          .encode());
    });
  }

  private void choose(RoutingContext ctx, BiFunction<PreviewDesk, AgentId, CompletionStage<PreviewDesk.Choice>> choice) {
    AgentId agent = AgentId.of(ctx.pathParam("id"));
    dialing.onContext(() -> choice.apply(dialing.preview(), agent).whenComplete((made, failure) -> {
      if (failure != null) {
        ctx.fail(failure);
      } else if (made instanceof PreviewDesk.Choice.NoOffer) {
        noPreview(ctx, agent);
      } else {
        JsonObject body = new JsonObject().put("agentId", agent.value());
        if (made instanceof PreviewDesk.Choice.NotDialled not) {
          body.put("result", "not-dialled").put("reason", not.reason());
        } else {
          body.put("result", "dialled");
        }
        ctx.response().putHeader("content-type", "application/json").end(body.encode());
      }
    }));
  }

  private static void noPreview(RoutingContext ctx, AgentId agent) {
    new ApiError("no-preview", "agent '" + agent.value() + "' has no lead offered",
        new JsonObject().put("agentId", agent.value())).send(ctx, 404);
  }
}
