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
 * A queued callback survives a restart of the Switchboard node: the caller presses 1 and hangs up, the server is
 * stopped and started again on the same database (a deploy), and once an agent is available the customer is
 * called back under the original call id and connected, the call's record and queue_log going on where they were.
 */
abstract class CallbackRestartScenarios extends PbxScenarios {

    private static final String DID = "4930100950";
    private static final String CUSTOMER = "+4930555951";

    CallbackRestartScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAgentAndQueue() throws Exception {
        attach("callback-restart", Map.of(
                flavour.device("7251"), new Phone.Answers(Duration.ofSeconds(1), null),
                flavour.customer(CUSTOMER), new Phone.Answers(Duration.ofSeconds(2), null)));
        agent("cr1", "Rita", "7251");
        api.post("/api/v1/queues", "{\"id\":\"" + DID + "\",\"reservationTimeoutSeconds\":5,\"members\":[\"cr1\"],"
                + "\"callback\":{\"enabled\":true,\"digit\":\"1\",\"attempts\":2,\"ringTimeSeconds\":10}}", 201);
    }

    @Test
    void a_callback_asked_before_a_restart_is_called_back_and_connected_after_it() throws Exception {
        String waiting = pbx.inboundCall(InboundCall.of(CUSTOMER, DID));
        String callId = api.await("the caller queued", () -> api.queueLog("queue=" + DID).stream()
                .filter(r -> r.path("event").asText().equals("ENTERQUEUE")).map(r -> r.path("callid").asText())
                .toList(), calls -> calls.size() == 1, SOON).get(0);
        pbx.callerPresses(waiting, '1');
        awaitCall(callId, "the caller's leg ended by the callback", call -> call.path("legs").findValues("endReason")
                .stream().anyMatch(reason -> reason.asText().equals("callback")));
        api.await("the callback kept", () -> serverLog("event=pending-callbacks-written"), lines -> !lines.isEmpty(),
                SOON);

        restartServer();

        api.await("the callback restored", () -> serverLog("event=callback-restored", callId),
                lines -> !lines.isEmpty(), SOON);
        assertThat(api.tasks()).extracting(task -> task.path("callId").asText()).contains(callId);
        assertThat(serverLog("event=callback-restored", callId)).singleElement().asString()
                .as("the number is masked").doesNotContain(CUSTOMER.substring(4));
        api.post("/api/v1/agents/cr1/state", "{\"state\":\"available\"}", 200);

        List<JsonNode> log = awaitQueueLog("callid=" + callId, "CONNECT");
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "EXITWITHKEY:NONE", "CALLBACKREQUEST:NONE",
                "CALLBACKDIAL:cr1", "CALLBACKANSWER:cr1", "CONNECT:cr1");
        awaitState("cr1", "on-call");
        assertThat(serverLog("event=callback-dialling", callId)).singleElement().asString()
                .contains("attempt=1");
    }
}
