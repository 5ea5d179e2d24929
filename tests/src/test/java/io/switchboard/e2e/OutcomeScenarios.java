package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.AmdOutcome;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a call ends when it does not simply complete: a queue call blind-transferred through
 * {@code POST /api/v1/calls/{id}/transfer} (BLINDTRANSFER, {@code transferred}, the agent wraps up), an outbound
 * call whose agent's line is gone when the customer answers (the glue's safe harbour: {@code abandoned}, the
 * agent never connected), and a machine that is left a message ({@code machine-message}). The server is
 * configured with {@code outbound.answering-machine: message}, so it is a family of its own.
 */
abstract class OutcomeScenarios extends PbxScenarios {

    private static final String TRANSFER_TO = "+442071239999";
    private static final String SUPPORT_DID = "4930100400";
    private static final String LATE_ANSWER = "+442071230011";
    private static final String MACHINE = "+442071230012";
    private static final Phone ANSWERS_AND_STAYS = new Phone.Answers(Duration.ofSeconds(1), null);
    /** Long enough (2.5 s of real time) for the agent's line to close first, within the 30 s ring timeout. */
    private static final Duration LATE = Duration.ofSeconds(25);

    OutcomeScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerLeavingMessagesAgentsAndQueue() throws Exception {
        attach("outcome", Map.of(
                flavour.device("3001"), ANSWERS_AND_STAYS,
                flavour.device("3002"), ANSWERS_AND_STAYS,
                flavour.device("3003"), ANSWERS_AND_STAYS,
                flavour.customer(LATE_ANSWER), new Phone.Answers(LATE, null, AmdOutcome.HUMAN),
                flavour.customer(MACHINE), new Phone.Answers(Duration.ofSeconds(2), null, AmdOutcome.MACHINE)),
                Map.of("SWITCHBOARD_OUTBOUND_ANSWERING_MACHINE", "message",
                        "SWITCHBOARD_OUTBOUND_MACHINE_MESSAGE", "custom/callback-offer",
                        "SWITCHBOARD_OUTBOUND_RING_TIMEOUT_SECONDS", "30"));
        agent("a1", "Ann", "3001");
        agent("a2", "Bob", "3002");
        agent("a3", "Cy", "3003");
        queue(SUPPORT_DID, "support", 1, "a1");
        availableInTurn("a1");
        openLine("a2");
        openLine("a3");
        for (String agent : List.of("a1", "a2")) {
            api.put("/api/v1/users/" + agent, "{\"role\":\"agent\",\"agentId\":\"" + agent
                    + "\",\"password\":\"" + agent + "-password\"}", 201);
        }
    }

    /** A session token of agent {@code agent}'s user: a call is acted on by the agent on it (AccessPolicy OWN_CALL). */
    private String signIn(String agent) throws Exception {
        return api.post("/api/v1/sessions", "{\"username\":\"" + agent + "\",\"password\":\"" + agent
                + "-password\"}", 201).path("token").asText();
    }

