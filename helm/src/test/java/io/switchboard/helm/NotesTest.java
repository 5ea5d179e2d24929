package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code helm install} prints. helm-java's template leaves NOTES.txt out, so a copy of the chart renders it
 * through {@code tpl} into a ConfigMap whose text is read back.
 */
class NotesTest {

    @TempDir
    Path dir;

    @Test
    void warnThatScrapeAnnotationsCannotSendTheTokenAndThatTwoReplicasCannotLoseOne() throws IOException {
        String notes = notes("replicaCount=2", "metrics.scrape=true");

        assertThat(notes).contains("hazelcast.expected-members=2")
                .contains("WARNING: with 2 replicas the quorum is 2")
                .contains("WARNING: metrics.scrape adds prometheus.io/* annotations, but /metrics answers 401 without a bearer")
                .contains("Secret sb-switchboard-session (key session-key)");
    }

    @Test
    void nameTheTokenSecretOfTheServiceMonitorAndNoWarningsForThreeReplicas() throws IOException {
        String notes = notes("replicaCount=3", "metrics.serviceMonitor.enabled=true",
                "metrics.serviceMonitor.tokenSecret.name=switchboard-metrics-token");

        assertThat(notes).contains("ServiceMonitor sb-switchboard scrapes /metrics with the API token in")
                .contains("Secret switchboard-metrics-token (key token)")
                .doesNotContain("WARNING");
    }

    private String notes(String... settings) throws IOException {
        Path chart = ChartLintTest.copy(RenderedChart.CHART, dir.resolve("switchboard"));
        Files.move(chart.resolve("templates/NOTES.txt"), chart.resolve("notes.txt"));
        Files.writeString(chart.resolve("templates/notes.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: notes
                data:
                  notes: |
                    {{- tpl (.Files.Get "notes.txt") . | nindent 4 }}
                """);
        TemplateCommand command = new Helm(chart).template();
        for (String setting : settings) {
            String[] kv = setting.split("=", 2);
            command = command.set(kv[0], kv[1]);
        }
        return RenderedChart.render(command).get("ConfigMap", "notes").at("/data/notes").asText();
    }
}
