package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The bundled MariaDB for trials: a StatefulSet with a volume, a Service, its passwords in a Secret, and the server wired to it. */
class DatabaseRenderTest {

    @Nested
    class BundledWithItsSettings {

        private final RenderedChart chart = RenderedChart.withValues("bundled-mariadb.yaml");
        private final JsonNode statefulSet = chart.get("StatefulSet", "sb-switchboard-mariadb");
        private final JsonNode mariadb = statefulSet.at("/spec/template/spec/containers/0");

        @Test
        void runsOneMariaDbPodOnItsOwnVolume() {
            assertThat(statefulSet.at("/spec/replicas").asInt()).isEqualTo(1);
            assertThat(mariadb.path("image").asText()).isEqualTo("docker.io/library/mariadb:11.4.5");
            JsonNode claim = statefulSet.at("/spec/volumeClaimTemplates/0");
            assertThat(claim.at("/spec/resources/requests/storage").asText()).isEqualTo("20Gi");
            assertThat(claim.at("/spec/storageClassName").asText()).isEqualTo("fast-ssd");
            assertThat(claim.at("/spec/accessModes/0").asText()).isEqualTo("ReadWriteOnce");
            assertThat(mariadb.path("volumeMounts")).anySatisfy(m -> {
                assertThat(m.path("name").asText()).isEqualTo(claim.at("/metadata/name").asText());
                assertThat(m.path("mountPath").asText()).isEqualTo("/var/lib/mysql");
            });
        }

        @Test
        void createsTheSchemaAndLoginTheServerUses() {
            Map<String, JsonNode> env = env(mariadb);
            assertThat(env.get("MARIADB_DATABASE").path("value").asText()).isEqualTo("cti");
            assertThat(env.get("MARIADB_USER").path("value").asText()).isEqualTo("cti_app");
            assertSecretRef(env.get("MARIADB_PASSWORD"), "sb-switchboard-mariadb", "mariadb-password");
            assertSecretRef(env.get("MARIADB_ROOT_PASSWORD"), "sb-switchboard-mariadb", "mariadb-root-password");

            JsonNode config = chart.serverConfig();
            assertThat(config.at("/database/url").asText()).isEqualTo("jdbc:mariadb://sb-switchboard-mariadb:3306/cti");
            assertThat(config.at("/database/user").asText()).isEqualTo("cti_app");
            assertSecretRef(chart.env("SWITCHBOARD_DATABASE_PASSWORD"), "sb-switchboard-mariadb", "mariadb-password");
        }

        @Test
        void generatesPasswordsAtInstallAndKeepsThemThroughUpgradesAndUninstall() {
            JsonNode secret = chart.get("Secret", "sb-switchboard-mariadb");
            assertThat(secret.at("/metadata/annotations/helm.sh~1resource-policy").asText()).isEqualTo("keep");
            String root = decode(secret.at("/data/mariadb-root-password"));
            String app = decode(secret.at("/data/mariadb-password"));
            assertThat(root).hasSize(32).isNotEqualTo(app);
            assertThat(app).hasSize(32);
        }

        @Test
        void isReadyOnlyOnceInnoDbIsUp() {
            assertThat(mariadb.at("/readinessProbe/exec/command").toString())
                    .isEqualTo("[\"healthcheck.sh\",\"--connect\",\"--innodb_initialized\"]");
            assertThat(mariadb.at("/livenessProbe/exec/command").toString()).isEqualTo("[\"healthcheck.sh\",\"--connect\"]");
            assertThat(mariadb.at("/startupProbe/exec/command").isArray()).isTrue();
        }

        @Test
        void isReachedThroughItsServiceWhichTheServerServicesNeverSelect() {
            JsonNode service = chart.get("Service", "sb-switchboard-mariadb");
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(3306);
            assertThat(service.at("/spec/selector")).isEqualTo(statefulSet.at("/spec/selector/matchLabels"));
            JsonNode podLabels = statefulSet.at("/spec/template/metadata/labels");
            for (String server : new String[] {"sb-switchboard", "sb-switchboard-hazelcast"}) {
                JsonNode selector = chart.get("Service", server).at("/spec/selector");
                assertThat(selects(selector, podLabels)).as("Service %s selects the MariaDB pod", server).isFalse();
                assertThat(selects(selector, chart.deployment().at("/spec/template/metadata/labels"))).isTrue();
            }
        }
    }

    @Test
    void takesItsPasswordsFromAnExistingSecret() {
        RenderedChart chart = RenderedChart.withValues("bundled-mariadb-existing-secret.yaml");
        assertThat(chart.find("Secret", "sb-switchboard-mariadb")).isEmpty();
        JsonNode mariadb = chart.get("StatefulSet", "sb-switchboard-mariadb").at("/spec/template/spec/containers/0");
        assertSecretRef(env(mariadb).get("MARIADB_PASSWORD"), "sb-db-passwords", "mariadb-password");
        assertSecretRef(env(mariadb).get("MARIADB_ROOT_PASSWORD"), "sb-db-passwords", "mariadb-root-password");
        assertSecretRef(chart.env("SWITCHBOARD_DATABASE_PASSWORD"), "sb-db-passwords", "mariadb-password");
    }

    @Test
    void keepsGivenPasswordsInItsSecretOnly() {
        RenderedChart chart = RenderedChart.withValues("bundled-mariadb-given-passwords.yaml");
        JsonNode data = chart.get("Secret", "sb-switchboard-mariadb").path("data");
        assertThat(decode(data.path("mariadb-root-password"))).isEqualTo("root-s3cret-value");
        assertThat(decode(data.path("mariadb-password"))).isEqualTo("app-s3cret-value");
        for (JsonNode manifest : chart.manifests()) {
            if (!"Secret".equals(manifest.path("kind").asText())) {
                assertThat(manifest.toString()).as(manifest.path("kind").asText()).doesNotContain("s3cret");
            }
        }
    }

    @Test
    void anExternalDatabaseRendersNoMariaDb() {
        RenderedChart chart = RenderedChart.withValues("cluster-external-db.yaml");
        assertThat(chart.all("StatefulSet")).isEmpty();
        assertThat(chart.find("Service", "sb-switchboard-mariadb")).isEmpty();
        assertThat(chart.serverConfig().at("/database/url").asText())
                .isEqualTo("jdbc:mariadb://db.example.internal:3306/switchboard");
    }

    private static Map<String, JsonNode> env(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        return env;
    }

    private static void assertSecretRef(JsonNode env, String secret, String key) {
        assertThat(env).as("env").isNotNull();
        JsonNode ref = env.at("/valueFrom/secretKeyRef");
        assertThat(ref.path("name").asText()).isEqualTo(secret);
        assertThat(ref.path("key").asText()).isEqualTo(key);
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        var fields = selector.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!field.getValue().asText().equals(labels.path(field.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    static String decode(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }
}
