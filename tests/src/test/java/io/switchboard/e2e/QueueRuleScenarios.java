package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue rules that act on the caller, set through {@code /api/v1/queues}: a caller who waits the queue's max
 * wait overflows to a second queue whose agent answers; the only agent pausing sends the waiting caller to the
 * admin's voicemail (the simulated PBX's {@code voicemail} context) with {@code QUEUESTATUS=LEAVEEMPTY}; a full
 * queue turns the next caller away to its exit; a queue with nobody logged in refuses callers at entry. The
 * queue_log rows are app_queue's (EXITWITHTIMEOUT, EXITEMPTY, none for a refused join) and the call records say
 * how each call ended.
 *
 * <p>Each scenario has its own agents, phones and queues (a queue's id is its DID). Max wait is timed by the
 * server, in real seconds.
 */
abstract class QueueRuleScenarios extends PbxScenarios {

    private static final String OVERFLOW_FROM_DID = "4930100800";
    private static final String OVERFLOW_TO_DID = "4930100801";
    private static final String LEAVE_DID = "4930100810";
    private static final String FULL_DID = "4930100820";
    private static final String JOIN_DID = "4930100830";
    private static final Pattern CALL_ID = Pattern.compile("callId=(\\S+)");

    QueueRuleScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgents() throws Exception {
        attach("rules", Map.of(
                flavour.device("8101"), new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                flavour.device("8111"), new Phone.Answers(Duration.ofSeconds(1), null)));
        agent("catcher", "Cat", "8101");
        agent("lonely", "Lou", "8111");
        agent("sleepy", "Sly", "8131");
    }

    @Test
    void a_caller_who_waits_the_max_wait_overflows_to_the_second_queue_whose_agent_answers() throws Exception {
        configureQueue(OVERFLOW_TO_DID, "{\"members\":[\"catcher\"]}");
        configureQueue(OVERFLOW_FROM_DID, "{\"maxWaitSeconds\":2,\"members\":[],\"exits\":{\"timeout\":"
                + "{\"action\":\"overflow\",\"queue\":\"" + OVERFLOW_TO_DID + "\"}}}");
        availableInTurn("catcher");

        pbx.inboundCall(InboundCall.of("+4930555800", OVERFLOW_FROM_DID));

        List<JsonNode> first = awaitQueueLog("queue=" + OVERFLOW_FROM_DID, "EXITWITHTIMEOUT");
        assertThat(events(first)).containsExactly("ENTERQUEUE:NONE", "EXITWITHTIMEOUT:NONE");
        JsonNode timeout = first.get(1);
        assertThat(List.of(timeout.path("data1").asText(), timeout.path("data2").asText()))
                .as("position, original position").containsExactly("1", "1");
        assertThat(timeout.path("data3").asInt()).as("waited seconds").isBetween(2, 10);
        List<JsonNode> second = awaitQueueLog("queue=" + OVERFLOW_TO_DID, "COMPLETE");
        assertThat(events(second)).containsExactly("ENTERQUEUE:NONE", "CONNECT:catcher", "COMPLETEAGENT:catcher");
        String callId = timeout.path("callid").asText();
        assertThat(second.get(0).path("callid").asText()).as("the same call").isEqualTo(callId);
        JsonNode call = awaitCall(callId, "the call ended", PbxScenarios::ended);
        assertThat(call.path("endReason").asText()).isEqualTo("completeagent");
        assertThat(legs(call)).containsExactly("caller:", "agent:catcher");
        awaitState("catcher", "available");
    }

    @Test
    void the_only_agent_pausing_sends_the_waiting_caller_to_voicemail_with_queuestatus_leaveempty() throws Exception {
        configureQueue(LEAVE_DID, "{\"members\":[\"lonely\"],\"leaveWhenEmpty\":[\"paused\"],\"exits\":"
                + "{\"leaveempty\":{\"action\":\"extension\",\"context\":\"voicemail\",\"extension\":\"8001\"}}}");
        availableInTurn("lonely");
        String talking = pbx.inboundCall(InboundCall.of("+4930555810", LEAVE_DID));
        awaitState("lonely", "on-call");
        String waiting = pbx.inboundCall(InboundCall.of("+4930555811", LEAVE_DID));
        api.await("the second caller queued", () -> entered(LEAVE_DID) == 2, SOON);

        api.post("/api/v1/agents/lonely/state", "{\"state\":\"paused\"}", 200);

        List<JsonNode> log = awaitQueueLog("queue=" + LEAVE_DID, "EXITEMPTY");
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "CONNECT:lonely", "ENTERQUEUE:NONE",
                "EXITEMPTY:NONE");
        JsonNode exit = log.get(3);
        assertThat(List.of(exit.path("data1").asText(), exit.path("data2").asText()))
                .as("position, original position").containsExactly("1", "1");
        api.await("the caller in voicemail", () -> whereIs(waiting), "voicemail,8001:LEAVEEMPTY"::equals, SOON);
        JsonNode call = awaitCall(exit.path("callid").asText(), "the call ended", PbxScenarios::ended);
        assertThat(call.path("endReason").asText()).isEqualTo("leave_empty");
        assertThat(legs(call)).containsExactly("caller:", "exit:");
        pbx.callerHangsUp(waiting);
        pbx.callerHangsUp(talking);
    }

    @Test
    void a_full_queue_turns_the_next_caller_away_to_its_exit_without_a_queue_log_row() throws Exception {
        configureQueue(FULL_DID, "{\"maxLength\":1,\"members\":[],\"exits\":"
                + "{\"full\":{\"action\":\"extension\",\"context\":\"voicemail\",\"extension\":\"8002\"}}}");
        String first = pbx.inboundCall(InboundCall.of("+4930555820", FULL_DID));
        api.await("the first caller queued", () -> entered(FULL_DID) == 1, SOON);

        String second = pbx.inboundCall(InboundCall.of("+4930555821", FULL_DID));

        String callId = refusedCall(FULL_DID, "FULL");
        api.await("the caller in voicemail", () -> whereIs(second), "voicemail,8002:FULL"::equals, SOON);
        JsonNode call = awaitCall(callId, "the refused call ended", PbxScenarios::ended);
        assertThat(call.path("endReason").asText()).isEqualTo("full");
        assertThat(legs(call)).containsExactly("caller:", "exit:");
        assertThat(events(api.queueLog("queue=" + FULL_DID))).as("only the first caller's row")
                .containsExactly("ENTERQUEUE:NONE");
        assertThat(waitingIn(FULL_DID)).isEqualTo(1);
        pbx.callerHangsUp(first);
        pbx.callerHangsUp(second);
    }

    @Test
    void a_queue_with_nobody_logged_in_refuses_callers_at_entry_and_hangs_them_up() throws Exception {
        configureQueue(JOIN_DID, "{\"members\":[\"sleepy\"],\"joinWhenEmpty\":[\"paused\",\"unavailable\"]}");

        String caller = pbx.inboundCall(InboundCall.of("+4930555830", JOIN_DID));

        String callId = refusedCall(JOIN_DID, "JOINEMPTY");
        JsonNode call = awaitCall(callId, "the refused call ended", PbxScenarios::ended);
        assertThat(call.path("endReason").asText()).isEqualTo("join_empty");
        assertThat(legs(call)).containsExactly("caller:");
        api.await("the caller hung up", () -> whereIs(caller).equals("gone"), SOON);
        assertThat(api.queueLog("queue=" + JOIN_DID)).as("app_queue logs no row for a refused join").isEmpty();
    }

    /** Creates a queue with this DID as id, a 5 s reservation timeout and the fields of {@code fields}. */
    private void configureQueue(String did, String fields) throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + did + "\",\"name\":\"rules-" + did + "\","
                + "\"reservationTimeoutSeconds\":5," + fields.substring(1), 201);
    }

    private long waitingIn(String queue) throws Exception {
        return api.tasks().stream().filter(t -> queue.equals(t.path("queueId").asText())).count();
    }

    /** How many callers the queue admitted ({@code ENTERQUEUE} rows): a caller counts once their join was decided. */
    private long entered(String queue) throws Exception {
        return api.queueLog("queue=" + queue).stream().filter(r -> r.path("event").asText().equals("ENTERQUEUE"))
                .count();
    }

    /** The call id the server logged when it refused a caller of {@code queue} for {@code reason}. */
    private String refusedCall(String queue, String reason) throws Exception {
        String line = api.await("a caller refused by " + queue, () -> serverLog("event=caller-refused",
                "queueId=" + queue, "reason=" + reason), lines -> !lines.isEmpty(), SOON).get(0);
        Matcher id = CALL_ID.matcher(line);
        assertThat(id.find()).as(line).isTrue();
        return id.group(1);
    }

    /** Where the simulated PBX has the channel, {@code <context>,<extension>:<QUEUESTATUS>}, or {@code gone}. */
    private String whereIs(String channel) {
        String[] where = new String[1];
        pbx.drive(world -> {
            Optional<String> location = world.dialplanLocation(channel);
            where[0] = location.map(at -> at + ":" + world.variable(channel, "QUEUESTATUS").orElse(""))
                    .orElse("gone");
        });
        return where[0];
    }
}
