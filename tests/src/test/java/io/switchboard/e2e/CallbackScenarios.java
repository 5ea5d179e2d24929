package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queued callback ("press 1 to be called back and keep your place"), set through {@code /api/v1/queues}:
 * the waiting caller presses the key in the glue's hold, is confirmed and hung up by the glue
 * ({@code switchboard-callback} / {@code switchboard_callback}) and still counts as waiting; when an agent frees,
 * the router reserves them and has the PBX call the customer ({@code SWITCHBOARD_CALLBACK}), whose answered call
 * comes back on hold (Reason {@code CALLBACK}) and is rung to that agent as any waiting caller.
 */
abstract class CallbackScenarios extends PbxScenarios {

    private static final String CALLBACK_DID = "4930100900";
    private static final String UNANSWERED_DID = "4930100901";
    private static final String ANSWERING = "+4930555901";
    private static final String NEVER_ANSWERING = "+4930555902";
    private static final String MAX_WAIT_DID = "4930100902";
    private static final String CALLED_AT_MAX_WAIT = "+4930555903";
    private static final Phone STAYS = new Phone.Answers(Duration.ofSeconds(1), null);
    /** The simulated Asterisk's channel names by Uniqueid, to hang up a called-back customer (FreeSWITCH: the uuid). */
    private final Map<String, String> channels = new ConcurrentHashMap<>();

    CallbackScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAgentsAndQueues() throws Exception {
        attach("callback", Map.of(
                flavour.device("7201"), STAYS,
                flavour.device("7202"), STAYS,
                flavour.customer(ANSWERING), new Phone.Answers(Duration.ofSeconds(2), null),
                flavour.customer(NEVER_ANSWERING), new Phone.NeverAnswers(),
                flavour.device("7203"), STAYS,
                flavour.customer(CALLED_AT_MAX_WAIT), new Phone.Answers(Duration.ofSeconds(2), null)));
        pbx.drive(world -> world.listen(event -> {
            if (event.event().filter("Newchannel"::equals).isPresent()) {
                channels.put(event.first("Uniqueid").orElse(""), event.first("Channel").orElse(""));
            }
        }));
        agent("cb1", "Cleo", "7201");
        agent("cb2", "Dov", "7202");
        callbackQueue(CALLBACK_DID, "cb1", 2, 0);
        callbackQueue(UNANSWERED_DID, "cb2", 2, 1);
        agent("cb3", "Ema", "7203");
        api.post("/api/v1/queues", "{\"id\":\"" + MAX_WAIT_DID + "\",\"reservationTimeoutSeconds\":5,"
                + "\"maxWaitSeconds\":2,\"members\":[\"cb3\"],\"exits\":{\"timeout\":{\"action\":\"callback\"}},"
                + "\"callback\":{\"enabled\":false,\"attempts\":1,\"ringTimeSeconds\":10}}", 201);
    }

