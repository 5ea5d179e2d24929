package io.switchboard.server.security;

import io.switchboard.server.config.RateLimitSettings;
import io.switchboard.server.http.ApiError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The node's three rate limits ({@code http.rate-limit.*}): per signed-in caller (by subject), per remote address
 * for requests without a valid token, and per username and address for failed sign-ins. Refusals answer 429
 * {@value #RATE_LIMITED} with {@code Retry-After} in whole seconds. Per node: nothing is shared in a cluster.
 * The remote address is the TCP peer; behind a proxy every client shares the proxy's address.
 */
public final class RateLimits {

  /** The errorId of a refusal. */
  public static final String RATE_LIMITED = "rate-limited";
  /** Buckets kept per limiter; the idle, then the least recently used, go first beyond it. */
  static final int MAX_KEYS = 100_000;

  private final boolean enabled;
  private final RateLimiter callers;
  private final RateLimiter anonymous;
  private final RateLimiter signIns;

  public RateLimits(RateLimitSettings settings, Clock clock) {
    this.enabled = settings.enabled();
    this.callers = new RateLimiter(new RateLimit(settings.burst(), settings.requestsPerSecond()), clock, MAX_KEYS);
    this.anonymous = new RateLimiter(new RateLimit(settings.anonymousBurst(), settings.anonymousPerSecond()), clock,
        MAX_KEYS);
    this.signIns = new RateLimiter(new RateLimit(settings.signInFailures(),
        settings.signInFailuresPerMinute() / 60.0), clock, MAX_KEYS);
  }

  /** No limits at all. */
  public static RateLimits off(Clock clock) {
    return new RateLimits(new RateLimitSettings(false, 1, 1, 1, 1, 1, 1), clock);
  }

  /** Takes a token for {@code caller} (or, without one, the request's address); empty when allowed. */
  Optional<Duration> take(Optional<Caller> caller, RoutingContext ctx) {
    if (!enabled) {
      return Optional.empty();
    }
    return caller.map(c -> callers.take("caller:" + c.role().wire() + ":" + c.subject()))
        .orElseGet(() -> anonymous.take("ip:" + address(ctx)));
  }

  /** Whether {@code username} from this request's address must wait before trying to sign in again. */
  Optional<Duration> signInBlocked(String username, RoutingContext ctx) {
    return enabled ? signIns.blocked(signInKey(username, ctx)) : Optional.empty();
  }

  /** Counts a failed sign-in of {@code username} from this request's address. */
  void signInFailed(String username, RoutingContext ctx) {
    if (enabled) {
      signIns.charge(signInKey(username, ctx));
    }
  }

  /** The 429 answer. */
  static void refuse(RoutingContext ctx, Duration retryAfter, String what) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    ctx.response().putHeader("Retry-After", Long.toString(seconds));
    new ApiError(RATE_LIMITED, "too many " + what + "; try again in " + seconds + " s",
        new JsonObject().put("retryAfterSeconds", seconds)).send(ctx, 429);
  }

  private static String signInKey(String username, RoutingContext ctx) {
    return "sign-in:" + (username.length() > 64 ? username.substring(0, 64) : username) + "@" + address(ctx);
  }

  private static String address(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
  }
}
