package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.switchboard.server.config.ConfigKey;
import io.switchboard.server.config.ConfigLoader;
import io.switchboard.server.config.ConfigSchema;
import io.switchboard.server.config.HazelcastSettings;
import io.switchboard.server.config.JoinMethod;
import io.switchboard.server.config.LoadedConfig;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.SwitchboardConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart and the server agree: the chart's {@code config.yaml} (from its ConfigMap) and the
 * {@code SWITCHBOARD_*} variables of its Deployment are loaded by the server's own {@link ConfigLoader},
 * which refuses unknown keys and only warns about unknown variables. The helm module cannot depend on
 * cti-server, so this check lives here.
 */
class HelmRenderedConfigIT {

    private static final Path CHART = Path.of(System.getProperty("helm.chart.dir", "../helm/switchboard"));
    /** The release name that makes the Service "switchboard", the case where Kubernetes service links would bite. */
    private static final String RELEASE = "switchboard";
    private static final String NAMESPACE = "cti";
    private static final String POD_IP = "10.1.2.3";

    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir
    Path dir;

    @Test
    void default_values_give_a_config_the_server_loads_as_a_kubernetes_cluster_member_on_the_bundled_mariadb() {
        Rendered chart = render(new Helm(CHART).template());

        LoadedConfig loaded = chart.loadAsThePodWould(dir);

        SwitchboardConfig config = loaded.config();
        assertKubernetesMember(chart, config.hazelcast());
        assertThat(config.http().port()).isEqualTo(chart.containerPort("http"));
        JsonNode mariadb = chart.get("Service", RELEASE + "-mariadb");
        assertThat(config.database().url()).isEqualTo("jdbc:mariadb://%s:%d/switchboard",
                mariadb.at("/metadata/name").asText(), mariadb.at("/spec/ports/0/port").asInt());
        assertThat(config.database().user()).isEqualTo("switchboard");
        assertThat(config.database().password().value())
                .isEqualTo(dummySecret(RELEASE + "-mariadb", "mariadb-password"));
        assertThat(config.http().auth().sessionKey().value())
                .as("one generated key for every replica").isEqualTo(dummySecret(RELEASE + "-session", "session-key"));
        assertThat(config.pbx()).isEmpty();
        assertNothingIgnored(chart, loaded);
    }

