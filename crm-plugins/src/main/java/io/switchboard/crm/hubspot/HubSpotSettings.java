package io.switchboard.crm.hubspot;

import io.switchboard.core.Require;
import io.switchboard.core.crm.CallOutcome;
import io.switchboard.crm.http.Secret;
import io.switchboard.crm.http.Tuning;

import java.net.URI;
import java.util.Map;

/**
 * How to reach one HubSpot account.
 *
 * @param apiBase        {@code https://api.hubapi.com}
 * @param appBase        {@code https://app.hubspot.com} (or {@code app-eu1.hubspot.com}), where record links point
 * @param portalId       the account's id (Hub ID), part of every record link
 * @param auth           a private-app token, or an OAuth app's refresh token
 * @param dispositionIds HubSpot call outcome ids (from {@code GET /calling/v1/dispositions}; the account may have
 *                       its own) per outcome; an outcome without one is logged without {@code hs_call_disposition}
 * @param tuning         budgets, breaker and cache
 */
public record HubSpotSettings(URI apiBase, URI appBase, String portalId, Auth auth,
                              Map<CallOutcome, String> dispositionIds, Tuning tuning) {

    /** How the connector proves who it is. */
    public sealed interface Auth permits PrivateApp, OAuth {
    }

    /**
     * A private app's access token: fixed, so a 401 is reported at once.
     *
     * @param token the token ({@code pat-eu1-...})
     */
    public record PrivateApp(Secret token) implements Auth {
        public PrivateApp {
            Require.nonNull(token, "hubspot.auth.token");
        }
    }

    /**
     * An OAuth app installed in the account: access tokens come from {@code POST /oauth/v1/token} with the
     * refresh-token grant and are fetched again on a 401 (they last 30 minutes).
     */
    public record OAuth(String clientId, Secret clientSecret, Secret refreshToken) implements Auth {
        public OAuth {
            Require.nonBlank(clientId, "hubspot.auth.clientId");
            Require.nonNull(clientSecret, "hubspot.auth.clientSecret");
            Require.nonNull(refreshToken, "hubspot.auth.refreshToken");
        }
    }

    public HubSpotSettings {
        requireHttp(apiBase, "hubspot.apiBase");
        requireHttp(appBase, "hubspot.appBase");
        Require.nonBlank(portalId, "hubspot.portalId");
        if (!portalId.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("hubspot.portalId must be digits, was " + portalId);
        }
        Require.nonNull(auth, "hubspot.auth");
        dispositionIds = Map.copyOf(Require.nonNull(dispositionIds, "hubspot.dispositionIds"));
        Require.nonNull(tuning, "hubspot.tuning");
    }

    /** The public API and app hosts, no disposition ids, default tuning. */
    public static HubSpotSettings of(String portalId, Auth auth) {
        return new HubSpotSettings(URI.create("https://api.hubapi.com"), URI.create("https://app.hubspot.com"),
                portalId, auth, Map.of(), Tuning.defaults());
    }

    /** These settings against another API host (a test double). */
    public HubSpotSettings withApiBase(URI other) {
        return new HubSpotSettings(other, appBase, portalId, auth, dispositionIds, tuning);
    }

    /** These settings with other tuning. */
    public HubSpotSettings withTuning(Tuning other) {
        return new HubSpotSettings(apiBase, appBase, portalId, auth, dispositionIds, other);
    }

    /** These settings with outcome ids. */
    public HubSpotSettings withDispositionIds(Map<CallOutcome, String> ids) {
        return new HubSpotSettings(apiBase, appBase, portalId, auth, ids, tuning);
    }

    URI api(String path) {
        return URI.create(apiBase.toString().replaceAll("/+$", "") + path);
    }

    URI contactLink(String contactId) {
        return URI.create(appBase.toString().replaceAll("/+$", "") + "/contacts/" + portalId + "/record/0-1/" + contactId);
    }

    private static void requireHttp(URI uri, String field) {
        Require.nonNull(uri, field);
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new IllegalArgumentException(field + " must be an http(s) URL, was " + uri);
        }
    }
}
