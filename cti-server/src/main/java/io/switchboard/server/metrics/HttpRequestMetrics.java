package io.switchboard.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Times every HTTP request as {@code http_server_requests_seconds}, tagged by method, route template
 * (never the raw path, so agent ids do not explode the series count) and status.
 */
public final class HttpRequestMetrics implements Handler<RoutingContext> {

  private final MeterRegistry registry;

  public HttpRequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(done -> Timer.builder("http.server.requests")
        .description("HTTP requests served, by route template")
        .tag("method", ctx.request().method().name())
        .tag("route", template(ctx))
        .tag("status", Integer.toString(ctx.response().getStatusCode()))
        .register(registry)
        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS));
    ctx.next();
  }

  private static String template(RoutingContext ctx) {
    Route route = ctx.currentRoute();
    String path = route == null ? null : route.getPath();
    return path == null ? "unmatched" : path;
  }
}
