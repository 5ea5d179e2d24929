package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's demo command, run from the fat jar as a user runs it: it prints
 * the URL, its dependencies (the simulated PBX too) report up, it serves
 * metrics, what it stored is still there after a restart on the same data
 * directory, {@code --pbx freeswitch} attaches a simulated FreeSWITCH, and on either PBX the demo's own
 * simulated callers are connected to its agents through the ACD.
 */
class DemoCommandIT {

    private static final Pattern READY = Pattern.compile("open (http://\\S+?)/?$");
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Pattern TOKEN = Pattern.compile("API token: (\\S+)");
    private static final Pattern AGENT_SIGN_IN =
            Pattern.compile("agent desktop +(http://\\S+/app/desktop/) +sign in as (\\S+) / (\\S+)");
    private static final Pattern SUPERVISOR_SIGN_IN =
            Pattern.compile("supervisor wallboard +(http://\\S+/app/wallboard/) +sign in as supervisor / (\\S+)");
    private static final Set<String> DEMO_AGENTS = Set.of("ada", "alan", "grace", "edsger", "barbara", "ken",
            "margaret", "dennis");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Path dataDir;
    /** The admin token the running demo printed. */
    private String token = "";

    @BeforeEach
    void freshDataDirectory() throws IOException {
        dataDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"), "demo-" + UUID.randomUUID());
        Files.createDirectories(dataDir.getParent());
    }

    @AfterEach
    void removeDataDirectory() throws IOException {
        ServerProcess.deleteTree(dataDir);
    }

    @Test
    void the_demo_prints_its_url_and_reports_database_and_hazelcast_up() throws Exception {
        try (ServerProcess demo = startDemo()) {
            String url = demo.awaitStdout(READY, STARTUP).group(1);
            token = demo.awaitStdout(TOKEN, STARTUP).group(1);

            HttpResponse<String> status = get(url + "/status");
            assertThat(status.statusCode()).as(demo.transcript()).isEqualTo(200);
            JsonNode dependencies = json.readTree(status.body());
            assertThat(stateOf(dependencies, "database")).as(status.body()).isEqualTo("up");
            assertThat(stateOf(dependencies, "hazelcast")).as(status.body()).isEqualTo("up");
            assertThat(eventuallyUp(url, "pbx/demo-asterisk")).as(demo.transcript()).isEqualTo("up");

            assertThat(get(url + "/health/ready").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = get(url + "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/plain"));
            assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");

            HttpResponse<String> openApi = get(url + "/api/openapi.yaml");
            assertThat(openApi.statusCode()).isEqualTo(200);
            assertThat(openApi.body()).startsWith("openapi: 3");

            Matcher agent = demo.awaitStdout(AGENT_SIGN_IN, STARTUP);
            Matcher supervisor = demo.awaitStdout(SUPERVISOR_SIGN_IN, STARTUP);
            assertThat(agent.group(1)).isEqualTo(url + "/app/desktop/");
            assertThat(supervisor.group(1)).isEqualTo(url + "/app/wallboard/");
            assertThat(DEMO_AGENTS).contains(agent.group(2));
            JsonNode agentSession = signIn(url, agent.group(2), agent.group(3));
            assertThat(agentSession.path("role").asText()).isEqualTo("agent");
            assertThat(agentSession.path("agentId").asText()).isEqualTo(agent.group(2));
            assertThat(signIn(url, "supervisor", supervisor.group(2)).path("role").asText()).isEqualTo("supervisor");

            assertThat(demo.stop(Duration.ofSeconds(60))).as(demo.transcript()).isIn(0, 130, 143);
        }
    }

    /** Signs in with a user and password the demo printed; fails unless the node answers 201. */
    private JsonNode signIn(String url, String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/sessions"))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        json.createObjectNode().put("username", user).put("password", password).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).as(session.body()).isEqualTo(201);
        return json.readTree(session.body());
    }

    @Test
    void the_freeswitch_demo_attaches_a_simulated_freeswitch_and_opens_a_line_on_it() throws Exception {
        try (ServerProcess demo = ServerProcess.start(Map.of(), "demo", "--pbx", "freeswitch", "--port", "0",
                "--data-dir", dataDir.toString())) {
            String url = demo.awaitStdout(READY, STARTUP).group(1);
            token = demo.awaitStdout(TOKEN, STARTUP).group(1);

            assertThat(eventuallyUp(url, "pbx/demo-freeswitch")).as(demo.transcript()).isEqualTo("up");
            assertThat(json.readTree(get(url + "/status").body()).path("dependencies").has("pbx/demo-asterisk"))
                    .isFalse();

            String agent = """
                    {"id": "fs-agent", "displayName": "Grace Hopper", "device": "sofia/internal/1001@127.0.0.1",
                     "skills": [{"skill": "billing", "proficiency": 5}]}
                    """;
            assertThat(post(url + "/api/v1/agents", agent).statusCode()).isEqualTo(201);
            HttpResponse<String> line = post(url + "/api/v1/agents/fs-agent/session", "{\"pbx\": \"demo-freeswitch\"}");
            assertThat(line.statusCode()).as(line.body()).isEqualTo(202);
            assertThat(json.readTree(line.body()).path("pbx").asText()).isEqualTo("demo-freeswitch");

            assertThat(demo.stop(Duration.ofSeconds(60))).as(demo.transcript()).isIn(0, 130, 143);
        }
    }

