package io.switchboard.crm.http;

import io.switchboard.core.Require;
import io.switchboard.core.retry.RetryPolicy;
import io.switchboard.crm.retry.RetryAfter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One CRM's HTTP requests, made resilient: asynchronous on the JDK client (no caller's thread ever waits),
 * a timeout per request, 401 answered by renewing the credential once and trying once more, 429 by waiting
 * its Retry-After, 5xx, timeouts and broken connections by backoff with full jitter, all within a
 * {@link Budget}, behind a {@link CircuitBreaker}. Every stage completes normally with an {@link HttpResult}.
 *
 * <p>A request that is not repeatable (a create) is not sent again once the CRM may have acted on it (a
 * timeout, a reset, a 5xx): the caller looks for its record first; see {@link FindOrCreate}.
 *
 * <p>Logs name the connector, the method and the path, never the query string or body (they hold phone
 * numbers) nor a credential.
 */
public final class ResilientHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttp.class);

    private final String crm;
    private final HttpClient client;
    private final Authorizer auth;
    private final CircuitBreaker breaker;
    private final Clock clock;
    private final RandomGenerator random;
    private final Delays delays;

    /**
     * @param crm the connector's name, for logs and messages
     */
    public ResilientHttp(String crm, HttpClient client, Authorizer auth, CircuitBreaker breaker, Clock clock,
                         RandomGenerator random, Delays delays) {
        this.crm = Require.nonBlank(crm, "crm");
        this.client = Require.nonNull(client, "client");
        this.auth = Require.nonNull(auth, "auth");
        this.breaker = Require.nonNull(breaker, "breaker");
        this.clock = Require.nonNull(clock, "clock");
        this.random = Require.nonNull(random, "random");
        this.delays = Require.nonNull(delays, "delays");
    }

    /**
     * Sends a request built by {@code request} (URI, method, body, content headers: the authorization and
     * the timeout are added here) and tries again as the budget allows.
     *
     * @param repeatable whether sending it twice does no harm (a read, a search)
     */
    public CompletionStage<HttpResult> send(Supplier<HttpRequest.Builder> request, Budget budget, boolean repeatable) {
        Operation op = new Operation(request, budget, budget.policy(random), repeatable,
                clock.instant().plus(budget.total()));
        return attempt(op);
    }

    /** The breaker this connector's requests go through. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    private static final class Operation {
        final Supplier<HttpRequest.Builder> request;
        final Budget budget;
        final RetryPolicy policy;
        final boolean repeatable;
        final Instant deadline;
        int failures;
        boolean refreshed;

        Operation(Supplier<HttpRequest.Builder> request, Budget budget, RetryPolicy policy, boolean repeatable,
                  Instant deadline) {
            this.request = request;
            this.budget = budget;
            this.policy = policy;
            this.repeatable = repeatable;
            this.deadline = deadline;
        }
    }

    private CompletionStage<HttpResult> attempt(Operation op) {
        Duration left = Duration.between(clock.instant(), op.deadline);
        Duration timeout = left.compareTo(op.budget.perRequest()) < 0 ? left : op.budget.perRequest();
        if (timeout.isNegative() || timeout.isZero()) {
            return done(new HttpResult.Failed("crm-timeout", crm + " budget of " + op.budget.total() + " spent", false));
        }
        if (!breaker.tryAcquire()) {
            return done(new HttpResult.Failed("crm-circuit-open", crm + " circuit is open after repeated failures",
                    false));
        }
        CompletableFuture<HttpResult> result = new CompletableFuture<>();
        auth.header().whenComplete((header, authFailure) -> {
            if (authFailure != null) {
                onAuthFailure(op, unwrap(authFailure)).whenComplete((r, bug) -> complete(result, r, bug));
                return;
            }
            HttpRequest built = op.request.get().header("Authorization", header).timeout(timeout).build();
            client.sendAsync(built, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                try {
                    decide(op, built, header, response, failure).whenComplete((r, bug) -> complete(result, r, bug));
                } catch (RuntimeException bug) {
                    complete(result, null, bug);
                }
            });
        });
        return result;
    }

    private CompletionStage<HttpResult> decide(Operation op, HttpRequest sent, String header,
                                               HttpResponse<String> response, Throwable failure) {
        String what = sent.method() + " " + sent.uri().getPath();
        if (failure != null) {
            Throwable cause = unwrap(failure);
            breaker.onFailure();
            boolean timedOut = cause instanceof HttpTimeoutException;
            boolean maybeSent = !(cause instanceof ConnectException);
            LOG.warn("crm={} request={} failed: {}", crm, what, cause.getClass().getSimpleName());
            return retry(op, new HttpResult.Failed(timedOut ? "crm-timeout" : "crm-unreachable",
                    crm + " " + what + (timedOut ? " timed out" : " failed: " + cause.getClass().getSimpleName()),
                    maybeSent), Optional.empty());
        }
        int status = response.statusCode();
        if (status == 401) {
            breaker.onSuccess();
            HttpResult.Failed refused = new HttpResult.Failed("crm-unauthorized",
                    crm + " refused our credentials on " + what, false);
            if (op.refreshed) {
                LOG.warn("crm={} request={} refused after a credential refresh", crm, what);
                return done(refused);
            }
            op.refreshed = true;
            return auth.refresh(header).thenCompose(renewed -> renewed ? attempt(op) : done(refused));
        }
        if (status == 429) {
            breaker.onSuccess();
            Optional<Duration> hint = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock);
            LOG.info("crm={} request={} rate-limited, Retry-After {}", crm, what, hint.map(Duration::toString).orElse("-"));
            return retry(op, new HttpResult.Failed("crm-rate-limited", crm + " rate-limited " + what, false), hint);
        }
        if (status >= 500) {
            breaker.onFailure();
            LOG.warn("crm={} request={} answered {}", crm, what, status);
            return retry(op, new HttpResult.Failed("crm-server-error", crm + " " + what + " answered " + status, true),
                    Optional.empty());
        }
        breaker.onSuccess();
        return done(new HttpResult.Answered(status, response.body() == null ? "" : response.body()));
    }

    private CompletionStage<HttpResult> onAuthFailure(Operation op, Throwable cause) {
        if (cause instanceof Authorizer.AuthFailure failure) {
            if ("crm-unauthorized".equals(failure.errorId())) {
                breaker.onSuccess();
                return done(new HttpResult.Failed(failure.errorId(), crm + " " + failure.getMessage(), false));
            }
            breaker.onFailure();
            return retry(op, new HttpResult.Failed(failure.errorId(), crm + " " + failure.getMessage(), false),
                    Optional.empty());
        }
        breaker.onFailure();
        return done(new HttpResult.Failed("crm-unauthorized", crm + " credential failed: "
                + cause.getClass().getSimpleName(), false));
    }

    private CompletionStage<HttpResult> retry(Operation op, HttpResult.Failed failed, Optional<Duration> retryAfter) {
        if (failed.maybeSent() && !op.repeatable) {
            return done(failed);
        }
        op.failures++;
        Optional<Duration> delay = op.policy.nextDelay(op.failures, retryAfter);
        if (delay.isEmpty() || clock.instant().plus(delay.get()).isAfter(op.deadline)) {
            return done(failed);
        }
        return delays.after(delay.get()).thenCompose(ignored -> attempt(op));
    }

    private static CompletionStage<HttpResult> done(HttpResult result) {
        return CompletableFuture.completedFuture(result);
    }

    private void complete(CompletableFuture<HttpResult> result, HttpResult value, Throwable bug) {
        if (bug == null) {
            result.complete(value);
        } else {
            LOG.error("crm={} request pipeline failed", crm, bug);
            result.complete(new HttpResult.Failed("crm-unavailable", crm + " request failed: "
                    + unwrap(bug).getClass().getSimpleName(), true));
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
