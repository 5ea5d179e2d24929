/**
 * What the three CRM connectors share: a resilient asynchronous HTTP layer ({@link io.switchboard.crm.http.ResilientHttp}:
 * timeouts, 401 renewal, 429 Retry-After, backoff with jitter, {@link io.switchboard.crm.http.CircuitBreaker}),
 * credentials that never print ({@link io.switchboard.crm.http.Secret}, {@link io.switchboard.crm.http.OAuthTokens}),
 * a short {@link io.switchboard.crm.http.LookupCache}, and {@link io.switchboard.crm.http.FindOrCreate}, which
 * keeps call logs at most once per key where the CRM has no idempotent create.
 */
package io.switchboard.crm.http;
