package io.switchboard.server.leadimport;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.jooq.tables.records.DncEntriesRecord;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/dnc}: one opt-out at a time. {@code POST} adds an internal entry (or, with {@code campaignId},
 * that campaign's) and at once moves the number's leads not yet dialled to {@code dnc}; {@code GET /{phone}}
 * says which lists hold a number; {@code DELETE /{phone}} removes internal or campaign entries only (an imported
 * list changes only by importing it again).
 */
final class DncRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(DncRoutes.class);
  private static final Set<String> FIELDS = Set.of("phone", "campaignId", "reason", "region");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");
  private static final int MAX_REASON = 256;

  private final Database database;
  private final Clock clock;

  DncRoutes(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  void mount(Router router) {
    router.post("/api/v1/dnc").handler(this::add);
    router.get("/api/v1/dnc/:phone").handler(this::find);
    router.delete("/api/v1/dnc/:phone").handler(this::delete);
  }

  private void add(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      ApiError.invalidField("$", "the body must be a JSON object").send(ctx, 400);
      return;
    }
    if (body == null) {
      ApiError.invalidField("$", "the body must be a JSON object").send(ctx, 400);
      return;
    }
    Optional<String> unknown = body.fieldNames().stream().filter(f -> !FIELDS.contains(f)).sorted().findFirst();
    if (unknown.isPresent()) {
      ApiError.invalidField(unknown.get(), "unknown field; allowed: campaignId, phone, reason, region").send(ctx, 400);
      return;
    }
    Object region = body.getValue("region", "US");
    if (!(region instanceof String r) || !REGION.matcher(r).matches()) {
      ApiError.invalidField("region", "must be an ISO 3166 region such as US or GB").send(ctx, 400);
      return;
    }
    Optional<PhoneNumber> phone = phone(ctx, body.getValue("phone"), r);
    Object campaign = body.getValue("campaignId");
    Object reason = body.getValue("reason");
    if (phone.isEmpty()) {
      return;
    }
    if (campaign != null && !(campaign instanceof String c && AgentRequest.IDENTIFIER.matcher(c).matches())) {
      ApiError.invalidField("campaignId", "must be a campaign id").send(ctx, 400);
      return;
    }
    if (reason != null && !(reason instanceof String text && text.length() <= MAX_REASON)) {
      ApiError.invalidField("reason", "must be text of at most " + MAX_REASON + " characters").send(ctx, 400);
      return;
    }
    Optional<String> campaignId = Optional.ofNullable((String) campaign);
    database.query(dsl -> dsl.transactionResult(tx -> campaignId.isPresent()
            && !DncRows.campaignExists(tx.dsl(), campaignId.get()) ? null
            : DncRows.add(tx.dsl(), phone.get().e164(), campaignId, Optional.ofNullable((String) reason),
                clock.instant())))
        .onSuccess(added -> {
          if (added == null) {
            new ApiError("campaign-not-found", "no campaign '" + campaignId.get() + "'",
                new JsonObject().put("field", "campaignId")).send(ctx, 404);
            return;
          }
          LOG.info("event=dnc-opt-out phone={} campaign={} added={} leadsMoved={}", phone.get().masked(),
              campaignId.orElse("-"), added.added(), added.leadsMoved());
          ImportRoutes.send(ctx, added.added() ? 201 : 200, new JsonObject().put("phone", phone.get().e164())
              .put("source", campaignId.isPresent() ? DncRows.CAMPAIGN : DncRows.INTERNAL)
              .put("campaignId", campaignId.orElse(null)).put("reason", reason)
              .put("added", added.added()).put("leadsMoved", added.leadsMoved()));
        }).onFailure(ctx::fail);
  }

  private void find(RoutingContext ctx) {
    Optional<PhoneNumber> phone = phone(ctx, ctx.pathParam("phone"), region(ctx));
    if (phone.isEmpty()) {
      return;
    }
    database.query(dsl -> DncRows.find(dsl, phone.get().e164())).onSuccess(found -> {
      JsonArray lists = new JsonArray();
      found.forEach(entry -> lists.add(json(entry)));
      ImportRoutes.send(ctx, 200, new JsonObject().put("phone", phone.get().e164()).put("onDnc", !found.isEmpty())
          .put("entries", lists));
    }).onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    Optional<PhoneNumber> phone = phone(ctx, ctx.pathParam("phone"), region(ctx));
    String campaign = ctx.queryParams().get("campaignId");
    if (phone.isEmpty()) {
      return;
    }
    if (campaign != null && !AgentRequest.IDENTIFIER.matcher(campaign).matches()) {
      ApiError.invalidField("campaignId", "must be a campaign id").send(ctx, 400);
      return;
    }
    String e164 = phone.get().e164();
    database.query(dsl -> dsl.transactionResult(tx -> {
      int deleted = DncRows.deleteOwn(tx.dsl(), e164, Optional.ofNullable(campaign));
      return deleted > 0 ? List.<DncEntriesRecord>of() : DncRows.find(tx.dsl(), e164);
    })).onSuccess(left -> {
      if (left.isEmpty()) {
        LOG.info("event=dnc-entry-deleted phone={} campaign={}", phone.get().masked(), campaign == null ? "-" : campaign);
        ctx.response().setStatusCode(204).end();
      } else {
        new ApiError("dnc-entry-imported", "no " + (campaign == null ? "internal" : "campaign '" + campaign + "'")
            + " entry holds this number; imported lists change only by importing them again",
            new JsonObject().put("field", "phone")).send(ctx, 409);
      }
    }).onFailure(ctx::fail);
  }

  private static String region(RoutingContext ctx) {
    return Optional.ofNullable(ctx.queryParams().get("region")).orElse("US");
  }

  /** {@code value} as a number; empty when the request was answered 400. */
  private static Optional<PhoneNumber> phone(RoutingContext ctx, Object value, String region) {
    if (!REGION.matcher(region).matches()) {
      ApiError.invalidField("region", "must be an ISO 3166 region such as US or GB").send(ctx, 400);
      return Optional.empty();
    }
    if (!(value instanceof String text) || text.isBlank()) {
      ApiError.invalidField("phone", "is required: a phone number, E.164 or national in 'region'").send(ctx, 400);
      return Optional.empty();
    }
    try {
      return Optional.of(PhoneNumber.parse(text, region, "phone"));
    } catch (IllegalArgumentException e) {
      ApiError.invalidField("phone", e.getMessage()).send(ctx, 400);
      return Optional.empty();
    }
  }

  private static JsonObject json(DncEntriesRecord entry) {
    return new JsonObject().put("source", entry.getSource()).put("campaignId", entry.getCampaignId())
        .put("reason", entry.getReason()).put("addedAt", entry.getAddedAt().toString())
        .put("expiresAt", entry.getExpiresAt() == null ? null : entry.getExpiresAt().toString());
  }
}
