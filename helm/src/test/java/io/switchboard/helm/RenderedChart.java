package io.switchboard.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The chart rendered by the real Helm engine (helm-java), parsed into manifests. */
final class RenderedChart {

    static final Path CHART = Path.of("switchboard");
    static final String RELEASE = "sb";
    static final String NAMESPACE = "cti";

    private static final ObjectMapper YAML = new YAMLMapper();

    private final String text;
    private final List<JsonNode> manifests;

    private RenderedChart(String text, List<JsonNode> manifests) {
        this.text = text;
        this.manifests = manifests;
    }

    static RenderedChart withDefaults() {
        return render(new Helm(CHART).template());
    }

    static RenderedChart withValues(String... valuesResources) {
        TemplateCommand command = new Helm(CHART).template();
        for (String resource : valuesResources) {
            command = command.withValuesFile(valuesFile(resource));
        }
        return render(command);
    }

    static RenderedChart withSettings(String... keyValues) {
        TemplateCommand command = new Helm(CHART).template();
        for (String keyValue : keyValues) {
            String[] kv = keyValue.split("=", 2);
            command = command.set(kv[0], kv[1]);
        }
        return render(command);
    }

    static Path valuesFile(String valuesResource) {
        return Path.of("src/test/resources/values", valuesResource);
    }

    static RenderedChart render(TemplateCommand command) {
        String text = command.withName(RELEASE).withNamespace(NAMESPACE).call();
        return new RenderedChart(text, parse(text));
    }

    static JsonNode parseYaml(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> parse(String text) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(text)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && doc.hasNonNull("kind")) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    String text() {
        return text;
    }

    List<JsonNode> manifests() {
        return manifests;
    }

    List<JsonNode> all(String kind) {
        return manifests.stream().filter(m -> kind.equals(m.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(m -> name.equals(m.at("/metadata/name").asText())).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new NoSuchElementException(
                kind + " " + name + " not rendered; got " + manifests.stream()
                        .map(m -> m.path("kind").asText() + "/" + m.at("/metadata/name").asText()).toList()));
    }

    JsonNode deployment() {
        return get("Deployment", "sb-switchboard");
    }

    JsonNode container() {
        return deployment().at("/spec/template/spec/containers/0");
    }

    JsonNode podSpec() {
        return deployment().at("/spec/template/spec");
    }

    JsonNode env(String name) {
        for (JsonNode env : container().path("env")) {
            if (name.equals(env.path("name").asText())) {
                return env;
            }
        }
        throw new NoSuchElementException("no env " + name + " in " + container().path("env"));
    }

    List<String> envNames() {
        List<String> names = new ArrayList<>();
        container().path("env").forEach(env -> names.add(env.path("name").asText()));
        return names;
    }

    /** config.yaml from the ConfigMap, parsed. */
    JsonNode serverConfig() {
        return parseYaml(get("ConfigMap", "sb-switchboard").at("/data/config.yaml").asText());
    }
}
