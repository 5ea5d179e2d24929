package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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

    private static Path workDir;
    private static AsteriskSimulator asterisk;
    private static ServerProcess server;
    private static ServerApi api;

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
        api = new ServerApi(http, server);
        api.await("pbx/sim up", () -> "up".equals(api.pbxState("sim")), STARTUP);

        api.post("/api/v1/agents", "{\"id\":\"a1\",\"displayName\":\"Ann\",\"device\":\"SIP/1001\"}", 201);
        api.post("/api/v1/agents", "{\"id\":\"a2\",\"displayName\":\"Bob\",\"device\":\"SIP/1002\"}", 201);
        api.post("/api/v1/queues", "{\"id\":\"" + SUPPORT_DID + "\",\"name\":\"support\",\"ringTimeoutSeconds\":5,"
                + "\"wrapUpSeconds\":1,\"members\":[\"a1\",\"a2\"]}", 201);
        api.post("/api/v1/agents/a1/state", "{\"state\":\"available\"}", 200);
        TimeUnit.MILLISECONDS.sleep(50);
        api.post("/api/v1/agents/a2/state", "{\"state\":\"available\"}", 200);
    }

    @AfterAll
    static void stopAll() throws Exception {
        ServerProcess.stopAll(server, asterisk, workDir);
    }

    @Test
    void a_call_skips_the_agent_who_does_not_answer_is_connected_to_the_next_and_is_recorded() throws Exception {
        asterisk.inboundCall(InboundCall.of("+4930555123", SUPPORT_DID));

        List<JsonNode> log = api.await("the call completed in queue_log", () -> api.queueLog("queue=" + SUPPORT_DID),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().startsWith("COMPLETE")), ROUTED);

        assertThat(log).extracting(r -> r.path("event").asText() + ":" + r.path("agent").asText())
                .containsExactly("ENTERQUEUE:", "RINGNOANSWER:a1", "CONNECT:a2",
                        log.get(3).path("event").asText().equals("COMPLETECALLER") ? "COMPLETECALLER:a2"
                                : "COMPLETEAGENT:a2");
        String callId = log.get(0).path("callid").asText();
        assertThat(log).allSatisfy(r -> assertThat(r.path("callid").asText()).isEqualTo(callId));
        JsonNode call = api.callRecord(callId);
        assertThat(call.path("agentId").asText()).isEqualTo("a2");
        assertThat(call.path("endedAt").isNull()).isFalse();
        List<String> legs = new ArrayList<>();
        call.path("legs").forEach(leg -> legs.add(leg.path("role").asText() + ":" + leg.path("agentId").asText("")));
        assertThat(legs).containsExactly("caller:", "agent:a1", "agent:a2");
        api.await("a2 available after wrap-up", () -> "available".equals(api.agentState("a2")), ROUTED);
        assertThat(api.agentState("a1")).isEqualTo("available");
    }

    @Test
    void a_caller_who_hangs_up_while_nobody_is_available_abandons_and_leaves_the_queue() throws Exception {
        String channel = asterisk.inboundCall(InboundCall.of("+4930555124", NOBODY_DID));
        api.await("the task waits", () -> tasksIn(NOBODY_DID).size() == 1, ROUTED);

        asterisk.callerHangsUp(channel);

        List<JsonNode> log = api.await("ABANDON in queue_log", () -> api.queueLog("queue=" + NOBODY_DID),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().equals("ABANDON")), ROUTED);
        assertThat(log).extracting(r -> r.path("event").asText()).containsExactly("ENTERQUEUE", "ABANDON");
        assertThat(log.get(1).path("data1").asText()).as("position").isEqualTo("1");
        assertThat(tasksIn(NOBODY_DID)).isEmpty();
        JsonNode call = api.callRecord(log.get(0).path("callid").asText());
        assertThat(call.path("endReason").asText()).isEqualTo("abandoned");
    }

    @Test
    void the_agent_state_api_answers_errors_with_a_stable_error_id() throws Exception {
        assertThat(api.postError("/api/v1/agents/a1/state", "{\"state\":\"napping\"}", 400)).isEqualTo("invalid-field");
        assertThat(api.postError("/api/v1/agents/nobody/state", "{\"state\":\"available\"}", 404))
                .isEqualTo("agent-not-found");
        assertThat(api.postError("/api/v1/agents/a1/state", "not json", 400)).isEqualTo("invalid-json");
    }

    private static List<JsonNode> tasksIn(String queue) throws Exception {
        return api.tasks().stream().filter(t -> queue.equals(t.path("queueId").asText())).toList();
    }
}
