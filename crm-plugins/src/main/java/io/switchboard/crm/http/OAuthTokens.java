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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An OAuth 2.0 access token fetched from a token endpoint (RFC 6749 section 4.4 client credentials, or
 * section 6 refresh token) and fetched again when the CRM refuses it. Concurrent callers share one fetch.
 * The token, the client secret and the refresh token never reach a log or an exception message.
 */
public final class OAuthTokens implements Authorizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI endpoint;
    private final Supplier<Map<String, String>> form;
    private final Duration timeout;
    private CompletableFuture<String> current;

    /**
     * @param endpoint the token endpoint, e.g. {@code https://acme.my.salesforce.com/services/oauth2/token}
     * @param form     the form fields of a token request (grant_type, client_id, client_secret...), read at
     *                 each fetch
     * @param timeout  how long a fetch may take
     */
    public OAuthTokens(HttpClient client, URI endpoint, Supplier<Map<String, String>> form, Duration timeout) {
        this.client = Require.nonNull(client, "client");
        this.endpoint = Require.nonNull(endpoint, "endpoint");
        this.form = Require.nonNull(form, "form");
        this.timeout = Require.positive(timeout, "timeout");
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
        if (current == null || current.isCompletedExceptionally()) {
            current = fetch();
        }
        return current.thenApply(token -> "Bearer " + token);
    }

    @Override
    public CompletionStage<Boolean> refresh(String refused) {
        CompletableFuture<String> next;
        synchronized (this) {
            boolean refusedIsCurrent = current == null || current.isCompletedExceptionally()
                    || (current.isDone() && refused.equals("Bearer " + current.join()));
            if (refusedIsCurrent) {
                current = fetch();
            }
            next = current;
        }
        return next.handle((token, failure) -> failure == null);
    }

    private CompletableFuture<String> fetch() {
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

    private static String accessToken(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            throw new AuthFailure("crm-server-error", "token endpoint answered " + status);
        }
        if (status != 200) {
            throw new AuthFailure("crm-unauthorized", "token endpoint refused the client credentials: " + status);
        }
        try {
            JsonNode token = JSON.readTree(response.body()).path("access_token");
            if (!token.isTextual() || token.asText().isBlank()) {
                throw new AuthFailure("crm-unauthorized", "token endpoint answered without access_token");
            }
            return token.asText();
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
