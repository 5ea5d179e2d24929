package io.switchboard.server.wallboard;

import io.switchboard.server.http.ApiError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wallboard's routes: the WebSocket {@code /api/v1/wallboard/stream} ({@link WallboardStream}) and
 * {@code GET /api/v1/kpis/history?from=&to=&queue=}, the closed 15-minute intervals for the day's charts.
 */
final class WallboardRoutes {

  /** The longest period one history request covers. */
  static final Duration MAX_HISTORY = Duration.ofDays(31);

  private final WallboardSockets sockets;
  private final JooqKpiHistory history;
  private final Clock clock;

  WallboardRoutes(WallboardSockets sockets, JooqKpiHistory history, Clock clock) {
    this.sockets = sockets;
    this.history = history;
    this.clock = clock;
  }

  void mount(Router router) {
    router.get("/api/v1/wallboard/stream").handler(this::stream);
    router.get("/api/v1/kpis/history").handler(this::history);
  }

  private void stream(RoutingContext ctx) {
    if (!ctx.request().canUpgradeToWebSocket()) {
      new ApiError("websocket-required", "/api/v1/wallboard/stream is a WebSocket; connect with an Upgrade request",
          new JsonObject()).send(ctx, 400);
      return;
    }
    ctx.request().toWebSocket().onSuccess(sockets::accept).onFailure(ctx::fail);
  }

  private void history(RoutingContext ctx) {
    Instant now = clock.instant();
    Optional<Instant> from = instant(ctx, "from", LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay()
        .toInstant(ZoneOffset.UTC));
    if (from.isEmpty()) {
      return;
    }
    Optional<Instant> to = instant(ctx, "to", now);
    if (to.isEmpty()) {
      return;
    }
    if (!to.get().isAfter(from.get()) || Duration.between(from.get(), to.get()).compareTo(MAX_HISTORY) > 0) {
      ApiError.invalidField("to", "must be after from and at most 31 days later").send(ctx, 400);
      return;
    }
    Optional<String> queue = Optional.ofNullable(ctx.queryParams().get("queue"));
    history.intervals(from.get(), to.get(), queue, now).onSuccess(rows -> ctx.response()
        .putHeader("content-type", "application/json").end(new JsonObject().put("from", from.get().toString())
            .put("to", to.get().toString()).put("intervals", rows).encode())).onFailure(ctx::fail);
  }

  private static Optional<Instant> instant(RoutingContext ctx, String name, Instant fallback) {
    String text = ctx.queryParams().get(name);
    if (text == null) {
      return Optional.of(fallback);
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      ApiError.invalidField(name, "must be an ISO-8601 instant, e.g. 2026-11-24T00:00:00Z").send(ctx, 400);
      return Optional.empty();
    }
  }
}
