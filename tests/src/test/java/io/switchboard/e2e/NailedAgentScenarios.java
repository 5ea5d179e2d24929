package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nailed-up agents: a line opened through the API (the phone answers into the glue's agent session) or by the
 * phone dialling {@code *70}. {@code POST /api/v1/calls} dials customers through the glue's outbound context:
 * a person is joined to the agent, a machine never is, a busy line ends as busy. An inbound caller is joined
 * to the open line instead of ringing the phone. Closing the line logs the agent out and logging out closes
 * the line; {@code *71}/{@code *72} log an agent in and out without a line.
 */
abstract class NailedAgentScenarios extends PbxScenarios {

    private static final String HUMAN = "+442071230001";
    private static final String MACHINE = "+442071230002";
    private static final String BUSY = "+442071230003";
    private static final String SALES_DID = "4930100300";
    private static final Phone ANSWERS_AND_STAYS = new Phone.Answers(Duration.ofSeconds(1), null);

    NailedAgentScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndNailedUpAgents() throws Exception {
        attach("nailed", Map.of(
                flavour.device("2001"), ANSWERS_AND_STAYS,
                flavour.device("2002"), ANSWERS_AND_STAYS,
                flavour.device("2005"), ANSWERS_AND_STAYS,
                flavour.device("2007"), ANSWERS_AND_STAYS,
                flavour.customer(HUMAN), new Phone.Answers(Duration.ofSeconds(2), Duration.ofSeconds(20), AmdOutcome.HUMAN),
                flavour.customer(MACHINE), new Phone.Answers(Duration.ofSeconds(2), null, AmdOutcome.MACHINE),
                flavour.customer(BUSY), new Phone.Busy()));
        agent("a1", "Ann", "2001");
        agent("a2", "Bob", "2002");
        queue(SALES_DID, "sales", 0, "a2");
        openLine("a1");
        openLine("a2");
    }

    @Test
    void a_person_who_answers_is_joined_to_the_nailed_up_agent_and_the_call_is_recorded_to_its_end() throws Exception {
        awaitState("a1", "available");

        String callId = dial(HUMAN, "a1");

        JsonNode connected = awaitCall(callId, "a1 connected", PbxScenarios::agentAnswered);
        assertThat(connected.path("direction").asText()).isEqualTo("outbound");
        assertThat(connected.path("agentId").asText()).isEqualTo("a1");
        assertThat(agentLeg(connected).path("endpoint").asText()).isEqualTo(session("a1").path("legId").asText());
        assertThat(api.agentState("a1")).isEqualTo("on-call");
        JsonNode ended = awaitCall(callId, "the call ended", PbxScenarios::ended);
        assertThat(ended.path("endReason").asText()).isEqualTo("completed");
        assertThat(legs(ended)).containsExactly("customer:", "agent:a1");
        awaitState("a1", "available");
        assertThat(lineOpen("a1")).as("the agent stays nailed up").isTrue();
    }

    @Test
    void a_machine_is_never_connected_ends_as_machine_and_frees_the_agent() throws Exception {
        awaitState("a1", "available");

        String callId = dial(MACHINE, "a1");

        JsonNode ended = awaitCall(callId, "the call ended", PbxScenarios::ended);
        assertThat(ended.path("endReason").asText()).isEqualTo("machine");
        assertThat(ended.path("answeredAt").isNull()).as("the customer's phone was answered").isFalse();
        assertThat(agentLeg(ended).path("answeredAt").isNull()).as("the agent was never connected").isTrue();
        awaitState("a1", "available");
    }

    @Test
    void a_busy_customer_ends_as_busy_and_frees_the_agent() throws Exception {
        awaitState("a1", "available");

        String callId = dial(BUSY, "a1");

        JsonNode ended = awaitCall(callId, "the call ended", PbxScenarios::ended);
        assertThat(ended.path("endReason").asText()).isEqualTo("busy");
        awaitState("a1", "available");
    }

    @Test
    void an_inbound_caller_is_joined_to_the_nailed_up_agent_without_ringing_the_phone() throws Exception {
        awaitState("a2", "available");
        String caller = pbx.inboundCall(InboundCall.of("+4930555200", SALES_DID));

        List<JsonNode> log = awaitQueueLog("queue=" + SALES_DID, "CONNECT");
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "CONNECT:a2");
        JsonNode call = api.callRecord(log.get(0).path("callid").asText());
        assertThat(agentLeg(call).path("endpoint").asText()).as("joined to the line, not a dial of the phone")
                .isEqualTo(session("a2").path("legId").asText());
        assertThat(api.agentState("a2")).isEqualTo("on-call");

        pbx.callerHangsUp(caller);

        assertThat(events(awaitQueueLog("queue=" + SALES_DID, "COMPLETE"))).last().isEqualTo("COMPLETECALLER:a2");
        awaitState("a2", "available");
        assertThat(lineOpen("a2")).as("the agent stays nailed up").isTrue();
    }

    @Test
    void outbound_requests_that_cannot_be_placed_answer_with_a_stable_error_id() throws Exception {
        assertThat(api.error("/api/v1/calls", "{\"to\":\"12\",\"agentId\":\"a1\"}", 400).path("details").path("field")
                .asText()).isEqualTo("to");
        assertThat(api.error("/api/v1/calls", "{\"to\":\"" + HUMAN + "\"}", 400).path("details").path("field").asText())
                .isEqualTo("agentId");
        assertThat(api.postError("/api/v1/calls", "{\"to\":\"" + HUMAN + "\",\"agentId\":\"nobody\"}", 404))
                .isEqualTo("agent-not-found");
        agent("a3", "Cy", "2003");
        assertThat(api.postError("/api/v1/calls", "{\"to\":\"" + HUMAN + "\",\"agentId\":\"a3\"}", 409))
                .isEqualTo("agent-line-not-open");
    }

    @Test
    void a_line_closed_through_the_api_logs_the_agent_out() throws Exception {
        agent("a5", "Di", "2005");
        openLine("a5");

        HttpResponse<String> closing = api.delete("/api/v1/agents/a5/session");

        assertThat(closing.statusCode()).as(closing.body()).isEqualTo(202);
        api.await("a5's line closed", () -> !lineOpen("a5"), SOON);
        awaitState("a5", "logged-out");
    }

    @Test
    void logging_out_through_the_api_hangs_up_the_agents_line() throws Exception {
        agent("a7", "Gus", "2007");
        openLine("a7");

        api.post("/api/v1/agents/a7/state", "{\"state\":\"logged-out\"}", 200);

        api.await("a7's line hung up", () -> !lineOpen("a7"), SOON);
        assertThat(api.agentState("a7")).isEqualTo("logged-out");
    }

    /** The agent's phone dials {@code *71} and {@code *72}: the glue reports a login (on demand) and a logout. */
    @Test
    void feature_code_login_and_logout_move_the_agent() throws Exception {
        agent("a4", "Eve", "2004");
        DeskPhone phone = new DeskPhone(flavour.device("2004"), "2004", "a4");

        pbx.phoneDials(phone, "*71");
        awaitState("a4", "available");
        assertThat(lineOpen("a4")).as("on demand: no open line").isFalse();
        pbx.phoneDials(phone, "*72");
        awaitState("a4", "logged-out");
    }

    /**
     * The agent's phone dials {@code *70}: a nailed login, and the phone's own channel stays as the agent's
     * line, so an outbound call reaches the agent over it; hanging the phone up closes the line.
     */
    @Test
    void feature_code_nailed_login_opens_the_line_an_outbound_call_reaches() throws Exception {
        agent("a6", "Flo", "2006");

        String line = pbx.phoneDials(new DeskPhone(flavour.device("2006"), "2006", "a6"), "*70");
        api.await("a6's line open", () -> lineOpen("a6"), SOON);
        awaitState("a6", "available");

        String callId = dial(HUMAN, "a6");

        JsonNode connected = awaitCall(callId, "a6 connected", PbxScenarios::agentAnswered);
        assertThat(connected.path("agentId").asText()).isEqualTo("a6");
        assertThat(agentLeg(connected).path("endpoint").asText()).isEqualTo(session("a6").path("legId").asText());
        awaitCall(callId, "the call ended", PbxScenarios::ended);
        awaitState("a6", "available");

        pbx.callerHangsUp(line);
        api.await("a6's line closed", () -> !lineOpen("a6"), SOON);
    }
}
