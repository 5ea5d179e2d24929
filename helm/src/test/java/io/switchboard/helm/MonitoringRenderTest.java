package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Prometheus scrapes /metrics with the API token it needs; Grafana's sidecar finds the dashboard. */
class MonitoringRenderTest {

    @Nested
    class WithAServiceMonitor {

        private final RenderedChart chart = RenderedChart.withValues("service-monitor.yaml");
        private final JsonNode monitor = chart.get("ServiceMonitor", "sb-switchboard");

        @Test
        void sendsTheBearerTokenFromTheNamedSecret() {
            assertThat(monitor.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
            JsonNode endpoint = monitor.at("/spec/endpoints/0");
            assertThat(endpoint.path("port").asText()).isEqualTo("http");
            assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
            assertThat(endpoint.path("interval").asText()).isEqualTo("15s");
            assertThat(endpoint.at("/authorization/type").asText()).isEqualTo("Bearer");
            assertThat(endpoint.at("/authorization/credentials/name").asText()).isEqualTo("switchboard-metrics-token");
            assertThat(endpoint.at("/authorization/credentials/key").asText()).isEqualTo("api-token");
            assertThat(endpoint.has("bearerTokenFile")).as("refused by prometheus-operator").isFalse();
        }

        @Test
        void selectsTheHttpServiceOnlyAndCarriesThePrometheusSelectorLabel() {
            assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
            JsonNode selector = monitor.at("/spec/selector/matchLabels");
            assertThat(labelsMatch(selector, chart.get("Service", "sb-switchboard").at("/metadata/labels"))).isTrue();
            assertThat(labelsMatch(selector, chart.get("Service", "sb-switchboard-hazelcast").at("/metadata/labels"))).isFalse();
            assertThat(monitor.at("/spec/namespaceSelector/matchNames/0").asText()).isEqualTo("cti");
        }

        @Test
        void keepsThePlainAnnotationsWhenAskedFor() {
            JsonNode annotations = chart.deployment().at("/spec/template/metadata/annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo("8080");
        }

        @Test
        void putsTheDashboardWhereTheSidecarLooks() throws IOException {
            JsonNode dashboard = chart.get("ConfigMap", "sb-switchboard-dashboard");
            assertThat(dashboard.at("/metadata/namespace").asText()).isEqualTo("monitoring");
            assertThat(dashboard.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
            assertThat(dashboard.at("/metadata/labels/team").asText()).isEqualTo("contact-center");
            assertThat(dashboard.at("/metadata/annotations/grafana_folder").asText()).isEqualTo("Switchboard");
            assertThat(dashboard.at("/data/switchboard.json").asText())
                    .isEqualTo(Files.readString(DashboardTest.DASHBOARD).strip());
        }
    }

    @Test
    void rendersNoServiceMonitorUnlessEnabledNorADashboardWhenOff() {
        assertThat(RenderedChart.withDefaults().all("ServiceMonitor")).isEmpty();
        assertThat(RenderedChart.withSettings("grafanaDashboard.enabled=false").find("ConfigMap", "sb-switchboard-dashboard"))
                .isEmpty();
    }

    @Test
    void noConfigMapHoldsASecretInAnyMode() {
        for (String values : new String[] {"crm-inline.yaml", "inline-secrets.yaml", "bundled-mariadb-given-passwords.yaml"}) {
            for (JsonNode configMap : RenderedChart.withValues(values).all("ConfigMap")) {
                assertThat(configMap.path("data").toString()).as("%s with %s", configMap.at("/metadata/name"), values)
                        .doesNotContain("s3cret")
                        .doesNotContainIgnoringCase("password")
                        .doesNotContain("session-key", "admin-token", "access-token", "api-token", "client-secret");
            }
        }
    }

    private static boolean labelsMatch(JsonNode selector, JsonNode labels) {
        var fields = selector.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().asText().equals(labels.path(field.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
