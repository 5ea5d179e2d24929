package io.switchboard.crm.salesforce;

import io.switchboard.core.Require;
import io.switchboard.crm.http.Secret;
import io.switchboard.crm.http.Tuning;

import java.net.URI;
import java.util.Optional;

/**
 * How to reach one Salesforce org. The connected app needs the client-credentials flow enabled with a run-as
 * user allowed to search Contacts, Leads and Accounts and to create Tasks; or give a refresh token and the
 * refresh-token grant is used instead.
 *
 * @param instanceUrl  the org's My Domain URL, e.g. {@code https://acme.my.salesforce.com}: token requests,
 *                     REST calls and record links all go there
 * @param apiVersion   the REST API version, e.g. {@code v62.0}
 * @param clientId     the connected app's consumer key
 * @param clientSecret the connected app's consumer secret
 * @param refreshToken a refresh token to use instead of client credentials
 * @param tuning       budgets, breaker and cache
 */
public record SalesforceSettings(URI instanceUrl, String apiVersion, String clientId, Secret clientSecret,
                                 Optional<Secret> refreshToken, Tuning tuning) {

    public SalesforceSettings {
        Require.nonNull(instanceUrl, "salesforce.instanceUrl");
        if (instanceUrl.getScheme() == null || !instanceUrl.getScheme().startsWith("http")
                || instanceUrl.getHost() == null) {
            throw new IllegalArgumentException("salesforce.instanceUrl must be an http(s) URL, was " + instanceUrl);
        }
        Require.nonBlank(apiVersion, "salesforce.apiVersion");
        if (!apiVersion.matches("v\\d{2,3}\\.0")) {
            throw new IllegalArgumentException("salesforce.apiVersion must look like v62.0, was " + apiVersion);
        }
        Require.nonBlank(clientId, "salesforce.clientId");
        Require.nonNull(clientSecret, "salesforce.clientSecret");
        Require.nonNull(refreshToken, "salesforce.refreshToken");
        Require.nonNull(tuning, "salesforce.tuning");
    }

    /** The client-credentials flow, API v62.0, default tuning. */
    public static SalesforceSettings clientCredentials(URI instanceUrl, String clientId, Secret clientSecret) {
        return new SalesforceSettings(instanceUrl, "v62.0", clientId, clientSecret, Optional.empty(), Tuning.defaults());
    }

    /** These settings with other tuning. */
    public SalesforceSettings withTuning(Tuning other) {
        return new SalesforceSettings(instanceUrl, apiVersion, clientId, clientSecret, refreshToken, other);
    }

    /** {@code path} under the org's URL, e.g. {@code /services/oauth2/token}. */
    URI resolve(String path) {
        String base = instanceUrl.toString().replaceAll("/+$", "");
        return URI.create(base + path);
    }
}
