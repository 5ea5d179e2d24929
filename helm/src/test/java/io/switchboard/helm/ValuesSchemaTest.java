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
}
