package io.switchboard.server.security;

import io.switchboard.server.http.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The first security handler: applies the {@link CorsPolicy} and sets the pages' headers. A preflight
 * ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed origin is answered 204 here, with
 * the methods and headers of {@link CorsPolicy}; any request from an origin that is neither this server nor
 * configured gets 403 {@value #NOT_ALLOWED}. {@code /app/} pages get
 * {@code Content-Security-Policy: frame-ancestors <http.frame-ancestors>}, so only the configured hosts (a CRM's
 * softphone panel) may frame them. Every answer gets {@code X-Content-Type-Options: nosniff} and
 * {@code Referrer-Policy: no-referrer}.
 */
final class CrossOrigin implements Handler<RoutingContext> {

  /** The errorId of a refused origin. */
  static final String NOT_ALLOWED = "cors-origin-not-allowed";

  private final CorsPolicy policy;
  private final String frameAncestors;

  CrossOrigin(CorsPolicy policy, String frameAncestors) {
    this.policy = policy;
    this.frameAncestors = frameAncestors;
  }

  @Override
  public void handle(RoutingContext ctx) {
    var response = ctx.response();
    response.putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
    if (ctx.normalizedPath().startsWith("/app/")) {
      response.putHeader("Content-Security-Policy", "frame-ancestors " + frameAncestors);
    }
    String origin = ctx.request().getHeader("Origin");
    CorsPolicy.Verdict verdict = policy.judge(origin, ctx.request().authority() == null ? null
        : ctx.request().authority().toString());
    boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
        && ctx.request().getHeader("Access-Control-Request-Method") != null;
    switch (verdict) {
      case REFUSED -> new ApiError(NOT_ALLOWED, "pages of origin " + origin + " may not call this API; an admin can "
          + "add it to http.cors.allowed-origins", new JsonObject().put("origin", origin)).send(ctx, 403);
      case ALLOWED -> {
        response.putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
        if (preflight) {
          response.putHeader("Access-Control-Allow-Methods", CorsPolicy.ALLOW_METHODS)
              .putHeader("Access-Control-Allow-Headers", CorsPolicy.ALLOW_HEADERS)
              .putHeader("Access-Control-Max-Age", Integer.toString(CorsPolicy.MAX_AGE_SECONDS))
              .setStatusCode(204).end();
        } else {
          response.putHeader("Access-Control-Expose-Headers", CorsPolicy.EXPOSE_HEADERS);
          ctx.next();
        }
      }
      default -> {
        if (preflight) {
          response.setStatusCode(204).end();
        } else {
          ctx.next();
        }
      }
    }
  }
}
