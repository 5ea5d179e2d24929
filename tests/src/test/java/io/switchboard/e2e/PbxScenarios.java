package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every family of end-to-end scenarios shares: the fat jar attached to one simulated PBX of a
 * {@link PbxFlavour} over the PBX's real wire protocol, and the steps the scenarios are written in. Each
 * family ({@link InboundScenarios}, {@link NailedAgentScenarios}, {@link OutcomeScenarios},
 * {@link ResyncScenarios}, {@link AcdScenarios}) is written once and runs against both PBXs ({@link AsteriskScenariosIT}, {@link FreeswitchScenariosIT}), so a difference in
 * behaviour between Asterisk and FreeSWITCH shows up as one flavour failing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class PbxScenarios {

    static final Duration STARTUP = Duration.ofSeconds(120);
    static final Duration SOON = Duration.ofSeconds(60);
    private static final String USER = "cti";

    final PbxFlavour flavour;
    private final String secret = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
    private Map<String, Phone> phones;
    private int pbxPort;
    private Path workDir;
    private ServerProcess server;
    private int httpPort;
    private Map<String, String> serverEnv = Map.of();
    SimulatedPbx pbx;
    ServerApi api;

    PbxScenarios(PbxFlavour flavour) {
        this.flavour = flavour;
    }

    /**
     * Starts the simulated PBX with these phones (keyed by dial string) and the server attached to it as
     * {@code pbx/sim}, dialling customers through {@link PbxFlavour#outboundChannel()}; returns once the
     * connection is up.
     */
    void attach(String family, Map<String, Phone> phones) throws Exception {
        attach(family, phones, Map.of());
    }

    /** As {@link #attach(String, Map)}, with more {@code SWITCHBOARD_*} settings for the server in {@code env}. */
    void attach(String family, Map<String, Phone> phones, Map<String, String> env) throws Exception {
        this.phones = phones;
        workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"),
                family + "-" + flavour.type() + "-" + UUID.randomUUID());
        Files.createDirectories(workDir);
        pbx = flavour.start(phones, USER, secret, 0);
        pbxPort = pbx.port();
        int http = ServerProcess.freePort();
        Map<String, String> settings = new HashMap<>(Map.of(
                "SWITCHBOARD_PBX_0_OUTBOUND_CHANNEL", flavour.outboundChannel(),
                "SWITCHBOARD_OUTBOUND_RING_TIMEOUT_SECONDS", "15"));
        settings.putAll(env);
        server = ServerProcess.attachedTo(workDir, "server", http, flavour.type(), pbxPort, USER, secret, settings);
        httpPort = http;
        serverEnv = settings;
        api = new ServerApi(http, server);
        api.await("pbx/sim up", () -> "up".equals(api.pbxState("sim")), STARTUP);
    }

    /**
     * Stops the server as an operator would (a deploy) and starts it again on the same database, PBX and HTTP
     * port; returns once the PBX connection is up. Agents' states lived in the node's Hazelcast member and are gone.
     */
    void restartServer() throws Exception {
        server.stop(Duration.ofSeconds(60));
        server.close();
        server = ServerProcess.attachedTo(workDir, "server", httpPort, flavour.type(), pbxPort, USER, secret,
                serverEnv);
        api = new ServerApi(httpPort, server);
        api.await("pbx/sim up again", () -> "up".equals(api.pbxState("sim")), STARTUP);
    }

    /** Starts a fresh simulated PBX, with none of the stopped one's calls, on the port the server knows. */
    void startPbxAgain() {
        pbx = flavour.start(phones, USER, secret, pbxPort);
    }

    @AfterAll
    void stopAll() throws Exception {
        ServerProcess.stopAll(server, pbx, workDir);
    }

    void agent(String id, String name, String extension) throws Exception {
        api.post("/api/v1/agents", "{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"device\":\""
                + flavour.device(extension) + "\"}", 201);
    }

    /** A queue whose id is the DID the glue announces as the queue hint. */
    void queue(String did, String name, int wrapUpSeconds, String... members) throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + did + "\",\"name\":\"" + name + "\",\"ringTimeoutSeconds\":5,"
                + "\"wrapUpSeconds\":" + wrapUpSeconds + ",\"members\":[\"" + String.join("\",\"", members) + "\"]}",
                201);
    }

    /** The agents become available one after the other, the first idle longest. */
    void availableInTurn(String... agents) throws Exception {
        Instant previous = null;
        for (String agent : agents) {
            if (previous != null) {
                Instant since = previous;
                api.await("the clock past " + since, () -> Instant.now().isAfter(since), SOON);
            }
            api.post("/api/v1/agents/" + agent + "/state", "{\"state\":\"available\"}", 200);
            previous = Instant.parse(api.getJson("/api/v1/agents/" + agent + "/state").path("since").asText());
        }
    }

    /** Opens the agent's nailed-up line through the API and waits until the agent is available on it. */
    void openLine(String agent) throws Exception {
        assertThat(api.post("/api/v1/agents/" + agent + "/session", "", 202).path("legId").asText())
                .startsWith("sim/");
        api.await(agent + "'s line open", () -> lineOpen(agent), SOON);
        awaitState(agent, "available");
    }

    /** The server's log lines so far that hold every one of {@code parts}, e.g. an event and a call id. */
    List<String> serverLog(String... parts) {
        return server.stdout().stream().filter(line -> List.of(parts).stream().allMatch(line::contains)).toList();
    }

    JsonNode session(String agent) throws Exception {
        return api.getJson("/api/v1/agents/" + agent + "/session");
    }

    boolean lineOpen(String agent) throws Exception {
        return session(agent).path("open").asBoolean();
    }

    void awaitState(String agent, String wanted) throws Exception {
        api.await(agent + " " + wanted, () -> api.agentState(agent), wanted::equals, SOON);
    }

    /** {@code POST /api/v1/calls}: the PBX dials {@code to} for the agent; returns the call id. */
    String dial(String to, String agent) throws Exception {
        JsonNode placed = api.post("/api/v1/calls", "{\"to\":\"" + to + "\",\"agentId\":\"" + agent + "\"}", 202);
        assertThat(placed.path("to").asText()).as("the number is masked").doesNotContain(to.substring(4));
        return placed.path("callId").asText();
    }

    /** Waits until the call's record satisfies {@code what}, e.g. {@link #ended}. */
    JsonNode awaitCall(String callId, String description, Predicate<JsonNode> what)
            throws Exception {
        return api.await(description, () -> api.callRecord(callId), what, SOON);
    }

    /** Waits until the queue_log rows of {@code query} hold an event starting with {@code event}. */
    List<JsonNode> awaitQueueLog(String query, String event) throws Exception {
        return callRows(api.await(event + " in queue_log for " + query, () -> api.queueLog(query),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().startsWith(event)), SOON));
    }

    static boolean ended(JsonNode call) {
        return !call.path("endedAt").isNull();
    }

    /** Whether an agent's leg of the call was answered; false while the call has no agent leg yet. */
    static boolean agentAnswered(JsonNode call) {
        for (JsonNode leg : call.path("legs")) {
            if (leg.path("role").asText().equals("agent") && !leg.path("answeredAt").isNull()) {
                return true;
            }
        }
        return false;
    }

    /** Each queue_log row as {@code EVENT:agent}. */
    static List<String> events(List<JsonNode> rows) {
        return callRows(rows).stream().map(r -> r.path("event").asText() + ":" + r.path("agent").asText()).toList();
    }

    /** The rows about calls: membership and pause rows (ADDMEMBER, PAUSE, ...) have call id {@code NONE}. */
    static List<JsonNode> callRows(List<JsonNode> rows) {
        return rows.stream().filter(r -> !r.path("callid").asText().equals("NONE")).toList();
    }

    /** Each leg of the call record as {@code role:agent}. */
    static List<String> legs(JsonNode call) {
        List<String> legs = new ArrayList<>();
        call.path("legs").forEach(leg -> legs.add(leg.path("role").asText() + ":" + leg.path("agentId").asText("")));
        return legs;
    }

    static JsonNode agentLeg(JsonNode call) {
        for (JsonNode leg : call.path("legs")) {
            if (leg.path("role").asText().equals("agent")) {
                return leg;
            }
        }
        throw new AssertionError("no agent leg in " + call);
    }
}
