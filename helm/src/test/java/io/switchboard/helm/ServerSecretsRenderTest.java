package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The API's session key and admin token and the CRM credentials reach the server as its SWITCHBOARD_* variables
 * from a Secret, never through the ConfigMap.
 */
class ServerSecretsRenderTest {

    @Test
    void aGeneratedSessionKeyIsSharedByEveryReplicaAndKeptAcrossUpgrades() {
        RenderedChart chart = RenderedChart.withSettings("replicaCount=3");

        JsonNode ref = chart.env("SWITCHBOARD_HTTP_AUTH_SESSION_KEY").at("/valueFrom/secretKeyRef");
        assertThat(ref.path("name").asText()).isEqualTo("sb-switchboard-session");
        assertThat(ref.path("key").asText()).isEqualTo("session-key");
        JsonNode secret = chart.get("Secret", "sb-switchboard-session");
        assertThat(DatabaseRenderTest.decode(secret.at("/data/session-key")))
                .as("http.auth.session-key needs 32 characters or more").hasSizeGreaterThanOrEqualTo(32);
        assertThat(secret.at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
        assertThat(chart.envNames()).as("no admin token unless one is given").doesNotContain("SWITCHBOARD_HTTP_AUTH_ADMIN_TOKEN");
        assertThat(chart.envNames()).noneMatch(name -> name.startsWith("SWITCHBOARD_CRM_"));
    }

    @Test
    void givenCredentialsGoIntoTheChartSecretAndReachOnlyTheirVariables() {
        RenderedChart chart = RenderedChart.withValues("crm-inline.yaml");

        JsonNode data = chart.get("Secret", "sb-switchboard").path("data");
        assertThat(DatabaseRenderTest.decode(data.path("session-key"))).isEqualTo("session-s3cret-value-0123456789abcdef");
        assertThat(DatabaseRenderTest.decode(data.path("admin-token"))).isEqualTo("admin-s3cret-value-0123456789");
        assertThat(DatabaseRenderTest.decode(data.path("hubspot-access-token"))).isEqualTo("hubspot-s3cret-value");
        assertThat(DatabaseRenderTest.decode(data.path("zendesk-api-token"))).isEqualTo("zendesk-s3cret-value");
        assertThat(chart.find("Secret", "sb-switchboard-session")).as("a given session key needs none generated").isEmpty();

        assertRef(chart, "SWITCHBOARD_HTTP_AUTH_SESSION_KEY", "sb-switchboard", "session-key");
        assertRef(chart, "SWITCHBOARD_HTTP_AUTH_ADMIN_TOKEN", "sb-switchboard", "admin-token");
        assertRef(chart, "SWITCHBOARD_CRM_HUBSPOT_ACCESS_TOKEN", "sb-switchboard", "hubspot-access-token");
        assertRef(chart, "SWITCHBOARD_CRM_ZENDESK_API_TOKEN", "sb-switchboard", "zendesk-api-token");
        assertThat(chart.envNames()).as("Salesforce has no credential").doesNotContain("SWITCHBOARD_CRM_SALESFORCE_CLIENT_SECRET");

        for (JsonNode manifest : chart.manifests()) {
            if (!"Secret".equals(manifest.path("kind").asText())) {
                assertThat(manifest.toString()).as(manifest.path("kind").asText()).doesNotContain("s3cret");
            }
        }
        JsonNode crm = chart.serverConfig().path("crm");
        assertThat(crm.at("/hubspot/enabled").asBoolean()).isTrue();
        assertThat(crm.at("/zendesk/subdomain").asText()).isEqualTo("acme");
        assertThat(crm.at("/hubspot").has("access-token")).isFalse();
    }

    @Test
    void existingSecretsServeTheEnabledConnectorsUnderTheirKeys() {
        RenderedChart chart = RenderedChart.withValues("crm-existing-secret.yaml");

        assertRef(chart, "SWITCHBOARD_HTTP_AUTH_SESSION_KEY", "switchboard-auth", "session-key");
        assertRef(chart, "SWITCHBOARD_HTTP_AUTH_ADMIN_TOKEN", "switchboard-auth", "admin-token");
        assertRef(chart, "SWITCHBOARD_CRM_SALESFORCE_CLIENT_SECRET", "switchboard-crm", "salesforce-client-secret");
        assertRef(chart, "SWITCHBOARD_CRM_HUBSPOT_ACCESS_TOKEN", "switchboard-crm", "hubspot-private-app");
        assertThat(chart.envNames()).as("Zendesk is off").doesNotContain("SWITCHBOARD_CRM_ZENDESK_API_TOKEN");
        assertThat(chart.find("Secret", "sb-switchboard")).as("nothing of the chart's own to keep").isEmpty();
        assertThat(chart.find("Secret", "sb-switchboard-session")).isEmpty();
        for (String name : chart.envNames()) {
            JsonNode ref = chart.env(name).at("/valueFrom/secretKeyRef");
            assertThat(ref.path("optional").asBoolean(false)).as("%s: a missing key stops the pod, loudly", name).isFalse();
        }
    }

    private static void assertRef(RenderedChart chart, String env, String secret, String key) {
        JsonNode ref = chart.env(env).at("/valueFrom/secretKeyRef");
        assertThat(ref.path("name").asText()).as("%s from Secret", env).isEqualTo(secret);
        assertThat(ref.path("key").asText()).as("%s from key", env).isEqualTo(key);
    }
}
