package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** values.schema.json turns a bad values file into a clear error before anything reaches the cluster. */
class ValuesSchemaTest {

    @Test
    void rejectsANegativeReplicaCount() {
        assertThatThrownBy(() -> RenderedChart.withValues("negative-replicas.yaml"))
                .hasMessageContaining("replicaCount")
                .hasMessageContaining("greater than or equal to 0");
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
}
