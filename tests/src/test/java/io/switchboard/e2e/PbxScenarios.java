package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.AmdOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
 * The user-visible scenarios of both PBX issues, written once and run against each simulated PBX by a
 * subclass per flavour, through the fat jar over the PBX's real wire protocol: an inbound call skips the
 * agent who does not answer and is connected to the next; a caller who hangs up while waiting abandons; an
 * outbound call answered by a person reaches a nailed-up agent, a machine never does; the connection to the
 * PBX dies under a call and Switchboard ends up with the PBX's view, counting the call once. A difference in
 * behaviour between Asterisk and FreeSWITCH shows up as one flavour failing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
abstract class PbxScenarios {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String USER = "cti";
    private static final String SUPPORT_DID = "4930100500";
    private static final String NAILED_DID = "4930100600";
    private static final String NOBODY_DID = "4930100999";
    private static final String HUMAN = "+442071230101";
    private static final String MACHINE = "+442071230102";

    private final String secret = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
    private Path workDir;
    private SimulatedPbx pbx;
    private ServerProcess server;
    private ServerApi api;

    /** {@code asterisk} or {@code freeswitch}: the {@code pbx[].type} of the server's config. */
    abstract String type();

    /** Starts the simulated PBX on a free port with these phones (keyed by dial string), time scaled. */
    abstract SimulatedPbx start(Map<String, Phone> phones, String user, String secret, double timeScale);

    /** The dial string of an agent's phone with this extension, as the directory stores it. */
    abstract String device(String extension);

    /** {@code pbx[].outbound-channel}: how the PBX dials a customer, with {@code {number}}. */
    abstract String outboundChannel();

    @BeforeAll
    void startPbxServerAgentsAndQueues() throws Exception {
        workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"), type() + "-" + UUID.randomUUID());
        Files.createDirectories(workDir);
        pbx = start(Map.of(
                device("1001"), new Phone.NeverAnswers(),
                device("1002"), new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                device("1003"), new Phone.Answers(Duration.ofSeconds(1), null),
                customer(HUMAN), new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(20), AmdOutcome.HUMAN),
                customer(MACHINE), new Phone.Answers(Duration.ofSeconds(2), null, AmdOutcome.MACHINE)),
                USER, secret, 0.1);
        int http = ServerProcess.freePort();
        server = ServerProcess.attachedTo(workDir, "server", http, type(), pbx.port(), USER, secret, Map.of(
                "SWITCHBOARD_PBX_0_OUTBOUND_CHANNEL", outboundChannel(),
                "SWITCHBOARD_OUTBOUND_RING_TIMEOUT_SECONDS", "15"));
        api = new ServerApi(http, server);
        api.await("pbx/sim up", () -> "up".equals(api.pbxState("sim")), STARTUP);

