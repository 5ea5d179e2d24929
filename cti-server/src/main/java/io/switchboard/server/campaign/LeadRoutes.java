package io.switchboard.server.campaign;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.switchboard.server.queue.JsonFields.BadField;
import io.switchboard.server.queue.JsonFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's lists ({@code /api/v1/campaigns/{id}/lists}), its leads ({@code .../leads}: add a few, page through
 * them) and an agent's disposition of a connected lead ({@code .../leads/{leadId}/disposition}). A refused
 * request changes nothing; its error names the field.
 */
final class LeadRoutes {

  private static final Set<String> LIST_FIELDS = Set.of("id", "name", "priority", "mixWeight", "active");
  private static final Set<String> DISPOSITION_FIELDS = Set.of("disposition", "callbackAt", "callbackAgent");
  private static final int DEFAULT_PAGE = 100;
  private static final int MAX_PAGE = 1000;

  private final JooqCampaignLeads leads;
  private final JooqLeadQueue queue;
  private final Clock clock;

  LeadRoutes(JooqCampaignLeads leads, JooqLeadQueue queue, Clock clock) {
    this.leads = leads;
    this.queue = queue;
    this.clock = clock;
  }

  void mount(Router router) {
    router.post("/api/v1/campaigns/:id/lists").handler(ctx -> writeList(ctx, true));
    router.get("/api/v1/campaigns/:id/lists").handler(this::lists);
    router.put("/api/v1/campaigns/:id/lists/:listId").handler(ctx -> writeList(ctx, false));
    router.delete("/api/v1/campaigns/:id/lists/:listId").handler(ctx -> CampaignRoutes.withId(ctx, id ->
        leads.deleteList(id, ctx.pathParam("listId")).onSuccess(outcome -> {
          if (outcome instanceof CampaignWrite.Saved) {
            ctx.response().setStatusCode(204).end();
          } else {
            Replies.refuse(ctx, "list", outcome);
          }
        }).onFailure(ctx::fail)));
    router.post("/api/v1/campaigns/:id/leads").handler(this::add);
    router.get("/api/v1/campaigns/:id/leads").handler(this::page);
    router.post("/api/v1/campaigns/:id/leads/:leadId/disposition").handler(this::dispose);
  }

  private void lists(RoutingContext ctx) {
    CampaignRoutes.withId(ctx, id -> leads.lists(id).onSuccess(found -> found.ifPresentOrElse(all -> {
      JsonArray items = new JsonArray();
      all.forEach(list -> items.add(json(list)));
      Replies.send(ctx, 200, new JsonObject().put("lists", items));
    }, () -> Replies.notFound(ctx, "campaign", id.value()))).onFailure(ctx::fail));
  }

  private void writeList(RoutingContext ctx, boolean create) {
    CampaignRoutes.withId(ctx, id -> {
      JsonObject body = Replies.object(ctx, "list");
      if (body == null) {
        return;
      }
      LeadList list;
      try {
        list = list(body, create ? Optional.empty() : Optional.of(ctx.pathParam("listId")));
      } catch (BadField bad) {
        ApiError.invalidField(bad.field, bad.getMessage()).send(ctx, 400);
        return;
      }
      (create ? leads.createList(id, list) : leads.replaceList(id, list)).onSuccess(outcome -> {
        if (outcome instanceof CampaignWrite.Saved) {
          Replies.send(ctx, create ? 201 : 200, json(list));
        } else {
          Replies.refuse(ctx, "list", outcome);
        }
      }).onFailure(ctx::fail);
    });
  }

  private static LeadList list(JsonObject body, Optional<String> pathId) {
    JsonFields fields = new JsonFields(body, "", LIST_FIELDS);
    String id = fields.text("id", 64, pathId.orElse(null));
    if (id == null || !AgentRequest.IDENTIFIER.matcher(id).matches()) {
      throw new BadField("id", "required: 1-64 letters, digits, '.', '-' or '_', starting with a letter or digit");
    }
    if (pathId.isPresent() && !pathId.get().equals(id)) {
      throw new BadField("id", "must be the id in the path, '" + pathId.get() + "'");
    }
    return new LeadList(id, fields.text("name", 128, id), fields.integer("priority", -1000, 1000, 0),
        fields.integer("mixWeight", 1, 1000, 1), fields.bool("active", true));
  }

  private static JsonObject json(LeadList list) {
    return new JsonObject().put("id", list.id()).put("name", list.name()).put("priority", list.priority())
        .put("mixWeight", list.mixWeight()).put("active", list.active());
  }

