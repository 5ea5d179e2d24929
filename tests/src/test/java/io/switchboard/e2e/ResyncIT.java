package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AMI connection dies under a call in progress, through the fat jar and the real Asterisk-Java client:
 * Switchboard reconnects, resyncs, and its tasks, agent states and records match the simulated Asterisk
 * afterwards, with nothing lost or counted twice. Once the network is cut (the PBX carries on, and the
 * caller hangs up while Switchboard is away); once the PBX itself is stopped and started again (every
 * call is gone).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResyncIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String USER = "cti";
    private static final String SECRET = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String DID = "4930100300";
    private static final SimulatorConfig SIM = SimulatorConfig.of(USER, SECRET)
            .withPhones(Map.of("SIP/1101", new Phone.Answers(Duration.ofSeconds(1), null)))
            .withTimeScale(0.1);

    private static Path workDir;
    private static AsteriskSimulator asterisk;
    private static int amiPort;
    private static ServerProcess server;
    private static ServerApi api;

    @BeforeAll
    static void startAsteriskServerAgentAndQueue() throws Exception {
        workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"), "resync-" + UUID.randomUUID());
        Files.createDirectories(workDir);
        asterisk = new AsteriskSimulator(SIM).start(0);
        amiPort = asterisk.port();
        int http = ServerProcess.freePort();
        server = ServerProcess.attachedToAsterisk(workDir, "server", http, amiPort, USER, SECRET);
        api = new ServerApi(http, server);
        api.await("pbx/sim up", () -> "up".equals(api.pbxState("sim")), STARTUP);

        api.post("/api/v1/agents", "{\"id\":\"r1\",\"displayName\":\"Rae\",\"device\":\"SIP/1101\"}", 201);
        api.post("/api/v1/queues", "{\"id\":\"" + DID + "\",\"name\":\"resync\",\"ringTimeoutSeconds\":5,"
                + "\"wrapUpSeconds\":1,\"members\":[\"r1\"]}", 201);
        api.post("/api/v1/agents/r1/state", "{\"state\":\"available\"}", 200);
    }

    @AfterAll
    static void stopAll() throws Exception {
        ServerProcess.stopAll(server, asterisk, workDir);
    }

    @Test
    @Order(1)
    void a_call_survives_a_cut_connection_and_ends_once_when_the_caller_hangs_up_while_switchboard_is_away()
            throws Exception {
        String channel = asterisk.inboundCall(InboundCall.of("+4930555201", DID));
        String callId = connected("+4930555201");

        // A cut with the call going on: after the resync the task and the agent are as they were.
        cutAndReconnect(() -> { });
        assertThat(api.tasks()).extracting(t -> t.path("callId").asText()).containsExactly(callId);
        assertThat(api.agentState("r1")).isEqualTo("on-call");

        // A cut during which the caller hangs up: the resync ends the call, once.
        cutAndReconnect(() -> asterisk.callerHangsUp(channel));
        List<JsonNode> log = api.await("the call completed in queue_log", () -> api.queueLog("callid=" + callId),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().startsWith("COMPLETE")), SOON);
        api.await("r1 available after wrap-up", () -> "available".equals(api.agentState("r1")), SOON);
        log = api.queueLog("callid=" + callId);
        assertThat(log).extracting(r -> r.path("event").asText())
                .as("every queue_log row of the call, once").hasSize(3)
                .startsWith("ENTERQUEUE", "CONNECT");
        assertThat(log.get(2).path("event").asText()).startsWith("COMPLETE");
        assertThat(api.tasks()).isEmpty();
        assertThat(api.callRecord(callId).path("endedAt").isNull()).isFalse();
    }

    @Test
    @Order(2)
    void a_restarted_pbx_ends_the_calls_it_had_and_the_next_call_is_routed() throws Exception {
        asterisk.inboundCall(InboundCall.of("+4930555202", DID));
        String callId = connected("+4930555202");

        asterisk.stop();
        api.await("pbx/sim down", () -> !"up".equals(api.pbxState("sim")), SOON);
        asterisk = new AsteriskSimulator(SIM).start(amiPort);
        api.await("pbx/sim up again", () -> "up".equals(api.pbxState("sim")), SOON);

        api.await("the call ended by the restart completed", () -> api.queueLog("callid=" + callId),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().startsWith("COMPLETE")), SOON);
        api.await("r1 available after wrap-up", () -> "available".equals(api.agentState("r1")), SOON);
        assertThat(api.queueLog("callid=" + callId)).hasSize(3);
        assertThat(api.tasks()).isEmpty();

        asterisk.inboundCall(InboundCall.of("+4930555203", DID));
        connected("+4930555203");
    }

    /** Waits until the caller's call is connected to r1; returns its call id. */
    private static String connected(String caller) throws Exception {
        List<JsonNode> rows = api.await("a CONNECT for " + caller, () -> api.queueLog("queue=" + DID),
                all -> connectOf(all, caller) != null, SOON);
        String callId = connectOf(rows, caller).path("callid").asText();
        api.await("r1 on call", () -> "on-call".equals(api.agentState("r1")), SOON);
        return callId;
    }

    /** The CONNECT row of the call whose ENTERQUEUE names {@code caller}, or null. */
    private static JsonNode connectOf(List<JsonNode> rows, String caller) {
        String callId = rows.stream().filter(r -> r.path("event").asText().equals("ENTERQUEUE")
                        && r.toString().contains(caller.substring(1)))
                .map(r -> r.path("callid").asText()).findFirst().orElse(null);
        return rows.stream().filter(r -> r.path("event").asText().equals("CONNECT")
                && r.path("callid").asText().equals(callId)).findFirst().orElse(null);
    }

    /** Cuts AMI, runs {@code whileAway} with Switchboard locked out, then lets it back in and waits for it. */
    private static void cutAndReconnect(Runnable whileAway) throws Exception {
        asterisk.reachable(false);
        assertThat(asterisk.dropSessions()).isEqualTo(1);
        api.await("pbx/sim down", () -> !"up".equals(api.pbxState("sim")), SOON);
        whileAway.run();
        asterisk.reachable(true);
        api.await("pbx/sim up again", () -> "up".equals(api.pbxState("sim")), SOON);
    }
}