    @Test
    void an_agent_created_through_the_api_is_still_there_after_a_restart() throws Exception {
        String agent = """
                {"id": "a-%s", "displayName": "Ada Lovelace", "device": "PJSIP/1001",
                 "skills": [{"skill": "billing", "proficiency": 7}]}
                """.formatted(UUID.randomUUID().toString().substring(0, 8));
        String id = json.readTree(agent).get("id").asText();

        try (ServerProcess first = startDemo()) {
            String url = first.awaitStdout(READY, STARTUP).group(1);
            token = first.awaitStdout(TOKEN, STARTUP).group(1);
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/agents"))
                    .header("content-type", "application/json").header("authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(agent)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            first.stop(Duration.ofSeconds(60));
        }

        try (ServerProcess second = startDemo()) {
            String url = second.awaitStdout(READY, STARTUP).group(1);
            token = second.awaitStdout(TOKEN, STARTUP).group(1);
            HttpResponse<String> found = get(url + "/api/v1/agents/" + id);
            assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
            JsonNode body = json.readTree(found.body());
            assertThat(body.get("displayName").asText()).isEqualTo("Ada Lovelace");
            assertThat(body.get("skills").get(0).get("proficiency").asInt()).isEqualTo(7);
            assertThat(second.stdout()).noneMatch(line -> line.contains("new data directory"));
            second.stop(Duration.ofSeconds(60));
        }
    }

    /**
     * The demo's own traffic: without any call placed by the test, simulated callers reach the demo queues, are
     * connected to demo agents through the ACD (CONNECT in queue_log, answered calls in the KPIs) within a minute.
     */
    @ParameterizedTest
    @ValueSource(strings = {"asterisk", "freeswitch"})
    void the_demo_s_own_traffic_connects_callers_to_agents_through_the_acd(String pbx) throws Exception {
        try (ServerProcess demo = ServerProcess.start(Map.of(), "demo", "--pbx", pbx, "--calls-per-minute", "60",
                "--port", "0", "--data-dir", dataDir.toString())) {
            String url = demo.awaitStdout(READY, STARTUP).group(1);
            token = demo.awaitStdout(TOKEN, STARTUP).group(1);
            assertThat(demo.stdout()).as("the banner").anyMatch(line -> line.contains("/api/v1/kpis/stream"));
            assertThat(json.readTree(get(url + "/api/v1/queues").body()).findValuesAsText("strategy"))
                    .contains("longest-idle", "fewest-calls", "round-robin-memory");

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            int answered = 0;
            List<String> connects = List.of();
            int dialled = 0;
            while ((answered == 0 || connects.isEmpty() || dialled == 0) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                answered = json.readTree(get(url + "/api/v1/kpis").body()).path("queues").findValues("today").stream()
                        .mapToInt(today -> today.path("answered").asInt()).sum();
                connects = connectedAgents(url);
                dialled = (int) json.readTree(get(url + "/api/v1/dial-audit?campaign=demo-renewals").body())
                        .path("rows").findValuesAsText("decision").stream().filter("dialled"::equals).count();
            }

            assertThat(answered).as(demo.transcript()).isPositive();
            assertThat(connects).as("CONNECT rows name demo agents")
                    .isNotEmpty().allMatch(DEMO_AGENTS::contains);
            assertThat(dialled).as("the demo's predictive campaign dials its customers: " + demo.transcript())
                    .isPositive();
            assertThat(demo.stop(Duration.ofSeconds(60))).as(demo.transcript()).isIn(0, 130, 143);
        }
    }

    /** The agents of every CONNECT row in the demo queues' queue_log. */
    private List<String> connectedAgents(String url) throws IOException, InterruptedException {
        List<String> agents = new ArrayList<>();
        for (String queue : List.of("4930100100", "4930100200", "4930100300")) {
            for (JsonNode row : json.readTree(get(url + "/api/v1/queue-log?queue=" + queue).body()).path("rows")) {
                if (row.path("event").asText().equals("CONNECT")) {
                    agents.add(row.path("agent").asText());
                }
            }
        }
        return agents;
    }

    private ServerProcess startDemo() throws IOException {
        return ServerProcess.start(Map.of(), "demo", "--port", "0", "--data-dir", dataDir.toString());
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("content-type", "application/json")
                .header("authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The state of {@code dependency} in /status once it is up, or the last one seen after 30 s. */
    private String eventuallyUp(String url, String dependency) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String state = stateOf(json.readTree(get(url + "/status").body()), dependency);
        while (!state.equals("up") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            state = stateOf(json.readTree(get(url + "/status").body()), dependency);
        }
        return state;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String stateOf(JsonNode status, String dependency) {
        JsonNode entry = status.path("dependencies").path(dependency);
        if (entry.isMissingNode()) {
            throw new AssertionError("no '" + dependency + "' entry in /status: " + status);
        }
        return entry.path("state").asText();
    }
}