    @Test
    void three_replicas_on_an_external_database_expect_each_other() {
        Rendered chart = render(new Helm(CHART).template()
                .set("replicaCount", 3)
                .set("mariadb.enabled", false)
                .set("database.url", "jdbc:mariadb://db.example.internal:3306/switchboard")
                .set("database.existingSecret", "switchboard-db"));

        LoadedConfig loaded = chart.loadAsThePodWould(dir);

        assertThat(loaded.config().database().url()).isEqualTo("jdbc:mariadb://db.example.internal:3306/switchboard");
        assertThat(loaded.config().database().password().value()).isEqualTo(dummySecret("switchboard-db", "password"));
        assertThat(loaded.config().hazelcast().expectedMembers()).isEqualTo(3);
        assertThat(loaded.config().hazelcast().quorum()).isEqualTo(2);
        assertKubernetesMember(chart, loaded.config().hazelcast());
        assertNothingIgnored(chart, loaded);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"inline", "existingSecret"})
    void crm_credentials_and_the_admin_token_reach_the_enabled_connectors_through_the_environment(String secrets)
            throws IOException {
        boolean existing = secrets.equals("existingSecret");
        Path values = Files.writeString(dir.resolve("crm.yaml"), """
                auth:
                  existingSecret: %s
                  adminTokenKey: %s
                  adminToken: %s
                crm:
                  existingSecret: %s
                  salesforce:
                    clientSecret: %s
                  hubspot:
                    accessToken: %s
                extraConfig:
                  crm:
                    salesforce:
                      enabled: true
                      instance-url: https://acme.my.salesforce.com
                      client-id: 3MVG9-connected-app
                    hubspot:
                      enabled: true
                      portal-id: "2468013"
                """.formatted(
                        existing ? "switchboard-auth" : "\"\"",
                        existing ? "admin-token" : "\"\"",
                        existing ? "\"\"" : "admin-s3cret-0123456789",
                        existing ? "switchboard-crm" : "\"\"",
                        existing ? "\"\"" : "sf-s3cret",
                        existing ? "\"\"" : "hs-s3cret"));
        Rendered chart = render(new Helm(CHART).template().withValuesFile(values));

        LoadedConfig loaded = chart.loadAsThePodWould(dir);

        SwitchboardConfig config = loaded.config();
        String authSecret = existing ? "switchboard-auth" : RELEASE;
        String crmSecret = existing ? "switchboard-crm" : RELEASE;
        assertThat(config.http().auth().adminToken().value()).isEqualTo(dummySecret(authSecret, "admin-token"));
        assertThat(config.crm().salesforce().enabled()).isTrue();
        assertThat(config.crm().salesforce().clientSecret().value())
                .isEqualTo(dummySecret(crmSecret, "salesforce-client-secret"));
        assertThat(config.crm().hubspot().accessToken().value()).isEqualTo(dummySecret(crmSecret, "hubspot-access-token"));
        assertThat(config.crm().zendesk().enabled()).isFalse();
        assertThat(chart.configYaml()).as("secrets stay out of the ConfigMap")
                .doesNotContain("s3cret", "client-secret", "access-token", "admin-token");
        assertNothingIgnored(chart, loaded);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"inline", "existingSecret"})
    void two_pbx_connections_reach_the_server_with_their_secrets_through_the_environment(String secrets)
            throws IOException {
        boolean existing = secrets.equals("existingSecret");
        Path values = Files.writeString(dir.resolve("two-pbx.yaml"), """
                pbx:
                  existingSecret: %s
                  connections:
                    - name: main
                      type: asterisk
                      host: pbx1.example.internal
                      username: switchboard
                      transfer-context: from-switchboard
                      region: DE
                      %s
                    - name: fs
                      type: freeswitch
                      host: 10.0.0.20
                      port: 8022
                      recording-directory: /srv/fs-recordings
                      %s
                """.formatted(
                        existing ? "switchboard-pbx" : "\"\"",
                        existing ? "" : "secret: ami-s3cret",
                        existing ? "secretKey: fs-esl-password" : "secret: esl-s3cret"));
        Rendered chart = render(new Helm(CHART).template().withValuesFile(values));

        LoadedConfig loaded = chart.loadAsThePodWould(dir);

        List<PbxConnection> pbx = loaded.config().pbx();
        assertThat(pbx).extracting(PbxConnection::name).containsExactly("main", "fs");
        assertThat(pbx).extracting(PbxConnection::type).containsExactly(PbxType.ASTERISK, PbxType.FREESWITCH);
        assertThat(pbx).extracting(PbxConnection::host).containsExactly("pbx1.example.internal", "10.0.0.20");
        assertThat(pbx).extracting(PbxConnection::port).containsExactly(5038, 8022);
        assertThat(pbx.get(0).username()).isEqualTo("switchboard");
        assertThat(pbx.get(0).transferContext()).isEqualTo("from-switchboard");
        assertThat(pbx.get(0).region()).isEqualTo("DE");
        assertThat(pbx.get(1).outboundChannel()).isEqualTo(PbxConnection.DEFAULT_FREESWITCH_OUTBOUND_CHANNEL);
        assertThat(pbx.get(1).recordingDirectory()).isEqualTo("/srv/fs-recordings");
        assertThat(pbx.get(0).recordingDirectory()).as("asterisk records into its own directory").isEmpty();
        String secretName = existing ? "switchboard-pbx" : RELEASE;
        assertThat(pbx.get(0).secret().value())
                .isEqualTo(dummySecret(secretName, existing ? "main" : "pbx-main"));
        assertThat(pbx.get(1).secret().value())
                .isEqualTo(dummySecret(secretName, existing ? "fs-esl-password" : "pbx-fs"));
        assertThat(chart.configYaml()).as("secrets stay out of the ConfigMap")
                .doesNotContain("s3cret").doesNotContainIgnoringCase("secret");
        assertKubernetesMember(chart, loaded.config().hazelcast());
        assertNothingIgnored(chart, loaded);
    }

    @Test
    void database_embedded_gives_the_database_inside_the_pod() {
        Rendered chart = render(new Helm(CHART).template().set("mariadb.enabled", false).set("database.embedded", true));

        LoadedConfig loaded = chart.loadAsThePodWould(dir);

        assertThat(loaded.config().database().embeddedMode()).isTrue();
        assertThat(loaded.config().database().embedded().dataDir())
                .as("on the pod's writable volume, the root file system being read-only")
                .isEqualTo("/var/lib/switchboard/mariadb");
        assertKubernetesMember(chart, loaded.config().hazelcast());
        assertNothingIgnored(chart, loaded);
    }

    private static void assertKubernetesMember(Rendered chart, HazelcastSettings hazelcast) {
        JsonNode headless = chart.get("Service", RELEASE + "-hazelcast");
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(hazelcast.join().method()).isEqualTo(JoinMethod.KUBERNETES);
        assertThat(hazelcast.join().serviceDns())
                .isEqualTo(headless.at("/metadata/name").asText() + "." + NAMESPACE + ".svc.cluster.local");
        assertThat(hazelcast.memberPort())
                .isEqualTo(chart.containerPort("hazelcast"))
                .isEqualTo(headless.at("/spec/ports/0/port").asInt());
        assertThat(hazelcast.networkInterface()).as("the pod IP, from the downward API").isEqualTo(POD_IP);
        assertThat(hazelcast.expectedMembers()).as("the quorum is a majority of the replicas")
                .isEqualTo(chart.deployment().at("/spec/replicas").asInt());
        assertThat(hazelcast.heartbeatSeconds()).isEqualTo(1);
        assertThat(hazelcast.maxNoHeartbeatSeconds()).isEqualTo(5);
        assertThat(hazelcast.pbxLeaseSeconds()).isEqualTo(HazelcastSettings.defaults().pbxLeaseSeconds());
    }

    /** Every SWITCHBOARD_* variable the Deployment sets is a setting; none would merely be warned about. */
    private static void assertNothingIgnored(Rendered chart, LoadedConfig loaded) {
        assertThat(loaded.warnings()).isEmpty();
        List<Pattern> settings = ConfigSchema.keys().stream()
                .map(ConfigKey::envVar)
                .map(v -> Pattern.compile(Pattern.quote(v).replace("<n>", "\\E\\d+\\Q")))
                .toList();
        assertThat(chart.env().keySet())
                .filteredOn(name -> name.startsWith(ConfigKey.ENV_PREFIX))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(settings)
                        .as("%s is a key of docs/configuration.md", name)
                        .anyMatch(p -> p.matcher(name).matches()));
        assertThat(chart.deployment().at("/spec/template/spec/enableServiceLinks").asBoolean(true))
                .as("no SWITCHBOARD_PORT & co. injected for the Service named %s", RELEASE)
                .isFalse();
    }

    private static String dummySecret(String secret, String key) {
        return "dummy-" + secret + "/" + key;
    }

    private static Rendered render(TemplateCommand command) {
        String text = command.withName(RELEASE).withNamespace(NAMESPACE).call();
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
        return new Rendered(docs);
    }

    private record Rendered(List<JsonNode> manifests) {

        JsonNode get(String kind, String name) {
            return manifests.stream()
                    .filter(m -> kind.equals(m.path("kind").asText()) && name.equals(m.at("/metadata/name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new NoSuchElementException(kind + "/" + name + " not rendered"));
        }

        JsonNode deployment() {
            return get("Deployment", RELEASE);
        }

        JsonNode container() {
            return deployment().at("/spec/template/spec/containers/0");
        }

        String configYaml() {
            return get("ConfigMap", RELEASE).at("/data/config.yaml").asText();
        }

        int containerPort(String name) {
            for (JsonNode port : container().path("ports")) {
                if (name.equals(port.path("name").asText())) {
                    return port.path("containerPort").asInt();
                }
            }
            throw new NoSuchElementException("no container port " + name);
        }

        /** The container's environment as the kubelet would fill it, with dummy values for Secrets and the pod IP. */
        Map<String, String> env() {
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode var : container().path("env")) {
                String name = var.path("name").asText();
                JsonNode from = var.path("valueFrom");
                if (from.has("secretKeyRef")) {
                    JsonNode ref = from.path("secretKeyRef");
                    env.put(name, dummySecret(ref.path("name").asText(), ref.path("key").asText()));
                } else if ("status.podIP".equals(from.at("/fieldRef/fieldPath").asText())) {
                    env.put(name, POD_IP);
                } else if (var.has("value")) {
                    env.put(name, var.path("value").asText());
                } else {
                    throw new IllegalStateException("env " + name + " has a source this test does not model: " + var);
                }
            }
            return env;
        }

        /** What the container's {@code run --config /etc/switchboard/config.yaml} would load. */
        LoadedConfig loadAsThePodWould(Path dir) {
            assertThat(container().path("command").toString()).contains("/etc/switchboard/config.yaml");
            try {
                Path file = Files.writeString(dir.resolve("config.yaml"), configYaml());
                LoadedConfig[] loaded = new LoadedConfig[1];
                assertThatCode(() -> loaded[0] = ConfigLoader.load(file, env()))
                        .as("the server loads the chart's config.yaml:%n%s", configYaml())
                        .doesNotThrowAnyException();
                return loaded[0];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
