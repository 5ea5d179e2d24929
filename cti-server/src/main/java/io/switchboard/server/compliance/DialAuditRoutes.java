package io.switchboard.server.compliance;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CampaignId;
import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code GET /api/v1/dial-audit?phone=&campaign=&from=&to=&limit=&region=}: the gate's decisions about one number
 * or one campaign, newest first, so an operator can answer "why was this number called at 20:58?". The number may
 * be written any way a person would; without a {@code +} it is read in {@code region} ({@code US} unless given).
 * A bad parameter is a 400 {@code invalid-field} naming it, and nothing is read.
 */
public final class DialAuditRoutes {

  /** The region a number without a country code is read in, unless the request names one. */
  public static final String DEFAULT_REGION = "US";

  private final DialAuditHistory history;

  public DialAuditRoutes(DialAuditHistory history) {
    this.history = history;
  }

  public void mount(Router router) {
    router.get("/api/v1/dial-audit").handler(this::find);
  }

  private void find(RoutingContext ctx) {
    DialAuditQuery query;
    try {
      query = query(ctx);
    } catch (BadParameter bad) {
      ApiError.invalidField(bad.field, bad.getMessage()).send(ctx, 400);
      return;
    }
    history.find(query).onSuccess(rows -> ctx.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("rows", rows).encode())).onFailure(ctx::fail);
  }

  private static DialAuditQuery query(RoutingContext ctx) {
    String region = param(ctx, "region").orElse(DEFAULT_REGION);
    if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
      throw new BadParameter("region", "must be an ISO 3166 region libphonenumber knows, e.g. US or GB");
    }
    Optional<PhoneNumber> phone = param(ctx, "phone").map(input -> {
      try {
        return PhoneNumber.parse(input, region, "phone");
      } catch (IllegalArgumentException e) {
        throw new BadParameter("phone", e.getMessage());
      }
    });
    Optional<CampaignId> campaign = param(ctx, "campaign").map(id -> {
      if (!AgentRequest.IDENTIFIER.matcher(id).matches()) {
        throw new BadParameter("campaign", "campaign ids are 1-64 letters, digits, '.', '_' or '-'");
      }
      return CampaignId.of(id);
    });
    if (phone.isEmpty() && campaign.isEmpty()) {
      throw new BadParameter("phone", "give phone, campaign or both");
    }
    Optional<Instant> from = instant(ctx, "from");
    Optional<Instant> to = instant(ctx, "to");
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new BadParameter("to", "must be after from");
    }
    int limit = param(ctx, "limit").map(text -> {
      try {
        int value = Integer.parseInt(text);
        if (value >= 1 && value <= DialAuditQuery.MAX_LIMIT) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new BadParameter("limit", "must be a whole number from 1 to " + DialAuditQuery.MAX_LIMIT);
    }).orElse(DialAuditQuery.DEFAULT_LIMIT);
    return new DialAuditQuery(phone, campaign, from, to, limit);
  }

  private static Optional<Instant> instant(RoutingContext ctx, String name) {
    return param(ctx, name).map(text -> {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new BadParameter(name, "must be an ISO-8601 instant, e.g. 2026-06-10T00:00:00Z");
      }
    });
  }

  private static Optional<String> param(RoutingContext ctx, String name) {
    return Optional.ofNullable(ctx.queryParams().get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** A query parameter that cannot be used; {@code field} names it. */
  private static final class BadParameter extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String field;

    BadParameter(String field, String reason) {
      super(reason, null, false, false);
      this.field = field;
    }
  }
}
