package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** N replicas as one Hazelcast cluster whose quorum survives a rolling upgrade and a node drain. */
class ClusterRenderTest {

    @Nested
    class ThreeReplicas {

        private final RenderedChart chart = RenderedChart.withValues("cluster-external-db.yaml");

        @Test
        void expectTheWholeClusterSoTheQuorumIsAMajorityOfTheReplicas() {
            assertThat(chart.deployment().at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(chart.serverConfig().at("/hazelcast/expected-members").asInt()).isEqualTo(3);
        }

        @Test
        void detectAFailedMemberOnTheDefaultTelephonyTimings() {
            JsonNode hazelcast = chart.serverConfig().path("hazelcast");
            assertThat(hazelcast.path("heartbeat-seconds").asInt()).isEqualTo(1);
            assertThat(hazelcast.path("max-no-heartbeat-seconds").asInt()).isEqualTo(5);
            assertThat(hazelcast.path("pbx-lease-seconds").asInt()).as("the server's default").isEqualTo(3);
        }

        @Test
        void letADrainEvictOnePodAtATime() {
            JsonNode pdb = chart.get("PodDisruptionBudget", "sb-switchboard");
            assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
            assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
            assertThat(pdb.at("/spec/minAvailable").isMissingNode()).isTrue();
            assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(chart.deployment().at("/spec/selector/matchLabels"));
        }

        @Test
        void rollOutOnePodAtATimeStartingTheNewOneFirst() {
            JsonNode strategy = chart.deployment().at("/spec/strategy");
            assertThat(strategy.path("type").asText()).isEqualTo("RollingUpdate");
            assertThat(strategy.at("/rollingUpdate/maxUnavailable").asInt()).isZero();
            assertThat(strategy.at("/rollingUpdate/maxSurge").asInt()).isEqualTo(1);
        }

        @Test
        void needNoKubernetesApiCredentials() {
            assertThat(chart.podSpec().path("automountServiceAccountToken").asBoolean(true)).isFalse();
        }

        @Test
        void giveTheServerTimeToCloseInOrder() {
            assertThat(chart.podSpec().path("terminationGracePeriodSeconds").asInt())
                    .as("PBX log-off, HTTP, database and the Hazelcast leave, 20 s at most per step")
                    .isGreaterThanOrEqualTo(60);
        }

        @Test
        void preferToSpreadReplicasOverNodesAndZonesWithoutRefusingToSchedule() {
            JsonNode spread = chart.podSpec().path("topologySpreadConstraints");
            assertThat(spread).extracting(c -> c.path("topologyKey").asText())
                    .containsExactly("kubernetes.io/hostname", "topology.kubernetes.io/zone");
            assertThat(spread).allSatisfy(c -> {
                assertThat(c.path("whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
                assertThat(c.at("/labelSelector/matchLabels")).isEqualTo(chart.deployment().at("/spec/selector/matchLabels"));
            });
        }

        @Test
        void findEachOtherThroughTheHeadlessServiceBeforeTheyAreReady() {
            JsonNode headless = chart.get("Service", "sb-switchboard-hazelcast");
            assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
            assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean()).isTrue();
            assertThat(chart.serverConfig().at("/hazelcast/join/service-dns").asText())
                    .isEqualTo("sb-switchboard-hazelcast.cti.svc.cluster.local");
        }
    }

    @Nested
    class OneReplica {

        private final RenderedChart chart = RenderedChart.withDefaults();

        @Test
        void isAClusterOfOneWithNoDisruptionBudgetToBlockDrains() {
            assertThat(chart.serverConfig().at("/hazelcast/expected-members").asInt()).isEqualTo(1);
            assertThat(chart.all("PodDisruptionBudget")).isEmpty();
        }

        @Test
        void rendersTheBudgetWhenForced() {
            RenderedChart forced = RenderedChart.withSettings("podDisruptionBudget.force=true");
            assertThat(forced.get("PodDisruptionBudget", "sb-switchboard").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        }
    }

    @Test
    void timingsAndBudgetComeFromTheValues() {
        RenderedChart chart = RenderedChart.withValues("bundled-mariadb.yaml");
        JsonNode hazelcast = chart.serverConfig().path("hazelcast");
        assertThat(hazelcast.path("heartbeat-seconds").asInt()).isEqualTo(2);
        assertThat(hazelcast.path("max-no-heartbeat-seconds").asInt()).isEqualTo(8);
        assertThat(hazelcast.path("pbx-lease-seconds").asInt()).isEqualTo(6);
        assertThat(hazelcast.path("expected-members").asInt()).isEqualTo(3);

        RenderedChart percent = RenderedChart.withSettings("replicaCount=5", "podDisruptionBudget.maxUnavailable=20%");
        assertThat(percent.get("PodDisruptionBudget", "sb-switchboard").at("/spec/maxUnavailable").asText()).isEqualTo("20%");
        assertThat(percent.serverConfig().at("/hazelcast/expected-members").asInt()).isEqualTo(5);
    }

    @Test
    void ownSpreadConstraintsReplaceTheDefaultOnes() {
        RenderedChart chart = RenderedChart.withSettings("spreadAcrossNodes=false");
        assertThat(chart.podSpec().has("topologySpreadConstraints")).isFalse();
    }

    @Test
    void anIngressReachesTheHttpServiceAndThePodsMayBeGivenAPriority() {
        RenderedChart chart = RenderedChart.withValues("ingress.yaml");
        JsonNode ingress = chart.get("Ingress", "sb-switchboard");
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("switchboard.example.com");
        JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
        assertThat(backend.path("name").asText()).isEqualTo("sb-switchboard");
        assertThat(backend.at("/port/name").asText()).isEqualTo(chart.get("Service", "sb-switchboard").at("/spec/ports/0/name").asText());
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("switchboard-tls");
        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1proxy-read-timeout").asText()).isEqualTo("3600");
        assertThat(chart.podSpec().path("priorityClassName").asText()).isEqualTo("contact-center-critical");
        assertThat(RenderedChart.withDefaults().all("Ingress")).isEmpty();
    }
}