        agent("a1", "Ann", "1001");
        agent("a2", "Bob", "1002");
        agent("n1", "Nia", "1003");
        api.post("/api/v1/queues", "{\"id\":\"" + SUPPORT_DID + "\",\"name\":\"support\",\"ringTimeoutSeconds\":5,"
                + "\"wrapUpSeconds\":1,\"members\":[\"a1\",\"a2\"]}", 201);
        api.post("/api/v1/queues", "{\"id\":\"" + NAILED_DID + "\",\"name\":\"nailed\",\"ringTimeoutSeconds\":5,"
                + "\"wrapUpSeconds\":0,\"members\":[\"n1\"]}", 201);
        api.post("/api/v1/agents/a1/state", "{\"state\":\"available\"}", 200);
        TimeUnit.MILLISECONDS.sleep(50);
        api.post("/api/v1/agents/a2/state", "{\"state\":\"available\"}", 200);
        api.post("/api/v1/agents/n1/session", "", 202);
        api.await("n1's line open", () -> lineOpen("n1"), SOON);
        awaitState("n1", "available");
    }

    @AfterAll
    void stopAll() throws Exception {
        ServerProcess.stopAll(server, pbx, workDir);
    }

    @Test
    @Order(1)
    void an_inbound_call_skips_the_agent_who_does_not_answer_and_is_connected_to_the_next() throws Exception {
        pbx.inboundCall(InboundCall.of("+4930555301", SUPPORT_DID));

        List<JsonNode> log = api.await("the call completed", () -> api.queueLog("queue=" + SUPPORT_DID),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().startsWith("COMPLETE")), SOON);
        assertThat(log).extracting(r -> r.path("event").asText().replace("COMPLETECALLER", "COMPLETE")
                        .replace("COMPLETEAGENT", "COMPLETE") + ":" + r.path("agent").asText())
                .containsExactly("ENTERQUEUE:", "RINGNOANSWER:a1", "CONNECT:a2", "COMPLETE:a2");
        JsonNode call = api.callRecord(log.get(0).path("callid").asText());
        assertThat(call.path("agentId").asText()).isEqualTo("a2");
        assertThat(call.path("endedAt").isNull()).isFalse();
        awaitState("a2", "available");
    }

    @Test
    @Order(2)
    void a_caller_who_hangs_up_while_nobody_is_available_abandons() throws Exception {
        String channel = pbx.inboundCall(InboundCall.of("+4930555302", NOBODY_DID));
        api.await("the task waits", () -> api.tasks().stream()
                .anyMatch(t -> NOBODY_DID.equals(t.path("queueId").asText())), SOON);

        pbx.callerHangsUp(channel);

        List<JsonNode> log = api.await("ABANDON", () -> api.queueLog("queue=" + NOBODY_DID),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().equals("ABANDON")), SOON);
        assertThat(log).extracting(r -> r.path("event").asText()).containsExactly("ENTERQUEUE", "ABANDON");
    }

    @Test
    @Order(3)
    void an_outbound_call_answered_by_a_person_reaches_the_nailed_up_agent() throws Exception {
        String callId = dial(HUMAN, "n1");

        JsonNode connected = api.await("n1 connected", () -> api.callRecord(callId),
                call -> !agentLeg(call).path("answeredAt").isNull(), SOON);
        assertThat(connected.path("direction").asText()).isEqualTo("outbound");
        assertThat(api.agentState("n1")).isEqualTo("on-call");
        JsonNode ended = api.await("the call ended", () -> api.callRecord(callId),
                call -> !call.path("endedAt").isNull(), SOON);
        assertThat(ended.path("endReason").asText()).isEqualTo("completed");
        awaitState("n1", "available");
        assertThat(lineOpen("n1")).as("the agent stays nailed up").isTrue();
    }

    @Test
    @Order(4)
    void an_answering_machine_is_never_connected_and_frees_the_agent() throws Exception {
        String callId = dial(MACHINE, "n1");

        JsonNode ended = api.await("the call ended", () -> api.callRecord(callId),
                call -> !call.path("endedAt").isNull(), SOON);
        assertThat(ended.path("endReason").asText()).isEqualTo("machine");
        assertThat(agentLeg(ended).path("answeredAt").isNull()).as("never connected to the agent").isTrue();
        awaitState("n1", "available");
    }

    @Test
    @Order(5)
    void a_connection_lost_under_a_call_is_resynced_and_the_call_is_counted_once() throws Exception {
        String channel = pbx.inboundCall(InboundCall.of("+4930555303", NAILED_DID));
        List<JsonNode> rows = api.await("CONNECT to n1", () -> api.queueLog("queue=" + NAILED_DID),
                all -> all.stream().anyMatch(r -> r.path("event").asText().equals("CONNECT")), SOON);
        String callId = rows.get(0).path("callid").asText();
        awaitState("n1", "on-call");

        pbx.reachable(false);
        assertThat(pbx.dropSessions()).isEqualTo(1);
        api.await("pbx/sim down", () -> !"up".equals(api.pbxState("sim")), SOON);
        pbx.callerHangsUp(channel);
        pbx.reachable(true);
        api.await("pbx/sim up again", () -> "up".equals(api.pbxState("sim")), SOON);

        api.await("the call completed", () -> api.queueLog("callid=" + callId),
                all -> all.stream().anyMatch(r -> r.path("event").asText().startsWith("COMPLETE")), SOON);
        awaitState("n1", "available");
        assertThat(api.queueLog("callid=" + callId)).as("each row once").hasSize(3);
        assertThat(api.tasks()).isEmpty();
        assertThat(lineOpen("n1")).as("the agent's line survived the cut").isTrue();
    }

    private String customer(String number) {
        return outboundChannel().replace("{number}", number);
    }

    private void agent(String id, String name, String extension) throws Exception {
        api.post("/api/v1/agents", "{\"id\":\"" + id + "\",\"displayName\":\"" + name + "\",\"device\":\""
                + device(extension) + "\"}", 201);
    }

    private String dial(String to, String agent) throws Exception {
        return api.post("/api/v1/calls", "{\"to\":\"" + to + "\",\"agentId\":\"" + agent + "\"}", 202)
                .path("callId").asText();
    }

    private boolean lineOpen(String agent) throws Exception {
        return api.getJson("/api/v1/agents/" + agent + "/session").path("open").asBoolean();
    }

    private void awaitState(String agent, String wanted) throws Exception {
        api.await(agent + " " + wanted, () -> api.agentState(agent), wanted::equals, SOON);
    }

    private static JsonNode agentLeg(JsonNode call) {
        for (JsonNode leg : call.path("legs")) {
            if (leg.path("role").asText().equals("agent")) {
                return leg;
            }
        }
        throw new AssertionError("no agent leg in " + call);
    }
}
