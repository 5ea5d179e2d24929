package io.switchboard.crm.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.core.Require;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An OAuth 2.0 access token fetched from a token endpoint (RFC 6749 section 4.4 client credentials, or
 * section 6 refresh token), fetched again when the CRM refuses it, and a minute before it expires when the
 * endpoint says when ({@code expires_in}: HubSpot's last 30 minutes; Salesforce's last as long as the org's
 * session timeout and say nothing, so they are renewed on a 401). Concurrent callers share one fetch. The token,
 * the client secret and the refresh token never reach a log or an exception message.
 */
public final class OAuthTokens implements Authorizer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENEW_AHEAD = Duration.ofMinutes(1);

    private record Token(String value, Instant renewAfter) {
    }

    private final HttpClient client;
    private final URI endpoint;
    private final Supplier<Map<String, String>> form;
    private final Duration timeout;
    private final Clock clock;
    private CompletableFuture<Token> current;

    /**
     * @param endpoint the token endpoint, e.g. {@code https://acme.my.salesforce.com/services/oauth2/token}
     * @param form     the form fields of a token request (grant_type, client_id, client_secret...), read at
     *                 each fetch
     * @param timeout  how long a fetch may take
     * @param clock    tells when a token is due for renewal
     */
    public OAuthTokens(HttpClient client, URI endpoint, Supplier<Map<String, String>> form, Duration timeout,
                       Clock clock) {
        this.client = Require.nonNull(client, "client");
        this.endpoint = Require.nonNull(endpoint, "endpoint");
        this.form = Require.nonNull(form, "form");
        this.timeout = Require.positive(timeout, "timeout");
        this.clock = Require.nonNull(clock, "clock");
    }

    /** The fields of a client-credentials grant. */
    public static Supplier<Map<String, String>> clientCredentials(String clientId, Secret clientSecret) {
        return () -> ordered("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret.reveal());
    }

    /** The fields of a refresh-token grant. */
    public static Supplier<Map<String, String>> refreshToken(String clientId, Secret clientSecret, Secret refresh) {
        return () -> ordered("grant_type", "refresh_token", "client_id", clientId,
                "client_secret", clientSecret.reveal(), "refresh_token", refresh.reveal());
    }

    @Override
    public synchronized CompletionStage<String> header() {
        if (current == null || current.isCompletedExceptionally()
                || (current.isDone() && !clock.instant().isBefore(current.join().renewAfter()))) {
            current = fetch();
        }
        return current.thenApply(token -> "Bearer " + token.value());
    }

    @Override
    public CompletionStage<Boolean> refresh(String refused) {
        CompletableFuture<Token> next;
        synchronized (this) {
            boolean refusedIsCurrent = current == null || current.isCompletedExceptionally()
                    || (current.isDone() && refused.equals("Bearer " + current.join().value()));
            if (refusedIsCurrent) {
                current = fetch();
            }
            next = current;
        }
        return next.handle((token, failure) -> failure == null);
    }

    private CompletableFuture<Token> fetch() {
        String body = form.get().entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        String errorId = cause instanceof HttpTimeoutException ? "crm-timeout" : "crm-unreachable";
                        throw new AuthFailure(errorId, "token endpoint failed: " + cause.getClass().getSimpleName());
                    }
                    return accessToken(response);
                });
    }

    private Token accessToken(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            throw new AuthFailure("crm-server-error", "token endpoint answered " + status);
        }
        if (status != 200) {
            throw new AuthFailure("crm-unauthorized", "token endpoint refused the client credentials: " + status);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            JsonNode token = answer.path("access_token");
            if (!token.isTextual() || token.asText().isBlank()) {
                throw new AuthFailure("crm-unauthorized", "token endpoint answered without access_token");
            }
            JsonNode expiresIn = answer.path("expires_in");
            Instant renewAfter = expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                    ? clock.instant().plusSeconds(expiresIn.asLong()).minus(RENEW_AHEAD)
                    : Instant.MAX;
            return new Token(token.asText(), renewAfter);
        } catch (IOException unreadable) {
            throw new AuthFailure("crm-unauthorized", "token endpoint answered unreadable JSON");
        }
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Override
    public String toString() {
        return "OAuthTokens[" + endpoint + "]";
    }
}
