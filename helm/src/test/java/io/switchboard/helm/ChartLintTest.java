package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChartLintTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void chartPassesStrictLint() {
        assertLintsClean(RenderedChart.CHART);
    }

    /**
     * helm-java's lint takes no values file, so each is laid over the chart's values.yaml, as Helm merges them, in a
     * copy of the chart, and that copy is linted.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "embedded-db.yaml", "cluster-external-db.yaml", "bundled-mariadb.yaml", "bundled-mariadb-existing-secret.yaml",
            "service-monitor.yaml", "crm-existing-secret.yaml", "crm-inline.yaml", "inline-secrets.yaml", "ingress.yaml"})
    void chartPassesStrictLintWith(String valuesFile, @TempDir Path dir) throws IOException {
        assertLintsClean(withValues(valuesFile, dir));
    }

    @Test
    void lintRefusesTheValuesTheSchemaRefuses(@TempDir Path dir) throws IOException {
        LintResult result = new Helm(withValues("both-databases.yaml", dir)).lint().strict().call();

        assertThat(result.isFailed()).isTrue();
        assertThat(result.getMessages()).anyMatch(m -> m.contains("database.url"));
    }

    private static void assertLintsClean(Path chart) {
        LintResult result = new Helm(chart).lint().strict().call();

        assertThat(result.isFailed()).as("helm lint --strict: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages())
                .as("strict lint reports no warnings or errors")
                .noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    /** A copy of the chart whose values.yaml is the chart's with the values file laid over it. */
    private static Path withValues(String valuesFile, Path dir) throws IOException {
        Path chart = copy(RenderedChart.CHART, dir.resolve("switchboard"));
        JsonNode merged = merge(YAML.readTree(chart.resolve("values.yaml").toFile()),
                YAML.readTree(RenderedChart.valuesFile(valuesFile).toFile()));
        YAML.writeValue(chart.resolve("values.yaml").toFile(), merged);
        return chart;
    }

    /** Helm's coalescing: maps merge key by key, anything else in the overlay replaces the base. */
    static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (!(base instanceof ObjectNode target) || !overlay.isObject()) {
            return overlay;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = target.get(field.getKey());
            target.set(field.getKey(), current == null ? field.getValue() : merge(current, field.getValue()));
        }
        return target;
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
