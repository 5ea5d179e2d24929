package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One inbound call end to end, over real AMI with the real Asterisk-Java client: the fat jar attached to a
 * simulated Asterisk holds the caller, picks the agent idle longest, skips the one who does not answer,
 * connects the next, and records the call, its legs and queue_log; a caller who hangs up while nobody is
 * available leaves the queue as an abandon.
 *
 * <p>The shipped glue's queue hint is the dialled number unless the dialplan sets {@code SWITCHBOARD_QUEUE},
 * so the queue's id is the DID ({@value #SUPPORT_DID}, displayed as "support"); it is created through
 * {@code POST /api/v1/queues} after the agents, since queue members must be existing agents.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class InboundCallIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration ROUTED = Duration.ofSeconds(60);
    private static final String USER = "cti";
    private static final String SECRET = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SUPPORT_DID = "4930100200";
    private static final String NOBODY_DID = "4930100999";
    private static final double TIME_SCALE = 0.1;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path workDir;
    private static AsteriskSimulator asterisk;
    private static ServerProcess server;
    private static String url;

    @BeforeAll
    static void startAsteriskServerAgentsAndQueue() throws Exception {
        workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"), "inbound-" + UUID.randomUUID());
        Files.createDirectories(workDir);
        asterisk = new AsteriskSimulator(SimulatorConfig.of(USER, SECRET)
                .withPhones(Map.of(
                        "SIP/1001", new Phone.NeverAnswers(),
                        "SIP/1002", new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(2))))
                .withTimeScale(TIME_SCALE)).start(0);
        int http = ServerProcess.freePort();
        server = ServerProcess.attachedToAsterisk(workDir, "server", http, asterisk.port(), USER, SECRET);
        url = "http://127.0.0.1:" + http;
        await("pbx/sim up", () -> "up".equals(JSON.readTree(get("/status").body())
                .path("dependencies").path("pbx/sim").path("state").asText()), STARTUP);

        post("/api/v1/agents", "{\"id\":\"a1\",\"displayName\":\"Ann\",\"device\":\"SIP/1001\"}", 201);
        post("/api/v1/agents", "{\"id\":\"a2\",\"displayName\":\"Bob\",\"device\":\"SIP/1002\"}", 201);
        post("/api/v1/queues", "{\"id\":\"" + SUPPORT_DID + "\",\"name\":\"support\",\"ringTimeoutSeconds\":5,"
                + "\"wrapUpSeconds\":1,\"members\":[\"a1\",\"a2\"]}", 201);
        post("/api/v1/agents/a1/state", "{\"state\":\"available\"}", 200);
        TimeUnit.MILLISECONDS.sleep(50);
        post("/api/v1/agents/a2/state", "{\"state\":\"available\"}", 200);
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (server != null) {
            server.stop(Duration.ofSeconds(60));
            server.close();
        }
        if (asterisk != null) {
            asterisk.stop();
        }
        ServerProcess.deleteTree(workDir);
    }

    @Test
    void a_call_skips_the_agent_who_does_not_answer_is_connected_to_the_next_and_is_recorded() throws Exception {
        asterisk.inboundCall(InboundCall.of("+4930555123", SUPPORT_DID));

        List<JsonNode> log = await("the call completed in queue_log", () -> queueLog("queue=" + SUPPORT_DID),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().startsWith("COMPLETE")), ROUTED);

        assertThat(log).extracting(r -> r.path("event").asText() + ":" + r.path("agent").asText())
                .containsExactly("ENTERQUEUE:", "RINGNOANSWER:a1", "CONNECT:a2",
                        log.get(3).path("event").asText().equals("COMPLETECALLER") ? "COMPLETECALLER:a2"
                                : "COMPLETEAGENT:a2");
        String callId = log.get(0).path("callid").asText();
        assertThat(log).allSatisfy(r -> assertThat(r.path("callid").asText()).isEqualTo(callId));
        JsonNode call = callRecord(callId);
        assertThat(call.path("agentId").asText()).isEqualTo("a2");
        assertThat(call.path("endedAt").isNull()).isFalse();
        List<String> legs = new ArrayList<>();
        call.path("legs").forEach(leg -> legs.add(leg.path("role").asText() + ":" + leg.path("agentId").asText("")));
        assertThat(legs).containsExactly("caller:", "agent:a1", "agent:a2");
        await("a2 available after wrap-up", () -> "available".equals(
                JSON.readTree(get("/api/v1/agents/a2/state").body()).path("state").asText()), ROUTED);
        assertThat(JSON.readTree(get("/api/v1/agents/a1/state").body()).path("state").asText()).isEqualTo("available");
    }

    @Test
    void a_caller_who_hangs_up_while_nobody_is_available_abandons_and_leaves_the_queue() throws Exception {
        String channel = asterisk.inboundCall(InboundCall.of("+4930555124", NOBODY_DID));
        await("the task waits", () -> tasksIn(NOBODY_DID).size() == 1, ROUTED);

        asterisk.callerHangsUp(channel);

        List<JsonNode> log = await("ABANDON in queue_log", () -> queueLog("queue=" + NOBODY_DID),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().equals("ABANDON")), ROUTED);
        assertThat(log).extracting(r -> r.path("event").asText()).containsExactly("ENTERQUEUE", "ABANDON");
        assertThat(log.get(1).path("data1").asText()).as("position").isEqualTo("1");
        assertThat(tasksIn(NOBODY_DID)).isEmpty();
        JsonNode call = callRecord(log.get(0).path("callid").asText());
        assertThat(call.path("endReason").asText()).isEqualTo("abandoned");
    }

    @Test
    void the_agent_state_api_answers_errors_with_a_stable_error_id() throws Exception {
        assertThat(postError("/api/v1/agents/a1/state", "{\"state\":\"napping\"}", 400)).isEqualTo("invalid-field");
        assertThat(postError("/api/v1/agents/nobody/state", "{\"state\":\"available\"}", 404))
                .isEqualTo("agent-not-found");
        assertThat(postError("/api/v1/agents/a1/state", "not json", 400)).isEqualTo("invalid-json");
    }

    private static String postError(String path, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answered %s", path, response.body()).isEqualTo(expected);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.has("message") && error.has("details")).isTrue();
        return error.path("errorId").asText();
    }

    /** {@code GET /api/v1/calls/{id}}; Asterisk-derived call ids hold a '/', so the id is percent-encoded. */
    private static JsonNode callRecord(String id) throws Exception {
        HttpResponse<String> response = get("/api/v1/calls/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET call %s: %s", id, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> tasksIn(String queue) throws Exception {
        List<JsonNode> tasks = new ArrayList<>();
        JSON.readTree(get("/api/v1/tasks").body()).path("tasks").forEach(t -> {
            if (queue.equals(t.path("queueId").asText())) {
                tasks.add(t);
            }
        });
        return tasks;
    }

    private static List<JsonNode> queueLog(String query) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        JSON.readTree(get("/api/v1/queue-log?" + query).body()).path("rows").forEach(rows::add);
        return rows;
    }

    private interface Probe<T> {
        T read() throws Exception;
    }

    private static void await(String what, Probe<Boolean> condition, Duration timeout) throws Exception {
        await(what, condition, Boolean::booleanValue, timeout);
    }

    /** Polls {@code probe} until {@code wanted}; fails with the last value and the server's output. */
    private static <T> T await(String what, Probe<T> probe, Predicate<T> wanted, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = "(nothing yet)";
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.read();
                last = value;
                if (wanted.test(value)) {
                    return value;
                }
            } catch (IOException notYet) {
                last = notYet;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(what + " not seen within " + timeout + "; last: " + last + "\n" + server.transcript());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void post(String path, String body, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(10)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s answered %s", path, response.body()).isEqualTo(expected);
    }
}