    @Test
    void a_queue_call_transferred_through_the_api_leaves_the_queue_as_blindtransfer_and_the_agent_wraps_up()
            throws Exception {
        pbx.inboundCall(InboundCall.of("+4930555400", SUPPORT_DID));
        String callId = awaitQueueLog("queue=" + SUPPORT_DID, "CONNECT").get(0).path("callid").asText();
        awaitState("a1", "on-call");
        awaitCall(callId, "a1's leg recorded", call -> legs(call).contains("agent:a1"));
        String transfer = "{\"to\":\"" + TRANSFER_TO + "\"}";
        assertThat(api.as(signIn("a2")).postError(transferPath(callId), transfer, 403)).as("another agent's call")
                .isEqualTo("forbidden");

        JsonNode accepted = api.as(signIn("a1")).post(transferPath(callId), transfer, 202);

        assertThat(accepted.path("callId").asText()).isEqualTo(callId);
        assertThat(accepted.path("mode").asText()).isEqualTo("blind");
        assertThat(accepted.path("to").asText()).as("the number is masked").doesNotContain(TRANSFER_TO.substring(4));
        List<JsonNode> log = awaitQueueLog("queue=" + SUPPORT_DID, "BLINDTRANSFER");
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "CONNECT:a1", "BLINDTRANSFER:a1");
        JsonNode transferred = log.get(2);
        assertThat(transferred.path("data1").asText()).as("number").isEqualTo(TRANSFER_TO);
        assertThat(transferred.path("data2").asText()).as("context").isEqualTo("default");
        assertThat(transferred.path("data3").asText()).as("hold seconds").matches("\\d+");
        assertThat(transferred.path("data4").asText()).as("talk seconds").matches("\\d+");
        assertThat(transferred.path("data5").asText()).as("original position").isEqualTo("1");
        JsonNode call = awaitCall(callId, "the call ended", PbxScenarios::ended);
        assertThat(call.path("endReason").asText()).isEqualTo("transferred");
        assertThat(legs(call)).containsExactly("caller:", "agent:a1", "transfer:");
        assertThat(statesUntilAvailable("a1")).as("a1 after the transfer").containsSequence("wrap-up", "available");
    }

    @Test
    void a_transfer_request_for_no_live_call_or_with_a_bad_field_answers_with_a_stable_error_id() throws Exception {
        assertThat(api.postError(transferPath("sim/no-such-call"), "{\"to\":\"" + TRANSFER_TO + "\"}", 404))
                .isEqualTo("call-not-found");
        assertThat(api.error(transferPath("sim/no-such-call"), "{\"to\":\"12\"}", 400).path("details")
                .path("field").asText()).isEqualTo("to");
        assertThat(api.error(transferPath("sim/no-such-call"), "{\"to\":\"" + TRANSFER_TO + "\",\"mode\":\"warm\"}",
                400).path("details").path("field").asText()).isEqualTo("mode");
    }

    @Test
    void a_customer_who_answers_after_the_agents_line_is_gone_hears_the_safe_harbour_and_the_call_is_abandoned()
            throws Exception {
        awaitState("a2", "available");
        String callId = dial(LATE_ANSWER, "a2");

        assertThat(api.delete("/api/v1/agents/a2/session").statusCode()).isEqualTo(202);
        api.await("a2's line closed", () -> !lineOpen("a2"), SOON);

        JsonNode ended = awaitCall(callId, "the call ended", PbxScenarios::ended);
        assertThat(ended.path("endReason").asText()).isEqualTo("abandoned");
        assertThat(ended.path("answeredAt").isNull()).as("the customer answered").isFalse();
        assertThat(agentLeg(ended).path("answeredAt").isNull()).as("the agent was never connected").isTrue();
        assertThat(serverLog("event=outbound-safe-harbour", "callId=" + callId)).as("the glue's safe harbour")
                .singleElement().asString().contains("reason=AGENT_ABSENT");
        assertThat(api.agentState("a2")).isNotEqualTo("on-call");
    }

    @Test
    void a_machine_that_answers_is_left_the_message_and_the_call_ends_as_machine_message() throws Exception {
        awaitState("a3", "available");

        String callId = dial(MACHINE, "a3");

        JsonNode ended = awaitCall(callId, "the call ended", PbxScenarios::ended);
        assertThat(ended.path("endReason").asText()).isEqualTo("machine-message");
        assertThat(agentLeg(ended).path("answeredAt").isNull()).as("the agent was never connected").isTrue();
        awaitState("a3", "available");
        assertThat(lineOpen("a3")).as("the agent stays nailed up").isTrue();
    }

    private static String transferPath(String callId) {
        return "/api/v1/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8) + "/transfer";
    }

    /** The agent's states as polled, each change once, until the agent is available again. */
    private List<String> statesUntilAvailable(String agent) throws Exception {
        List<String> seen = new ArrayList<>();
        api.await(agent + " available again", () -> {
            String state = api.agentState(agent);
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                seen.add(state);
            }
            return state;
        }, "available"::equals, SOON);
        return seen;
    }
}
