package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChartRenderTest {

    @Nested
    class WithDefaultValues {

        private final RenderedChart chart = RenderedChart.withDefaults();

        @Test
        void rendersTheServerTheBundledMariaDbAndTheDashboard() {
            assertThat(chart.manifests())
                    .extracting(m -> m.path("kind").asText() + "/" + m.at("/metadata/name").asText())
                    .containsExactlyInAnyOrder(
                            "Deployment/sb-switchboard",
                            "ConfigMap/sb-switchboard",
                            "Secret/sb-switchboard-session",
                            "Service/sb-switchboard",
                            "Service/sb-switchboard-hazelcast",
                            "StatefulSet/sb-switchboard-mariadb",
                            "Service/sb-switchboard-mariadb",
                            "Secret/sb-switchboard-mariadb",
                            "ConfigMap/sb-switchboard-dashboard");
        }

        @Test
        void runsOneServerWithTheMountedConfig() {
            assertThat(chart.deployment().at("/spec/replicas").asInt()).isEqualTo(1);
            assertThat(chart.container().path("command"))
                    .extracting(JsonNode::asText)
                    .containsExactly("java", "-jar", "switchboard.jar", "run", "--config", "/etc/switchboard/config.yaml");
            assertThat(chart.container().at("/volumeMounts/0/mountPath").asText()).isEqualTo("/etc/switchboard");
            assertThat(chart.deployment().at("/spec/template/spec/volumes/0/configMap/name").asText())
                    .isEqualTo("sb-switchboard");
        }

        @Test
        void probesPointAtTheHealthEndpoints() {
            JsonNode container = chart.container();
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/live");
            assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
            assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
        }

        @Test
        void podsCarryNoScrapeAnnotationsThatCouldNotSendTheToken() {
            JsonNode annotations = chart.deployment().at("/spec/template/metadata/annotations");
            assertThat(annotations.has("prometheus.io/scrape")).isFalse();
        }

        @Test
        void requestsCpuAndMemory() {
            JsonNode requests = chart.container().at("/resources/requests");
            assertThat(requests.path("cpu").asText()).isNotEmpty();
            assertThat(requests.path("memory").asText()).isNotEmpty();
        }

        @Test
        void databasePasswordComesFromTheBundledMariaDbSecret() {
            JsonNode ref = chart.env("SWITCHBOARD_DATABASE_PASSWORD").at("/valueFrom/secretKeyRef");
            assertThat(ref.path("name").asText()).isEqualTo("sb-switchboard-mariadb");
            assertThat(ref.path("key").asText()).isEqualTo("mariadb-password");
            assertThat(ref.path("optional").asBoolean(false)).isFalse();
            assertThat(chart.get("Secret", "sb-switchboard-mariadb").at("/data/mariadb-password").asText()).isNotEmpty();
        }

        @Test
        void withoutPbxConnectionsNeedsNoPbxSecret() {
            assertThat(chart.envNames()).noneMatch(name -> name.startsWith("SWITCHBOARD_PBX_"));
            assertThat(chart.serverConfig().has("pbx")).isFalse();
            assertThat(chart.find("Secret", "sb-switchboard")).as("nothing given to keep secret").isEmpty();
        }

        @Test
        void hazelcastBindsThePodIpAndServiceLinksStayOff() {
            assertThat(chart.env("SWITCHBOARD_HAZELCAST_INTERFACE").at("/valueFrom/fieldRef/fieldPath").asText())
                    .isEqualTo("status.podIP");
            assertThat(chart.deployment().at("/spec/template/spec/enableServiceLinks").asBoolean(true))
                    .as("no SWITCHBOARD_PORT & co. injected for a Service named switchboard")
                    .isFalse();
        }

        @Test
        void noConfigMapHoldsAPassword() {
            for (JsonNode configMap : chart.all("ConfigMap")) {
                assertThat(configMap.path("data").toString()).doesNotContainIgnoringCase("password");
            }
            assertThat(chart.serverConfig().path("database").has("password")).isFalse();
        }

        @Test
        void configTellsTheServerWhereToListenAndHowToFindPeers() {
            JsonNode config = chart.serverConfig();
            assertThat(config.at("/http/port").asInt()).isEqualTo(8080);
            assertThat(config.at("/database/url").asText()).isEqualTo("jdbc:mariadb://sb-switchboard-mariadb:3306/switchboard");
            assertThat(config.at("/database/user").asText()).isEqualTo("switchboard");
            assertThat(config.at("/hazelcast/cluster-name").asText()).isEqualTo("switchboard");
            assertThat(config.at("/hazelcast/member-port").asInt()).isEqualTo(5701);
            assertThat(config.at("/hazelcast/join/method").asText()).isEqualTo("kubernetes");
            assertThat(config.at("/hazelcast/join/service-dns").asText())
                    .isEqualTo("sb-switchboard-hazelcast.cti.svc.cluster.local");
            assertThat(chart.container().at("/ports/1/containerPort").asInt()).isEqualTo(5701);
        }

        @Test
        void headlessServiceExposesHazelcastToEveryPodEvenBeforeReady() {
            JsonNode headless = chart.get("Service", "sb-switchboard-hazelcast");
            assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
            assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
            assertThat(headless.at("/spec/ports/0/port").asInt()).isEqualTo(5701);
            assertThat(headless.at("/spec/selector")).isEqualTo(chart.deployment().at("/spec/selector/matchLabels"));
        }

        @Test
        void httpServiceTargetsPort8080() {
            JsonNode service = chart.get("Service", "sb-switchboard");
            assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(8080);
            assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
            assertThat(service.at("/spec/clusterIP").isMissingNode()).isTrue();
            assertThat(chart.container().at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        }
    }

    @Nested
    class AsAClusterWithAnExternalDatabaseSecret {

        private final RenderedChart chart = RenderedChart.withValues("cluster-external-db.yaml");

        @Test
        void honoursTheReplicaCount() {
            assertThat(chart.deployment().at("/spec/replicas").asInt()).isEqualTo(3);
        }

        @Test
        void readsTheDatabasePasswordFromTheNamedSecretAndKey() {
            JsonNode ref = chart.env("SWITCHBOARD_DATABASE_PASSWORD").at("/valueFrom/secretKeyRef");
            assertThat(ref.path("name").asText()).isEqualTo("switchboard-db");
            assertThat(ref.path("key").asText()).isEqualTo("mariadb-password");
        }

        @Test
        void readsPbxSecretsFromTheirOwnSecretOneKeyPerConnection() {
            JsonNode main = chart.env("SWITCHBOARD_PBX_0_SECRET").at("/valueFrom/secretKeyRef");
            assertThat(main.path("name").asText()).isEqualTo("switchboard-pbx");
            assertThat(main.path("key").asText()).as("defaults to the connection name").isEqualTo("main");
            assertThat(main.path("optional").asBoolean(false)).as("a missing key stops the pod, loudly").isFalse();
            JsonNode fs = chart.env("SWITCHBOARD_PBX_1_SECRET").at("/valueFrom/secretKeyRef");
            assertThat(fs.path("name").asText()).isEqualTo("switchboard-pbx");
            assertThat(fs.path("key").asText()).as("secretKey override").isEqualTo("fs-esl-password");
        }

        @Test
        void rendersThePbxConnectionsInOrderWithoutSecrets() {
            JsonNode pbx = chart.serverConfig().path("pbx");
            assertThat(pbx).hasSize(2);
            assertThat(pbx.get(0).toString()).isEqualTo(
                    "{\"host\":\"pbx1.example.internal\",\"name\":\"main\",\"outbound-channel\":\"PJSIP/{number}@carrier\","
                    + "\"region\":\"GB\",\"type\":\"asterisk\",\"username\":\"switchboard\"}");
            assertThat(pbx.get(1).toString()).isEqualTo(
                    "{\"host\":\"10.0.0.20\",\"name\":\"fs\",\"port\":8022,\"type\":\"freeswitch\"}");
        }

        @Test
        void createsNoSecretWhenAllComeFromExistingOnes() {
            assertThat(chart.all("Secret")).isEmpty();
        }

        @Test
        void addsExtraConfigButKeepsTheKeysTheChartOwns() {
            JsonNode config = chart.serverConfig();
            assertThat(config.at("/logging/level").asText()).isEqualTo("debug");
            assertThat(config.at("/http/port").asInt()).isEqualTo(8080);
            assertThat(config.at("/database/url").asText()).isEqualTo("jdbc:mariadb://db.example.internal:3306/switchboard");
        }
    }

    @Nested
    class WithInlineSecrets {

        private final RenderedChart chart = RenderedChart.withValues("inline-secrets.yaml");

        @Test
        void secretValuesOnlyEverLandInTheSecret() {
            for (JsonNode manifest : chart.manifests()) {
                if (!"Secret".equals(manifest.path("kind").asText())) {
                    assertThat(manifest.toString())
                            .as(manifest.path("kind").asText())
                            .doesNotContain("db-s3cret-value", "ami-s3cret-value");
                }
            }
            JsonNode data = chart.get("Secret", "sb-switchboard").path("data");
            assertThat(decode(data.path("database-password"))).isEqualTo("db-s3cret-value");
            assertThat(decode(data.path("pbx-main"))).isEqualTo("ami-s3cret-value");
            assertThat(data.has("pbx-fs")).as("unset secrets are left out").isFalse();
            assertThat(chart.all("StatefulSet")).as("an external database: no bundled one").isEmpty();
        }

        @Test
        void eachInlinePbxSecretReachesItsConnectionIndex() {
            JsonNode ref = chart.env("SWITCHBOARD_PBX_0_SECRET").at("/valueFrom/secretKeyRef");
            assertThat(ref.path("name").asText()).isEqualTo("sb-switchboard");
            assertThat(ref.path("key").asText()).isEqualTo("pbx-main");
            assertThat(chart.envNames()).as("fs has no secret").doesNotContain("SWITCHBOARD_PBX_1_SECRET");
            assertThat(chart.serverConfig().at("/pbx/1/name").asText()).isEqualTo("fs");
        }

        private String decode(JsonNode base64) {
            return new String(java.util.Base64.getDecoder().decode(base64.asText()), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Nested
    class WithTheEmbeddedDatabase {

        private final RenderedChart chart = RenderedChart.withValues("embedded-db.yaml");

        @Test
        void leavesDatabaseUrlAndUserOutSoTheServerStartsItsOwn() {
            assertThat(chart.serverConfig().path("database").has("url")).isFalse();
            assertThat(chart.serverConfig().path("database").has("user")).isFalse();
            assertThat(chart.envNames()).doesNotContain("SWITCHBOARD_DATABASE_PASSWORD");
            assertThat(chart.all("StatefulSet")).isEmpty();
            assertThat(chart.find("Secret", "sb-switchboard")).as("nothing given to keep secret").isEmpty();
        }

        @Test
        void keepsItsFilesOnAWritableVolumeOutsideTmp() {
            assertThat(chart.serverConfig().at("/database/embedded/data-dir").asText()).isEqualTo("/var/lib/switchboard/mariadb");
            assertThat(chart.container().path("volumeMounts")).anySatisfy(m -> {
                assertThat(m.path("mountPath").asText()).isEqualTo("/var/lib/switchboard");
                assertThat(m.path("readOnly").asBoolean(false)).isFalse();
            });
            assertThat(chart.container().at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        }
    }
}
