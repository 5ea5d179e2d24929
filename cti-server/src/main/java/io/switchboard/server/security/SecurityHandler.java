package io.switchboard.server.security;

import io.switchboard.server.http.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The first handler of every request after CORS: finds the request's row in the {@link AccessPolicy}, checks the
 * bearer token, takes a token from the caller's rate-limit bucket (the address's, without a valid token), then
 * checks the row's rule, and leaves the caller on the context ({@link Callers}). Answers 401 {@code unauthenticated}
 * or {@code token-expired}, 429 {@code rate-limited}, or 403 {@code forbidden}, before any route runs or any body
 * is read. Authentication answers from memory; only {@link Rule#OWN_CALL} reads the call's record (the request
 * stays paused meanwhile). {@code /health/*} is never rate-limited.
 */
public final class SecurityHandler implements Handler<RoutingContext> {

  /** The matched rule, for the audit. */
  static final String RULE = "switchboard.rule";
  /** The matched path parameters, for the audit. */
  static final String PARAMS = "switchboard.params";
  private static final String BEARER = "Bearer ";

  private final AccessPolicy policy;
  private final Authenticator authenticator;
  private final TeamDirectory teams;
  private final Clock clock;
  private final RateLimits limits;
  private final CallParties calls;

  public SecurityHandler(AccessPolicy policy, Authenticator authenticator, TeamDirectory teams, Clock clock) {
    this(policy, authenticator, teams, clock, RateLimits.off(clock), CallParties.NONE);
  }

  public SecurityHandler(AccessPolicy policy, Authenticator authenticator, TeamDirectory teams, Clock clock,
      RateLimits limits, CallParties calls) {
    this.policy = policy;
    this.authenticator = authenticator;
    this.teams = teams;
    this.clock = clock;
    this.limits = limits;
    this.calls = calls;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Optional<AccessPolicy.Match> match = policy.match(ctx.request().method(), ctx.normalizedPath());
    Rule rule = match.map(AccessPolicy.Match::rule).orElse(Rule.ADMIN);
    Map<String, String> params = match.map(AccessPolicy.Match::params).orElse(Map.of());
    ctx.put(RULE, rule);
    ctx.put(PARAMS, params);
    String header = ctx.request().getHeader("Authorization");
    boolean socket = match.filter(m -> m.row().socket()).isPresent();
    boolean limited = !ctx.normalizedPath().startsWith("/health/");
    if (rule == Rule.PUBLIC || socket && header == null) {
      if (limited && !withinLimit(ctx, Optional.empty())) {
        return;
      }
      ctx.next();
      return;
    }
    Authentication answer = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? authenticator.authenticate(header.substring(BEARER.length()).strip(), clock.instant()) : null;
    Optional<Caller> caller = answer instanceof Authentication.Authenticated ok ? Optional.of(ok.caller())
        : Optional.empty();
    if (limited && !withinLimit(ctx, caller)) {
      return;
    }
    if (answer == null) {
      refuse(ctx, 401, new ApiError("unauthenticated", ctx.request().path() + " needs 'Authorization: Bearer <token>';"
          + " sign in with POST /api/v1/sessions", new JsonObject()));
      return;
    }
    if (answer instanceof Authentication.Refused refused) {
      refuse(ctx, 401, new ApiError(refused.errorId(), refused.message(), new JsonObject()));
      return;
    }
    Caller who = caller.orElseThrow();
    ctx.put(Callers.KEY, who);
    if (rule == Rule.OWN_CALL && !who.isAdmin()) {
      ownCall(ctx, who, params);
      return;
    }
    if (rule == Rule.BODY_AGENT && !who.isAdmin()) {
      ctx.next();
      return;
    }
    if (!rule.allows(who, params, teams)) {
      refuse(ctx, 403, forbidden(who, rule, ctx.request().method() + " " + ctx.request().path()));
      return;
    }
    ctx.next();
  }

  /** The 403 answer for {@code caller} refused by {@code rule} on {@code what}. */
  static ApiError forbidden(Caller caller, Rule rule, String what) {
    String why = switch (rule) {
      case AGENT_SELF, BODY_AGENT -> "only the agent themself, a supervisor of their team or an admin may";
      case OWN_CALL -> "only the agent on the call, a supervisor of their team or an admin may";
      case AGENT_ITSELF -> "only the agent themself or an admin may";
      case SUPERVISOR -> "only a supervisor or an admin may";
      default -> "only an admin may";
    };
    return new ApiError("forbidden", caller.role().wire() + " " + caller.subject() + " may not " + what + ": " + why,
        new JsonObject().put("role", caller.role().wire()).put("needs", rule.name().toLowerCase(Locale.ROOT)));
  }

  private boolean withinLimit(RoutingContext ctx, Optional<Caller> caller) {
    Optional<Duration> wait = limits.take(caller, ctx);
    if (wait.isPresent()) {
      RateLimits.refuse(ctx, wait.get(), "requests");
      return false;
    }
    return true;
  }

  private void ownCall(RoutingContext ctx, Caller caller, Map<String, String> params) {
    String call = URLDecoder.decode(params.getOrDefault("id", ""), StandardCharsets.UTF_8);
    ctx.request().pause();
    calls.liveAgents(call).onComplete(done -> {
      boolean allowed = done.succeeded() && done.result().stream()
          .anyMatch(agent -> caller.mayActOn(agent, teams.teamsOf(agent)));
      if (!allowed) {
        refuse(ctx, 403, forbidden(caller, Rule.OWN_CALL, ctx.request().method() + " " + ctx.request().path()));
        return;
      }
      ctx.next();
    });
  }

  private static void refuse(RoutingContext ctx, int status, ApiError error) {
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"switchboard\"");
    }
    error.send(ctx, status);
  }
}
