package io.switchboard.crm.zendesk;

import io.switchboard.core.Require;
import io.switchboard.crm.http.Secret;
import io.switchboard.crm.http.Tuning;

import java.net.URI;

/**
 * How to reach one Zendesk account with Talk Partner Edition.
 *
 * @param baseUrl {@code https://{subdomain}.zendesk.com}
 * @param auth    an API token or an OAuth access token
 * @param appId   the Zendesk Apps Framework id of our app, required on call records
 * @param tuning  budgets, breaker and cache
 */
public record ZendeskSettings(URI baseUrl, Auth auth, long appId, Tuning tuning) {

    /** How the connector proves who it is; both are fixed, so a 401 is reported at once. */
    public sealed interface Auth permits ApiToken, OAuthToken {
    }

    /**
     * An API token, sent as Basic {@code {email}/token:{token}}.
     *
     * @param email the agent or admin the token acts as
     */
    public record ApiToken(String email, Secret token) implements Auth {
        public ApiToken {
            Require.nonBlank(email, "zendesk.auth.email");
            Require.nonNull(token, "zendesk.auth.token");
        }
    }

    /** An OAuth access token, sent as Bearer. */
    public record OAuthToken(Secret token) implements Auth {
        public OAuthToken {
            Require.nonNull(token, "zendesk.auth.token");
        }
    }

    public ZendeskSettings {
        Require.nonNull(baseUrl, "zendesk.baseUrl");
        if (baseUrl.getScheme() == null || !baseUrl.getScheme().startsWith("http") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("zendesk.baseUrl must be an http(s) URL, was " + baseUrl);
        }
        Require.nonNull(auth, "zendesk.auth");
        Require.atLeast(appId, 1, "zendesk.appId");
        Require.nonNull(tuning, "zendesk.tuning");
    }

    /** These settings with other tuning. */
    public ZendeskSettings withTuning(Tuning other) {
        return new ZendeskSettings(baseUrl, auth, appId, other);
    }

    URI resolve(String pathAndQuery) {
        return URI.create(baseUrl.toString().replaceAll("/+$", "") + pathAndQuery);
    }
}
