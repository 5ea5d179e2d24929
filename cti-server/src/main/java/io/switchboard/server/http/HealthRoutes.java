package io.switchboard.server.http;

import io.switchboard.server.status.StatusRegistry;
import io.switchboard.server.status.StatusReport;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /health/live}, {@code /health/ready} and {@code /status}. */
final class HealthRoutes {

  private final StatusRegistry status;

  HealthRoutes(StatusRegistry status) {
    this.status = status;
  }

  void mount(Router router) {
    router.get("/health/live").handler(ctx -> json(ctx, 200, new JsonObject().put("status", "live")));
    router.get("/health/ready").handler(this::ready);
    router.get("/status").handler(this::status);
  }

  private void ready(RoutingContext ctx) {
    status.run(true).onSuccess(report -> {
      JsonObject body = new JsonObject().put("status", report.ready() ? "ready" : "not-ready");
      if (!report.ready()) {
        body.put("waitingFor", report.blocking());
      }
      json(ctx, report.ready() ? 200 : 503, body);
    }).onFailure(ctx::fail);
  }

  private void status(RoutingContext ctx) {
    status.run(false).map(StatusReport::toJson).onSuccess(body -> json(ctx, 200, body)).onFailure(ctx::fail);
  }

  private static void json(RoutingContext ctx, int code, JsonObject body) {
    ctx.response()
        .setStatusCode(code)
        .putHeader("content-type", "application/json")
        .putHeader("cache-control", "no-store")
        .end(body.encodePrettily());
  }
}
