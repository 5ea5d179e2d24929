package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inbound calls to agents whose phones ring: Switchboard holds the caller, offers the call to the agent idle
 * longest, skips the one who does not answer, connects the next, and records the call, its legs and its
 * queue_log; a caller who hangs up while nobody is available leaves the queue as an abandon.
 *
 * <p>The glue's queue hint is the dialled number, so a queue's id is its DID; it is created after its
 * members, since queue members must be existing agents.
 */
abstract class InboundScenarios extends PbxScenarios {

    private static final String SUPPORT_DID = "4930100200";
    private static final String CALLER_ENDS_DID = "4930100201";
    private static final String AGENT_ENDS_DID = "4930100202";
    private static final String NOBODY_DID = "4930100999";

    InboundScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAgentsAndQueue() throws Exception {
        attach("inbound", Map.of(
                flavour.device("1001"), new Phone.NeverAnswers(),
                flavour.device("1002"), new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(2)),
                flavour.device("1003"), new Phone.Answers(Duration.ofSeconds(1), null),
                flavour.device("1004"), new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(1))));
        agent("a1", "Ann", "1001");
        agent("a2", "Bob", "1002");
        agent("a3", "Cy", "1003");
        agent("a4", "Di", "1004");
        queue(SUPPORT_DID, "support", 1, "a1", "a2");
        queue(CALLER_ENDS_DID, "caller-ends", 0, "a3");
        queue(AGENT_ENDS_DID, "agent-ends", 0, "a4");
        availableInTurn("a1", "a2", "a3", "a4");
    }

    @Test
    void a_call_skips_the_agent_who_does_not_answer_is_connected_to_the_next_and_is_recorded() throws Exception {
        pbx.inboundCall(InboundCall.of("+4930555123", SUPPORT_DID));

        List<JsonNode> log = awaitQueueLog("queue=" + SUPPORT_DID, "COMPLETE");
        assertThat(events(log)).extracting(event -> event.replaceFirst("^COMPLETE(AGENT|CALLER)", "COMPLETE"))
                .containsExactly("ENTERQUEUE:NONE", "RINGNOANSWER:a1", "CONNECT:a2", "COMPLETE:a2");
        String callId = log.get(0).path("callid").asText();
        assertThat(log).allSatisfy(row -> assertThat(row.path("callid").asText()).isEqualTo(callId));
        JsonNode call = api.callRecord(callId);
        assertThat(call.path("direction").asText()).isEqualTo("inbound");
        assertThat(call.path("agentId").asText()).isEqualTo("a2");
        assertThat(ended(call)).isTrue();
        assertThat(legs(call)).containsExactly("caller:", "agent:a1", "agent:a2");
        awaitState("a2", "available");
        assertThat(api.agentState("a1")).isEqualTo("available");
    }

    @Test
    void a_caller_who_hangs_up_first_completes_the_call_as_the_caller() throws Exception {
        String caller = pbx.inboundCall(InboundCall.of("+4930555125", CALLER_ENDS_DID));
        awaitQueueLog("queue=" + CALLER_ENDS_DID, "CONNECT");

        pbx.callerHangsUp(caller);

        assertThat(events(awaitQueueLog("queue=" + CALLER_ENDS_DID, "COMPLETE")))
                .containsExactly("ENTERQUEUE:NONE", "CONNECT:a3", "COMPLETECALLER:a3");
        awaitState("a3", "available");
    }

    @Test
    void an_agent_who_hangs_up_first_completes_the_call_as_the_agent() throws Exception {
        pbx.inboundCall(InboundCall.of("+4930555126", AGENT_ENDS_DID));

        assertThat(events(awaitQueueLog("queue=" + AGENT_ENDS_DID, "COMPLETE")))
                .containsExactly("ENTERQUEUE:NONE", "CONNECT:a4", "COMPLETEAGENT:a4");
        awaitState("a4", "available");
    }

    @Test
    void a_caller_who_hangs_up_while_nobody_is_available_abandons_and_leaves_the_queue() throws Exception {
        String caller = pbx.inboundCall(InboundCall.of("+4930555124", NOBODY_DID));
        api.await("the task waits", () -> tasksIn(NOBODY_DID).size() == 1, SOON);

        pbx.callerHangsUp(caller);

        List<JsonNode> log = awaitQueueLog("queue=" + NOBODY_DID, "ABANDON");
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "ABANDON:NONE");
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

    private List<JsonNode> tasksIn(String queue) throws Exception {
        return api.tasks().stream().filter(t -> queue.equals(t.path("queueId").asText())).toList();
    }
}