    private void callbackQueue(String did, String member, int attempts, int retryDelaySeconds) throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + did + "\",\"name\":\"callback-" + did + "\","
                + "\"reservationTimeoutSeconds\":5,\"members\":[\"" + member + "\"],\"callback\":{\"enabled\":true,"
                + "\"digit\":\"1\",\"attempts\":" + attempts + ",\"ringTimeSeconds\":10,\"retryDelaySeconds\":"
                + retryDelaySeconds + "}}", 201);
    }

    @Test
    void a_caller_who_presses_1_is_hung_up_keeps_their_place_and_is_called_back_and_connected_when_the_agent_frees()
            throws Exception {
        assertThat(api.getJson("/api/v1/queues/" + CALLBACK_DID).path("callback").path("attempts").asInt())
                .isEqualTo(2);
        availableInTurn("cb1");
        String talking = pbx.inboundCall(InboundCall.of("+4930555900", CALLBACK_DID));
        awaitQueueLog("queue=" + CALLBACK_DID, "CONNECT");
        awaitState("cb1", "on-call");
        String waiting = pbx.inboundCall(InboundCall.of(ANSWERING, CALLBACK_DID));
        String callId = api.await("the second caller queued", () -> enteredCalls(CALLBACK_DID),
                calls -> calls.size() == 2, SOON).get(1);

        pbx.callerPresses(waiting, '1');

        List<JsonNode> log = awaitQueueLog("callid=" + callId, "CALLBACKREQUEST");
        JsonNode key = log.stream().filter(r -> r.path("event").asText().equals("EXITWITHKEY")).findFirst()
                .orElseThrow();
        assertThat(List.of(key.path("data1").asText(), key.path("data2").asText(), key.path("data3").asText()))
                .as("key, position, original position").containsExactly("1", "1", "1");
        JsonNode asked = awaitCall(callId, "the caller's leg ended by the callback",
                call -> "callback".equals(callerLeg(call).path("endReason").asText()));
        assertThat(asked.path("endedAt").isNull()).as("the call goes on").isTrue();
        assertThat(asked.path("callbackOutcome").asText()).isEqualTo("requested");
        assertThat(api.getJson("/api/v1/queues/" + CALLBACK_DID + "/kpis").path("waiting").asInt())
                .as("still counted waiting").isEqualTo(1);
        assertThat(api.tasks()).extracting(task -> task.path("callId").asText()).contains(callId);
        assertThat(events(api.queueLog("callid=" + callId))).doesNotContain("ABANDON:NONE");

        pbx.callerHangsUp(talking);
        String customerCall = awaitQueueLog("callid=" + callId, "CONNECT").stream()
                .filter(r -> r.path("event").asText().equals("CALLBACKDIAL")).findFirst().orElseThrow()
                .path("data3").asText();
        awaitState("cb1", "on-call");
        pbx.callerHangsUp(channelOf(customerCall));

        List<JsonNode> after = awaitQueueLog("callid=" + callId, "COMPLETE");
        assertThat(events(after)).containsExactly("ENTERQUEUE:NONE", "EXITWITHKEY:NONE", "CALLBACKREQUEST:NONE",
                "CALLBACKDIAL:cb1", "CALLBACKANSWER:cb1", "CONNECT:cb1", "COMPLETECALLER:cb1");
        JsonNode call = awaitCall(callId, "the callback's call ended", PbxScenarios::ended);
        assertThat(call.path("endReason").asText()).isEqualTo("completecaller");
        assertThat(call.path("callbackOutcome").asText()).isEqualTo("connected");
        assertThat(call.path("agentId").asText()).isEqualTo("cb1");
        assertThat(legs(call)).containsExactly("caller:", "customer:", "agent:cb1");
        assertThat(serverLog("event=callback-dialling", callId)).singleElement().asString()
                .as("the number is masked").doesNotContain(ANSWERING.substring(4));
        awaitState("cb1", "available");
    }

    @Test
    void a_customer_who_never_answers_is_tried_every_attempt_then_the_callback_ends_and_the_agent_is_no_worse_off()
            throws Exception {
        api.post("/api/v1/agents/cb2/state", "{\"state\":\"paused\"}", 200);
        String waiting = pbx.inboundCall(InboundCall.of(NEVER_ANSWERING, UNANSWERED_DID));
        String callId = api.await("the caller queued", () -> enteredCalls(UNANSWERED_DID),
                calls -> calls.size() == 1, SOON).get(0);
        pbx.callerPresses(waiting, '1');
        awaitCall(callId, "the caller's leg ended by the callback",
                call -> "callback".equals(callerLeg(call).path("endReason").asText()));

        api.post("/api/v1/agents/cb2/state", "{\"state\":\"available\"}", 200);

        List<JsonNode> log = awaitQueueLog("callid=" + callId, "CALLBACKEND");
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "EXITWITHKEY:NONE", "CALLBACKREQUEST:NONE",
                "CALLBACKDIAL:cb2", "CALLBACKNOANSWER:cb2", "CALLBACKDIAL:cb2", "CALLBACKNOANSWER:cb2",
                "CALLBACKEND:NONE");
        JsonNode end = log.get(log.size() - 1);
        assertThat(List.of(end.path("data1").asText(), end.path("data2").asText())).containsExactly("no_answer", "2");
        JsonNode call = awaitCall(callId, "the call ended", PbxScenarios::ended);
        assertThat(call.path("endReason").asText()).isEqualTo("callback_no_answer");
        assertThat(call.path("callbackAttempts").asInt()).isEqualTo(2);
        assertThat(legs(call)).containsExactly("caller:", "customer:", "customer:");
        awaitState("cb2", "available");
        assertThat(api.getJson("/api/v1/queues/" + UNANSWERED_DID + "/kpis").path("waiting").asInt()).isZero();
        assertThat(api.tasks()).extracting(task -> task.path("callId").asText()).doesNotContain(callId);
    }

    @Test
    void a_caller_at_the_queues_max_wait_is_called_back_instead_of_hung_up_when_the_exit_says_so() throws Exception {
        api.post("/api/v1/agents/cb3/state", "{\"state\":\"paused\"}", 200);
        pbx.inboundCall(InboundCall.of(CALLED_AT_MAX_WAIT, MAX_WAIT_DID));
        String callId = api.await("the caller queued", () -> enteredCalls(MAX_WAIT_DID),
                calls -> calls.size() == 1, SOON).get(0);

        List<JsonNode> log = awaitQueueLog("callid=" + callId, "CALLBACKREQUEST");
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "EXITWITHTIMEOUT:NONE", "CALLBACKREQUEST:NONE");
        awaitCall(callId, "the caller's leg ended by the callback",
                call -> "callback".equals(callerLeg(call).path("endReason").asText()));
        api.post("/api/v1/agents/cb3/state", "{\"state\":\"available\"}", 200);

        String customerCall = awaitQueueLog("callid=" + callId, "CONNECT").stream()
                .filter(r -> r.path("event").asText().equals("CALLBACKDIAL")).findFirst().orElseThrow()
                .path("data3").asText();
        awaitState("cb3", "on-call");
        pbx.callerHangsUp(channelOf(customerCall));
        JsonNode call = awaitCall(callId, "the callback's call ended", PbxScenarios::ended);
        assertThat(call.path("callbackOutcome").asText()).isEqualTo("connected");
        assertThat(events(api.queueLog("callid=" + callId))).doesNotContain("ABANDON:NONE");
    }

    /** The PBX's name for the channel of Switchboard's call {@code callId} ({@code sim/<uniqueid>}). */
    private String channelOf(String callId) {
        String uniqueid = callId.substring(callId.indexOf('/') + 1);
        return flavour == PbxFlavour.ASTERISK ? channels.get(uniqueid) : uniqueid;
    }

    /** The ids of the calls that entered {@code queue}, in order. */
    private List<String> enteredCalls(String queue) throws Exception {
        return api.queueLog("queue=" + queue).stream().filter(r -> r.path("event").asText().equals("ENTERQUEUE"))
                .map(r -> r.path("callid").asText()).toList();
    }

    private static JsonNode callerLeg(JsonNode call) {
        for (JsonNode leg : call.path("legs")) {
            if (leg.path("role").asText().equals("caller")) {
                return leg;
            }
        }
        throw new AssertionError("no caller leg in " + call);
    }
}
