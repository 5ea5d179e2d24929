package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** values.schema.json turns a bad values file into a clear error before anything reaches the cluster. */
class ValuesSchemaTest {

    @Test
    void rejectsANegativeReplicaCount() {
        assertThatThrownBy(() -> RenderedChart.withValues("negative-replicas.yaml"))
                .hasMessageContaining("replicaCount")
                .hasMessageContaining("greater than or equal to 1");
    }

    @Test
    void rejectsAMissingImageRepository() {
        assertThatThrownBy(() -> RenderedChart.withValues("missing-image.yaml"))
                .hasMessageContaining("image")
                .hasMessageContaining("repository");
    }

    @Test
    void rejectsAPasswordSmuggledIntoTheConfigMap() {
        assertThatThrownBy(() -> RenderedChart.withValues("password-in-extra-config.yaml"))
                .hasMessageContaining("extraConfig.database.password");
    }

    @Test
    void rejectsAMisspelledTopLevelKey() {
        assertThatThrownBy(() -> RenderedChart.render(new com.marcnuri.helm.Helm(RenderedChart.CHART).template()
                        .set("replicas", 3)))
                .hasMessageContaining("replicas");
    }

    @Test
    void rejectsAnUnknownPbxType() {
        assertThatThrownBy(() -> RenderedChart.withValues("pbx-bad-type.yaml"))
                .hasMessageContaining("pbx.connections.0.type")
                .hasMessageContaining("asterisk");
    }

    @Test
    void rejectsPbxConnectionsInExtraConfig() {
        assertThatThrownBy(() -> RenderedChart.withValues("pbx-in-extra-config.yaml"))
                .hasMessageContaining("extraConfig.pbx");
    }

    @Test
    void rejectsAnInlinePbxSecretThatAnExistingSecretWouldShadow() {
        assertThatThrownBy(() -> RenderedChart.withValues("pbx-inline-secret-with-existing-secret.yaml"))
                .hasMessageContaining("pbx.connections[0].secret")
                .hasMessageContaining("switchboard-pbx");
    }

    @Test
    void rejectsADatabaseUrlTheServerWouldRefuse() {
        assertThatThrownBy(() -> RenderedChart.render(new com.marcnuri.helm.Helm(RenderedChart.CHART).template()
                        .set("database.url", "jdbc:postgresql://db/switchboard")))
                .hasMessageContaining("database.url");
    }

    @Test
    void rejectsZeroReplicas() {
        assertThatThrownBy(() -> RenderedChart.withSettings("replicaCount=0"))
                .hasMessageContaining("replicaCount")
                .hasMessageContaining("greater than or equal to 1");
    }

    @Test
    void rejectsAnExternalDatabaseNextToTheBundledOne() {
        assertThatThrownBy(() -> RenderedChart.withValues("both-databases.yaml"))
                .hasMessageContaining("database.url")
                .hasMessageContaining("less than or equal to 0");
    }

    @Test
    void rejectsNoDatabaseAtAll() {
        assertThatThrownBy(() -> RenderedChart.withValues("no-database.yaml"))
                .hasMessageContaining("database.url")
                .hasMessageContaining("greater than or equal to 1");
    }

    @Test
    void rejectsAnInPodDatabaseForMoreThanOneReplica() {
        assertThatThrownBy(() -> RenderedChart.withValues("embedded-with-replicas.yaml"))
                .hasMessageContaining("replicaCount")
                .hasMessageContaining("less than or equal to 1");
    }

    @Test
    void rejectsTheAdminTokenInTheConfigMap() {
        assertThatThrownBy(() -> RenderedChart.withValues("admin-token-in-extra-config.yaml"))
                .hasMessageContaining("extraConfig.http.auth.admin-token");
    }

    @Test
    void rejectsAnExpectedMemberCountThatIsNotTheReplicaCount() {
        assertThatThrownBy(() -> RenderedChart.withValues("expected-members-in-extra-config.yaml"))
                .hasMessageContaining("extraConfig.hazelcast.expected-members");
    }

    @Test
    void rejectsAnEnabledCrmWithoutItsCredential() {
        assertThatThrownBy(() -> RenderedChart.withValues("crm-enabled-without-secret.yaml"))
                .hasMessageContaining("extraConfig.crm.zendesk.enabled")
                .hasMessageContaining("crm.zendesk.apiToken");
    }

    @Test
    void rejectsAServiceMonitorWithoutAToken() {
        assertThatThrownBy(() -> RenderedChart.withValues("service-monitor-without-token.yaml"))
                .hasMessageContaining("metrics.serviceMonitor.tokenSecret.name");
    }

    @Test
    void rejectsAShortSessionKey() {
        assertThatThrownBy(() -> RenderedChart.withSettings("auth.sessionKey=too-short"))
                .hasMessageContaining("auth.sessionKey");
    }

    @Test
    void rejectsAnUnknownKeyInANewSection() {
        assertThatThrownBy(() -> RenderedChart.withSettings("mariadb.passwd=hunter2"))
                .hasMessageContaining("passwd");
        assertThatThrownBy(() -> RenderedChart.withSettings("podDisruptionBudget.maxUnavailable=0"))
                .hasMessageContaining("podDisruptionBudget.maxUnavailable");
    }

    @Test
    void rejectsAHeartbeatTimeoutOneLateHeartbeatWouldTrip() {
        assertThatThrownBy(() -> RenderedChart.withSettings("hazelcast.heartbeatSeconds=3", "hazelcast.maxNoHeartbeatSeconds=5"))
                .hasMessageContaining("hazelcast.maxNoHeartbeatSeconds (5) must be at least twice hazelcast.heartbeatSeconds (3)");
        assertThatThrownBy(() -> RenderedChart.withSettings("hazelcast.pbxLeaseSeconds=61"))
                .hasMessageContaining("hazelcast.pbxLeaseSeconds");
    }

    @Test
    void rejectsAnIngressWithoutAHost() {
        assertThatThrownBy(() -> RenderedChart.withSettings("ingress.enabled=true"))
                .hasMessageContaining("ingress.hosts");
    }
}
