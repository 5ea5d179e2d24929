package io.switchboard.server.security;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The authenticated caller of a request, as {@link SecurityHandler} left it on the routing context. */
public final class Callers {

  static final String KEY = "switchboard.caller";

  private Callers() {
  }

  /** The caller of {@code ctx}; fails on a route the policy makes public (there is none). */
  public static Caller of(RoutingContext ctx) {
    return find(ctx).orElseThrow(() -> new IllegalStateException("no authenticated caller on " + ctx.request().path()
        + "; is the route PUBLIC in AccessPolicy?"));
  }

  /** The caller of {@code ctx}, empty on a public route. */
  public static Optional<Caller> find(RoutingContext ctx) {
    return Optional.ofNullable(ctx.get(KEY));
  }
}