  private void add(RoutingContext ctx) {
    CampaignRoutes.withId(ctx, id -> {
      JsonArray body = Replies.array(ctx, "leads");
      if (body == null) {
        return;
      }
      leads.defaultRegion(id).onSuccess(region -> {
        if (region.isEmpty()) {
          Replies.notFound(ctx, "campaign", id.value());
          return;
        }
        List<NewLead> parsed;
        try {
          parsed = LeadRequest.parse(body, region.get());
        } catch (BadField bad) {
          ApiError.invalidField(bad.field, bad.getMessage()).send(ctx, 400);
          return;
        }
        leads.add(id, parsed).onSuccess(outcome -> {
          if (outcome instanceof CampaignWrite.Saved) {
            Replies.send(ctx, 201, new JsonObject().put("added", parsed.size()));
          } else {
            Replies.refuse(ctx, "lead", outcome);
          }
        }).onFailure(ctx::fail);
      }).onFailure(ctx::fail);
    });
  }

  private void page(RoutingContext ctx) {
    CampaignRoutes.withId(ctx, id -> {
      Optional<LeadState> state;
      long after;
      int limit;
      try {
        state = Optional.ofNullable(ctx.queryParams().get("state")).map(LeadRoutes::state);
        after = number(ctx.queryParams().get("after"), "after", 0, Long.MAX_VALUE, 0);
        limit = (int) number(ctx.queryParams().get("limit"), "limit", 1, MAX_PAGE, DEFAULT_PAGE);
      } catch (BadField bad) {
        ApiError.invalidField(bad.field, bad.getMessage()).send(ctx, 400);
        return;
      }
      leads.page(id, state, after, limit).onSuccess(found -> found.ifPresentOrElse(page -> {
        JsonObject answer = new JsonObject().put("leads", new JsonArray(page));
        if (page.size() == limit) {
          answer.put("next", page.get(page.size() - 1).getString("id"));
        }
        Replies.send(ctx, 200, answer);
      }, () -> Replies.notFound(ctx, "campaign", id.value()))).onFailure(ctx::fail);
    });
  }

  private static LeadState state(String slug) {
    for (LeadState state : LeadState.values()) {
      if (state.slug().equals(slug)) {
        return state;
      }
    }
    throw new BadField("state", "unknown lead state '" + slug + "'; one of new, scheduled, callback, dialing,"
        + " completed, exhausted, failed, dnc");
  }

  private static long number(String text, String field, long min, long max, long absent) {
    if (text == null) {
      return absent;
    }
    try {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadField(field, "must be a whole number from " + min + " to " + max);
  }

  private void dispose(RoutingContext ctx) {
    CampaignRoutes.withId(ctx, id -> {
      JsonObject body = Replies.object(ctx, "disposition");
      if (body == null) {
        return;
      }
      LeadId lead = LeadId.of(ctx.pathParam("leadId"));
      String disposition;
      Optional<Instant> callbackAt;
      Optional<AgentId> callbackAgent;
      try {
        JsonFields fields = new JsonFields(body, "", DISPOSITION_FIELDS);
        disposition = fields.text("disposition", 32, null);
        if (disposition == null || !disposition.matches("[a-z0-9][a-z0-9-]{0,31}")) {
          throw new BadField("disposition", "required: a lower-case slug, e.g. sale or not-interested");
        }
        callbackAt = Optional.ofNullable(fields.text("callbackAt", 64, null)).map(LeadRoutes::instant);
        callbackAgent = Optional.ofNullable(fields.text("callbackAgent", 64, null)).map(agent -> {
          if (!AgentRequest.IDENTIFIER.matcher(agent).matches()) {
            throw new BadField("callbackAgent", "must be an agent id");
          }
          return AgentId.of(agent);
        });
        if (callbackAgent.isPresent() && callbackAt.isEmpty()) {
          throw new BadField("callbackAt", "required when callbackAgent is given");
        }
      } catch (BadField bad) {
        ApiError.invalidField(bad.field, bad.getMessage()).send(ctx, 400);
        return;
      }
      leads.holds(id, lead).compose(held -> !held ? io.vertx.core.Future.succeededFuture((Boolean) null)
          : queue.disposeConnected(lead, disposition, callbackAt, callbackAgent, clock.instant()))
          .onSuccess(done -> {
            if (done == null) {
              Replies.notFound(ctx, "lead", lead.value());
            } else if (!done) {
              new ApiError("lead-not-connected", "lead '" + lead.value() + "' is not on a connected call",
                  new JsonObject().put("field", "leadId").put("id", lead.value())).send(ctx, 409);
            } else {
              ctx.response().setStatusCode(204).end();
            }
          }).onFailure(ctx::fail);
    });
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadField("callbackAt", "must be an ISO 8601 instant, e.g. 2026-11-24T15:00:00Z");
    }
  }
}
