package io.switchboard.server.routing;

import io.switchboard.core.id.AgentId;
import io.switchboard.queue.dialer.PreviewDesk;
import io.switchboard.server.cluster.OwnerRequests;
import io.switchboard.server.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;

/**
 * A preview campaign's agent and the lead offered to them: {@code GET /api/v1/agents/{id}/preview} shows it,
 * {@code POST .../preview/dial} dials it (through the compliance gate, at that moment), {@code POST .../preview/skip}
 * gives it back. With no lead offered the answer is 404 {@code no-preview}.
 *
 * <p>In a cluster the offers are held by the node that dials (the owner of the first PBX, docs/cluster.md): on
 * another node the three are asked of that node ({@link OwnerRequests} of kind {@value #KIND}) and answered as it
 * answered.
 */
public final class PreviewRoutes {

  static final String KIND = "preview";

  /** What the routes ask of the preview desk; each answer is {@code {status, body}} or an error's JSON. */
  interface Previews {
    /** The lead offered to {@code agent}. */
    Future<JsonObject> show(AgentId agent);

    /** Dials ({@code dial}) or skips the lead offered to {@code agent}. */
    Future<JsonObject> choose(AgentId agent, boolean dial);
  }

  private final Previews previews;

  /** A node on its own: the offers are this node's. */
  public PreviewRoutes(CampaignDialing dialing) {
    this.previews = new Here(dialing);
  }

  /**
   * In a cluster: this node's offers while {@code dialsHere}, else those of the owner of {@code dialerPbx} (the
   * first PBX), asked through {@code owners}; this node answers such requests when it dials.
   */
  public PreviewRoutes(CampaignDialing dialing, OwnerRequests owners, Optional<String> dialerPbx,
      BooleanSupplier dialsHere) {
    this.previews = throughDialer(new Here(dialing), owners, dialerPbx, dialsHere);
  }

  /** {@code here} while {@code dialsHere}, else the dialing node's answers; {@code here} answers that node's asks. */
  static Previews throughDialer(Previews here, OwnerRequests owners, Optional<String> dialerPbx,
      BooleanSupplier dialsHere) {
    owners.serve(KIND, request -> {
      AgentId agent = AgentId.of(request.getString("agentId"));
      String op = String.valueOf(request.getValue("op"));
      return switch (op) {
        case "show" -> here.show(agent);
        case "dial", "skip" -> here.choose(agent, op.equals("dial"));
        default -> throw new IllegalArgumentException("op must be show, dial or skip, not '" + op + "'");
      };
    });
    return new Previews() {
      @Override
      public Future<JsonObject> show(AgentId agent) {
        return local() ? here.show(agent) : ask(agent, "show");
      }

      @Override
      public Future<JsonObject> choose(AgentId agent, boolean dial) {
        return local() ? here.choose(agent, dial) : ask(agent, dial ? "dial" : "skip");
      }

      private boolean local() {
        return dialerPbx.isEmpty() || dialsHere.getAsBoolean();
      }

      private Future<JsonObject> ask(AgentId agent, String op) {
        return owners.ask(dialerPbx.get(), KIND, new JsonObject().put("op", op).put("agentId", agent.value()));
      }
    };
  }

  public void mount(Router router) {
    router.get("/api/v1/agents/:id/preview").handler(ctx -> answer(ctx, previews.show(agent(ctx))));
    router.post("/api/v1/agents/:id/preview/dial").handler(ctx -> answer(ctx, previews.choose(agent(ctx), true)));
    router.post("/api/v1/agents/:id/preview/skip").handler(ctx -> answer(ctx, previews.choose(agent(ctx), false)));
  }

  private static AgentId agent(RoutingContext ctx) {
    return AgentId.of(ctx.pathParam("id"));
  }

  private static void answer(RoutingContext ctx, Future<JsonObject> answer) {
    answer.onSuccess(json -> {
      int status = json.getInteger("status", 200);
      if (json.containsKey("body")) {
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json")
            .end(json.getJsonObject("body").encode());
      } else {
        new ApiError(json.getString("errorId"), json.getString("message"), json.getJsonObject("details",
            new JsonObject())).send(ctx, status);
      }
    }).onFailure(ctx::fail);
  }

  /** This node's own offers, read and changed on the routing context. */
  private static final class Here implements Previews {
    private final CampaignDialing dialing;

    Here(CampaignDialing dialing) {
      this.dialing = dialing;
    }

    @Override
    public Future<JsonObject> show(AgentId agent) {
      Promise<JsonObject> shown = Promise.promise();
      dialing.onContext(() -> {
        Optional<PreviewDesk.Offer> offer = dialing.preview().offerFor(agent);
        if (offer.isEmpty()) {
          shown.complete(noPreview(agent));
          return;
        }
        PreviewDesk.Offer o = offer.get();
        JsonObject attributes = new JsonObject();
        o.lead().attributes().forEach(attributes::put);
        shown.complete(ok(new JsonObject()
            .put("agentId", agent.value())
            .put("campaignId", o.lead().campaign().value())
            .put("leadId", o.lead().id().value())
            .put("phone", o.lead().number().e164())
            .put("attempts", o.lead().attempts())
            .put("attributes", attributes)
            .put("offeredAt", o.offeredAt().toString())
            .put("expiresAt", o.expiresAt().toString())));
      });
      return shown.future();
    }

    @Override
    public Future<JsonObject> choose(AgentId agent, boolean dial) {
      BiFunction<PreviewDesk, AgentId, CompletionStage<PreviewDesk.Choice>> choice = dial ? PreviewDesk::dial
          : PreviewDesk::skip;
      Promise<JsonObject> chosen = Promise.promise();
      dialing.onContext(() -> choice.apply(dialing.preview(), agent).whenComplete((made, failure) -> {
        if (failure != null) {
          chosen.fail(failure);
        } else if (made instanceof PreviewDesk.Choice.NoOffer) {
          chosen.complete(noPreview(agent));
        } else {
          JsonObject body = new JsonObject().put("agentId", agent.value());
          if (made instanceof PreviewDesk.Choice.NotDialled not) {
            body.put("result", "not-dialled").put("reason", not.reason());
          } else {
            body.put("result", "dialled");
          }
          chosen.complete(ok(body));
        }
      }));
      return chosen.future();
    }
  }

  private static JsonObject ok(JsonObject body) {
    return new JsonObject().put("status", 200).put("body", body);
  }

  private static JsonObject noPreview(AgentId agent) {
    return new JsonObject().put("status", 404).put("errorId", "no-preview").put("message", "agent '" + agent.value()
        + "' has no lead offered").put("details", new JsonObject().put("agentId", agent.value()));
  }
}
