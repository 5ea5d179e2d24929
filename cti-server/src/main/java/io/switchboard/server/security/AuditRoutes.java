package io.switchboard.server.security;

import io.switchboard.server.http.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code GET /api/v1/audit?actor=&since=&limit=} (admin): the admin audit, newest first. */
final class AuditRoutes {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final JooqAdminAudit audit;

  AuditRoutes(JooqAdminAudit audit) {
    this.audit = audit;
  }

  void mount(Router router) {
    router.get("/api/v1/audit").handler(this::find);
  }

  private void find(RoutingContext ctx) {
    Optional<String> actor = Optional.ofNullable(ctx.queryParams().get("actor")).filter(a -> !a.isBlank());
    Optional<Instant> since;
    try {
      since = Optional.ofNullable(ctx.queryParams().get("since")).map(Instant::parse);
    } catch (DateTimeParseException e) {
      ApiError.invalidField("since", "must be a UTC instant, e.g. 2026-11-24T00:00:00Z").send(ctx, 400);
      return;
    }
    int limit;
    try {
      limit = Optional.ofNullable(ctx.queryParams().get("limit")).map(Integer::parseInt).orElse(DEFAULT_LIMIT);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      ApiError.invalidField("limit", "must be between 1 and " + MAX_LIMIT).send(ctx, 400);
      return;
    }
    audit.find(actor, since, limit).onSuccess(entries -> ctx.response().putHeader("content-type", "application/json")
        .end(new JsonObject().put("entries", new JsonArray(entries.stream().map(AuditEntry::toJson).toList()))
            .encode())).onFailure(ctx::fail);
  }
}
