package io.switchboard.server.security;

import io.switchboard.server.http.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The first handler of every request: finds the request's row in the {@link AccessPolicy}, checks the bearer token
 * and the row's rule, and leaves the caller on the context ({@link Callers}). Answers 401 {@code unauthenticated} or
 * {@code token-expired}, or 403 {@code forbidden}, before any route runs or any body is read. Runs on the event
 * loop: authentication answers from memory.
 */
public final class SecurityHandler implements Handler<RoutingContext> {

  private static final String BEARER = "Bearer ";

  private final AccessPolicy policy;
  private final Authenticator authenticator;
  private final TeamDirectory teams;
  private final Clock clock;

  public SecurityHandler(AccessPolicy policy, Authenticator authenticator, TeamDirectory teams, Clock clock) {
    this.policy = policy;
    this.authenticator = authenticator;
    this.teams = teams;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<AccessPolicy.Match> match = policy.match(ctx.request().method(), ctx.normalizedPath());
    Rule rule = match.map(AccessPolicy.Match::rule).orElse(Rule.ADMIN);
    String header = ctx.request().getHeader("Authorization");
    boolean socket = match.filter(m -> m.row().socket()).isPresent();
    if (rule == Rule.PUBLIC || socket && header == null) {
      ctx.next();
      return;
    }
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      refuse(ctx, 401, new ApiError("unauthenticated", ctx.request().path() + " needs 'Authorization: Bearer <token>';"
          + " sign in with POST /api/v1/sessions", new JsonObject()));
      return;
    }
    Authentication answer = authenticator.authenticate(header.substring(BEARER.length()).strip(), clock.instant());
    if (answer instanceof Authentication.Refused refused) {
      refuse(ctx, 401, new ApiError(refused.errorId(), refused.message(), new JsonObject()));
      return;
    }
    Caller caller = ((Authentication.Authenticated) answer).caller();
    Map<String, String> params = match.map(AccessPolicy.Match::params).orElse(Map.of());
    if (!rule.allows(caller, params, teams)) {
      refuse(ctx, 403, forbidden(caller, rule, ctx.request().method() + " " + ctx.request().path()));
      return;
    }
    ctx.put(Callers.KEY, caller);
    ctx.next();
  }

  /** The 403 answer for {@code caller} refused by {@code rule} on {@code what}. */
  static ApiError forbidden(Caller caller, Rule rule, String what) {
    String why = switch (rule) {
      case AGENT_SELF -> "only the agent themself, a supervisor of their team or an admin may";
      case SUPERVISOR -> "only a supervisor or an admin may";
      default -> "only an admin may";
    };
    return new ApiError("forbidden", caller.role().wire() + " " + caller.subject() + " may not " + what + ": " + why,
        new JsonObject().put("role", caller.role().wire()).put("needs", rule.name().toLowerCase(java.util.Locale.ROOT)));
  }

  private static void refuse(RoutingContext ctx, int status, ApiError error) {
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"switchboard\"");
    }
    error.send(ctx, status);
  }
}
