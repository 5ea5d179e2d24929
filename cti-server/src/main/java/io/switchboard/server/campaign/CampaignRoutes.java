package io.switchboard.server.campaign;

import io.switchboard.core.id.CampaignId;
import io.switchboard.queue.dialer.CampaignSettings.CampaignState;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.function.Function;

/**
 * {@code /api/v1/campaigns}: create, list, read, replace and delete campaigns, and start, pause or complete them
 * ({@code DRAFT}/{@code PAUSED} to {@code RUNNING} to {@code PAUSED}; any but {@code COMPLETED} to
 * {@code COMPLETED}, which is final). A refused request changes nothing; its error names the field. Lists and
 * leads are {@link LeadRoutes}.
 */
public final class CampaignRoutes {


  private final JooqCampaigns campaigns;
  private final JooqCampaignLeads leads;
  private final JooqLeadQueue queue;
  private final Clock clock;

  /** {@code clock} stamps agents' dispositions. */
  public CampaignRoutes(JooqCampaigns campaigns, JooqCampaignLeads leads, JooqLeadQueue queue, Clock clock) {
    this.campaigns = campaigns;
    this.leads = leads;
    this.queue = queue;
    this.clock = clock;
  }

  /** Mounts these routes and {@link LeadRoutes}. */
  public void mount(Router router) {
    router.post("/api/v1/campaigns").handler(ctx -> write(ctx, CampaignRequest::create,
        campaigns::create, 201));
    router.get("/api/v1/campaigns").handler(this::list);
    router.get("/api/v1/campaigns/:id").handler(this::find);
    router.put("/api/v1/campaigns/:id").handler(ctx -> write(ctx,
        json -> CampaignRequest.replace(ctx.pathParam("id"), json), campaigns::replace, 200));
    router.delete("/api/v1/campaigns/:id").handler(ctx -> withId(ctx, id -> campaigns.delete(id)
        .onSuccess(outcome -> {
          if (outcome instanceof CampaignWrite.Saved) {
            ctx.response().setStatusCode(204).end();
          } else {
            Replies.refuse(ctx, "campaign", outcome);
          }
        }).onFailure(ctx::fail)));
    router.post("/api/v1/campaigns/:id/start").handler(ctx -> move(ctx, CampaignState.RUNNING));
    router.post("/api/v1/campaigns/:id/pause").handler(ctx -> move(ctx, CampaignState.PAUSED));
    router.post("/api/v1/campaigns/:id/complete").handler(ctx -> move(ctx, CampaignState.COMPLETED));
    new LeadRoutes(leads, queue, clock).mount(router);
  }

  /** Calls {@code then} with the path's campaign id, or answers 404 for an id no campaign can have. */
  static void withId(RoutingContext ctx, java.util.function.Consumer<CampaignId> then) {
    String id = ctx.pathParam("id");
    if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
      Replies.notFound(ctx, "campaign", id);
    } else {
      then.accept(CampaignId.of(id));
    }
  }

  private void list(RoutingContext ctx) {
    campaigns.definitions().onSuccess(all -> {
      JsonArray items = new JsonArray();
      all.forEach(campaign -> items.add(CampaignJson.of(campaign)));
      Replies.send(ctx, 200, new JsonObject().put("campaigns", items));
    }).onFailure(ctx::fail);
  }

  private void find(RoutingContext ctx) {
    withId(ctx, id -> campaigns.definition(id).onSuccess(found -> found.ifPresentOrElse(
        campaign -> Replies.send(ctx, 200, CampaignJson.of(campaign)),
        () -> Replies.notFound(ctx, "campaign", id.value()))).onFailure(ctx::fail));
  }

  private void write(RoutingContext ctx, Function<JsonObject, CampaignRequest.Parsed> parse,
      Function<CampaignDefinition, Future<CampaignWrite>> store, int status) {
    JsonObject body = Replies.object(ctx, "campaign");
    if (body == null) {
      return;
    }
    CampaignRequest.Parsed parsed = parse.apply(body);
    if (parsed instanceof CampaignRequest.Invalid invalid) {
      ApiError.invalidField(invalid.field(), invalid.reason()).send(ctx, 400);
      return;
    }
    CampaignDefinition campaign = ((CampaignRequest.Valid) parsed).campaign();
    CampaignId id = campaign.settings().campaign().id();
    store.apply(campaign).compose(outcome -> outcome instanceof CampaignWrite.Saved
        ? campaigns.definition(id).map(stored -> (Object) stored.orElseThrow()) : Future.succeededFuture(outcome))
        .onSuccess(result -> {
          if (result instanceof CampaignDefinition stored) {
            ctx.response().putHeader("location", "/api/v1/campaigns/" + id.value());
            Replies.send(ctx, status, CampaignJson.of(stored));
          } else {
            Replies.refuse(ctx, "campaign", (CampaignWrite) result);
          }
        }).onFailure(ctx::fail);
  }

  private void move(RoutingContext ctx, CampaignState to) {
    withId(ctx, id -> campaigns.move(id, to).compose(outcome -> outcome instanceof CampaignWrite.Saved
        ? campaigns.definition(id).map(stored -> (Object) stored.orElseThrow()) : Future.succeededFuture(outcome))
        .onSuccess(result -> {
          if (result instanceof CampaignDefinition stored) {
            Replies.send(ctx, 200, CampaignJson.of(stored));
          } else {
            Replies.refuse(ctx, "campaign", (CampaignWrite) result);
          }
        }).onFailure(ctx::fail));
  }
}
