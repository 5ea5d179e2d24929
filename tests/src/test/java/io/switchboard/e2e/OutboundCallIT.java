package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
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
 * Nailed-up agents and outbound calls end to end, over real AMI with the real Asterisk-Java client: an
 * agent's line is opened through the API (the simulated phone answers into the glue's agent session), then
 * {@code POST /api/v1/calls} dials customers through {@code switchboard-outbound}: a person is joined to
 * the agent, a machine is never connected and frees the agent at once, a busy line ends as busy. An inbound
 * call to a queue whose only agent is nailed up is joined to the agent's line instead of ringing the phone.
 * Agents' phones also dial the glue's feature codes: *71/*72 log in and out, *70 opens the line from the phone.
 *
 * <p>Customers are dialled as {@code SIP/{number}@carrier} ({@code pbx[].outbound-channel}), which is how
 * the simulator's phones are named.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class OutboundCallIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration SOON = Duration.ofSeconds(60);
    private static final String USER = "cti";
    private static final String SECRET = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String HUMAN = "+442071230001";
    private static final String MACHINE = "+442071230002";
    private static final String BUSY = "+442071230003";
    private static final String SALES_DID = "4930100300";
    private static final double TIME_SCALE = 0.1;

    private static Path workDir;
    private static AsteriskSimulator asterisk;
    private static ServerProcess server;
    private static ServerApi api;

    @BeforeAll
    static void startAsteriskServerAndNailedUpAgents() throws Exception {
        workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"), "outbound-" + UUID.randomUUID());
        Files.createDirectories(workDir);
        asterisk = new AsteriskSimulator(SimulatorConfig.of(USER, SECRET)
                .withPhones(Map.of(
                        "SIP/2001", new Phone.Answers(Duration.ofSeconds(1), null),
                        "SIP/2002", new Phone.Answers(Duration.ofSeconds(1), null),
                        "SIP/2005", new Phone.Answers(Duration.ofSeconds(1), null),
                        "SIP/2007", new Phone.Answers(Duration.ofSeconds(1), null),
                        "SIP/" + HUMAN + "@carrier", new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(20),
                                AmdOutcome.HUMAN),
                        "SIP/" + MACHINE + "@carrier", new Phone.Answers(Duration.ofSeconds(2), null,
                                AmdOutcome.MACHINE),
                        "SIP/" + BUSY + "@carrier", new Phone.Busy()))
                .withTimeScale(TIME_SCALE)).start(0);
        int http = ServerProcess.freePort();
        server = ServerProcess.attachedToAsterisk(workDir, "server", http, asterisk.port(), USER, SECRET, Map.of(
                "SWITCHBOARD_PBX_0_OUTBOUND_CHANNEL", "SIP/{number}@carrier",
                "SWITCHBOARD_OUTBOUND_RING_TIMEOUT_SECONDS", "15"));
        api = new ServerApi(http, server);
        api.await("pbx/sim up", () -> "up".equals(api.pbxState("sim")), STARTUP);

        api.post("/api/v1/agents", "{\"id\":\"a1\",\"displayName\":\"Ann\",\"device\":\"SIP/2001\"}", 201);
        api.post("/api/v1/agents", "{\"id\":\"a2\",\"displayName\":\"Bob\",\"device\":\"SIP/2002\"}", 201);
        api.post("/api/v1/queues", "{\"id\":\"" + SALES_DID + "\",\"name\":\"sales\",\"ringTimeoutSeconds\":5,"
                + "\"wrapUpSeconds\":0,\"members\":[\"a2\"]}", 201);

        assertThat(api.post("/api/v1/agents/a1/session", "", 202).path("legId").asText()).startsWith("sim/");
        api.post("/api/v1/agents/a2/session", "", 202);
        api.await("a1's line open", () -> session("a1").path("open").asBoolean(), SOON);
        api.await("a2's line open", () -> session("a2").path("open").asBoolean(), SOON);
    }

    @AfterAll
    static void stopAll() throws Exception {
        ServerProcess.stopAll(server, asterisk, workDir);
    }

    @Test
    void a_person_who_answers_is_joined_to_the_nailed_up_agent_and_the_call_is_recorded_to_its_end() throws Exception {
        awaitState("a1", "available");

        String callId = dial(HUMAN, "a1");

        JsonNode connected = api.await("a1 connected", () -> api.callRecord(callId),
                call -> !agentLeg(call).path("answeredAt").isNull(), SOON);
        assertThat(connected.path("direction").asText()).isEqualTo("outbound");
        assertThat(connected.path("agentId").asText()).isEqualTo("a1");
        assertThat(agentLeg(connected).path("endpoint").asText()).isEqualTo(session("a1").path("legId").asText());
        assertThat(api.agentState("a1")).isEqualTo("on-call");
        JsonNode ended = api.await("the call ended", () -> api.callRecord(callId),
                call -> !call.path("endedAt").isNull(), SOON);
        assertThat(ended.path("endReason").asText()).isEqualTo("completed");
        List<String> legs = new ArrayList<>();
        ended.path("legs").forEach(leg -> legs.add(leg.path("role").asText() + ":" + leg.path("agentId").asText("")));
        assertThat(legs).containsExactly("customer:", "agent:a1");
        awaitState("a1", "available");
    }

    @Test
    void a_machine_is_never_connected_ends_as_machine_and_frees_the_agent() throws Exception {
        awaitState("a1", "available");

        String callId = dial(MACHINE, "a1");

        JsonNode ended = api.await("the call ended", () -> api.callRecord(callId),
                call -> !call.path("endedAt").isNull(), SOON);
        assertThat(ended.path("endReason").asText()).isEqualTo("machine");
        assertThat(ended.path("answeredAt").isNull()).as("the customer's phone was answered").isFalse();
        assertThat(agentLeg(ended).path("answeredAt").isNull()).as("the agent was never connected").isTrue();
        awaitState("a1", "available");
    }

    @Test
    void a_busy_customer_ends_as_busy_and_frees_the_agent() throws Exception {
        awaitState("a1", "available");

        String callId = dial(BUSY, "a1");

        JsonNode ended = api.await("the call ended", () -> api.callRecord(callId),
                call -> !call.path("endedAt").isNull(), SOON);
        assertThat(ended.path("endReason").asText()).isEqualTo("busy");
        awaitState("a1", "available");
    }

    @Test
    void an_inbound_caller_is_joined_to_the_nailed_up_agent_without_ringing_the_phone() throws Exception {
        awaitState("a2", "available");
        String channel = asterisk.inboundCall(InboundCall.of("+4930555200", SALES_DID));

        List<JsonNode> log = api.await("CONNECT in queue_log", () -> api.queueLog("queue=" + SALES_DID),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().equals("CONNECT")), SOON);
        String callId = log.get(0).path("callid").asText();
        assertThat(log).extracting(r -> r.path("event").asText() + ":" + r.path("agent").asText())
                .containsExactly("ENTERQUEUE:", "CONNECT:a2");
        JsonNode call = api.callRecord(callId);
        assertThat(agentLeg(call).path("endpoint").asText()).as("joined to the line, not a dial of SIP/2002")
                .isEqualTo(session("a2").path("legId").asText());
        assertThat(api.agentState("a2")).isEqualTo("on-call");

        asterisk.callerHangsUp(channel);

        api.await("COMPLETECALLER", () -> api.queueLog("queue=" + SALES_DID),
                rows -> rows.stream().anyMatch(r -> r.path("event").asText().equals("COMPLETECALLER")), SOON);
        awaitState("a2", "available");
        assertThat(session("a2").path("open").asBoolean()).as("the agent stays nailed up").isTrue();
    }

    @Test
    void outbound_requests_that_cannot_be_placed_answer_with_a_stable_error_id() throws Exception {
        assertThat(api.error("/api/v1/calls", "{\"to\":\"12\",\"agentId\":\"a1\"}", 400).path("details").path("field")
                .asText()).isEqualTo("to");
        assertThat(api.error("/api/v1/calls", "{\"to\":\"" + HUMAN + "\"}", 400).path("details").path("field").asText())
                .isEqualTo("agentId");
        assertThat(api.error("/api/v1/calls", "{\"to\":\"" + HUMAN + "\",\"agentId\":\"nobody\"}", 404)
                .path("errorId").asText()).isEqualTo("agent-not-found");
        api.post("/api/v1/agents", "{\"id\":\"a3\",\"displayName\":\"Cy\",\"device\":\"SIP/2003\"}", 201);
        assertThat(api.error("/api/v1/calls", "{\"to\":\"" + HUMAN + "\",\"agentId\":\"a3\"}", 409)
                .path("errorId").asText()).isEqualTo("agent-line-not-open");
    }

    @Test
    void a_line_closed_through_the_api_logs_the_agent_out() throws Exception {
        api.post("/api/v1/agents", "{\"id\":\"a5\",\"displayName\":\"Di\",\"device\":\"SIP/2005\"}", 201);
        api.post("/api/v1/agents/a5/session", "", 202);
        api.await("a5's line open", () -> session("a5").path("open").asBoolean(), SOON);
        awaitState("a5", "available");

        HttpResponse<String> closing = api.delete("/api/v1/agents/a5/session");

        assertThat(closing.statusCode()).as(closing.body()).isEqualTo(202);
        api.await("a5's line closed", () -> !session("a5").path("open").asBoolean(), SOON);
        awaitState("a5", "logged-out");
    }

    @Test
    void logging_out_through_the_api_hangs_up_the_agents_line() throws Exception {
        api.post("/api/v1/agents", "{\"id\":\"a7\",\"displayName\":\"Gus\",\"device\":\"SIP/2007\"}", 201);
        api.post("/api/v1/agents/a7/session", "", 202);
        api.await("a7's line open", () -> session("a7").path("open").asBoolean(), SOON);
        awaitState("a7", "available");

        api.post("/api/v1/agents/a7/state", "{\"state\":\"logged-out\"}", 200);

        api.await("a7's line hung up", () -> !session("a7").path("open").asBoolean(), SOON);
        assertThat(api.agentState("a7")).isEqualTo("logged-out");
    }

    /**
     * The agent's phone dials {@code *71} and {@code *72}: the glue's {@code switchboard-features} sends
     * UserEvents AgentLogin (Mode ondemand) and AgentLogout for the agent its endpoint names.
     */
    @Test
    void feature_code_login_and_logout_move_the_agent() throws Exception {
        api.post("/api/v1/agents", "{\"id\":\"a4\",\"displayName\":\"Eve\",\"device\":\"SIP/2004\"}", 201);
        DeskPhone phone = new DeskPhone("SIP/2004", "2004", "a4");

        asterisk.phoneDials(phone, "*71");
        awaitState("a4", "available");
        assertThat(session("a4").path("open").asBoolean()).as("on demand: no open line").isFalse();
        asterisk.phoneDials(phone, "*72");
        awaitState("a4", "logged-out");
    }

    /**
     * The agent's phone dials {@code *70}: AgentLogin (Mode nailed), then the phone's own channel is the
     * agent's session in its conference, so an outbound call reaches the agent over that open line.
     */
    @Test
    void feature_code_nailed_login_opens_the_line_an_outbound_call_reaches() throws Exception {
        api.post("/api/v1/agents", "{\"id\":\"a6\",\"displayName\":\"Flo\",\"device\":\"SIP/2006\"}", 201);

        String line = asterisk.phoneDials(new DeskPhone("SIP/2006", "2006", "a6"), "*70");
        api.await("a6's line open", () -> session("a6").path("open").asBoolean(), SOON);
        awaitState("a6", "available");

        String callId = dial(HUMAN, "a6");

        JsonNode connected = api.await("a6 connected", () -> api.callRecord(callId),
                call -> !agentLeg(call).path("answeredAt").isNull(), SOON);
        assertThat(connected.path("agentId").asText()).isEqualTo("a6");
        assertThat(agentLeg(connected).path("endpoint").asText()).isEqualTo(session("a6").path("legId").asText());
        api.await("the call ended", () -> api.callRecord(callId), call -> !call.path("endedAt").isNull(), SOON);
        awaitState("a6", "available");

        asterisk.callerHangsUp(line);
        api.await("a6's line closed", () -> !session("a6").path("open").asBoolean(), SOON);
    }

    private static String dial(String to, String agent) throws Exception {
        JsonNode placed = api.post("/api/v1/calls", "{\"to\":\"" + to + "\",\"agentId\":\"" + agent + "\"}", 202);
        assertThat(placed.path("to").asText()).doesNotContain(to.substring(4));
        return placed.path("callId").asText();
    }

    private static JsonNode agentLeg(JsonNode call) {
        for (JsonNode leg : call.path("legs")) {
            if (leg.path("role").asText().equals("agent")) {
                return leg;
            }
        }
        throw new AssertionError("no agent leg in " + call);
    }

    private static JsonNode session(String agent) throws Exception {
        return api.getJson("/api/v1/agents/" + agent + "/session");
    }

    private static void awaitState(String agent, String wanted) throws Exception {
        api.await(agent + " " + wanted, () -> api.agentState(agent), wanted::equals, SOON);
    }
}
