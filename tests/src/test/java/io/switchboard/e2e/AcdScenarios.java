package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ACD as a user of the queue API sees it: an agent who never answers is paused after three misses, wrap-up
 * after one queue's call holds back another queue's caller, an agent who becomes free gets the caller who has
 * waited longest over all their queues, the strategy and required skills set through {@code /api/v1/queues}
 * decide who is rung.
 *
 * <p>Each scenario has its own agents, phones and queues (a queue's id is its DID), so they do not depend on
 * their order. Rings and talk run at the simulator's time scale (a 5 s reservation timeout is half a second of
 * real time); wrap-up is timed by the server, in real seconds. Times are compared only on the server's clock (an
 * agent state's {@code since}): a task's {@code created} and queue_log's {@code time} are the PBX's event times,
 * which the simulator's clock runs ten times faster.
 */
abstract class AcdScenarios extends PbxScenarios {

    private static final String AUTO_PAUSE_DID = "4930100700";
    private static final String WRAP_FIRST_DID = "4930100710";
    private static final String WRAP_SECOND_DID = "4930100711";
    private static final String FAIR_LATER_DID = "4930100720";
    private static final String FAIR_EARLIER_DID = "4930100721";
    private static final String ROUND_ROBIN_DID = "4930100730";
    private static final String SKILLS_DID = "4930100740";
    private static final int WRAP_UP_SECONDS = 2;
    private static final Phone ANSWERS_AND_STAYS = new Phone.Answers(Duration.ofSeconds(1), null);
    private static final Phone ANSWERS_AND_HANGS_UP = new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(1));

    AcdScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgents() throws Exception {
        Map<String, Phone> phones = new HashMap<>();
        phones.put(flavour.device("7001"), new Phone.NeverAnswers());
        phones.put(flavour.device("7002"), ANSWERS_AND_HANGS_UP);
        phones.put(flavour.device("7011"), ANSWERS_AND_STAYS);
        phones.put(flavour.device("7021"), ANSWERS_AND_STAYS);
        phones.put(flavour.device("7031"), ANSWERS_AND_HANGS_UP);
        phones.put(flavour.device("7032"), ANSWERS_AND_HANGS_UP);
        phones.put(flavour.device("7041"), ANSWERS_AND_HANGS_UP);
        phones.put(flavour.device("7042"), ANSWERS_AND_HANGS_UP);
        attach("acd", phones);
        agent("absent", "Abe", "7001");
        agent("backup", "Bea", "7002");
        agent("wrapper", "Wes", "7011");
        agent("fair", "Fay", "7021");
        agent("first", "Flo", "7031");
        agent("second", "Sam", "7032");
        skilledAgent("novice", "7041", 3);
        skilledAgent("expert", "7042", 7);
    }

    @Test
    void an_agent_who_never_answers_is_rung_three_times_then_paused_for_no_answer_and_the_caller_waits_for_the_next()
            throws Exception {
        configureQueue(AUTO_PAUSE_DID, "{\"members\":[\"absent\",\"backup\"]}");
        availableInTurn("absent");
        pbx.inboundCall(InboundCall.of("+4930555700", AUTO_PAUSE_DID));

        awaitState("absent", "paused");

        assertThat(api.getJson("/api/v1/agents/absent/state").path("reason").asText()).isEqualTo("no-answer");
        List<JsonNode> log = api.await("the pause in queue_log", () -> api.queueLog("queue=" + AUTO_PAUSE_DID),
                rows -> memberRows(rows).contains("PAUSE:absent:no-answer"), SOON);
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "RINGNOANSWER:absent", "RINGNOANSWER:absent",
                "RINGNOANSWER:absent");
        assertThat(tasksIn(AUTO_PAUSE_DID)).as("the caller still waits").hasSize(1);

        availableInTurn("backup");

        assertThat(events(awaitQueueLog("queue=" + AUTO_PAUSE_DID, "COMPLETE"))).containsExactly("ENTERQUEUE:NONE",
                "RINGNOANSWER:absent", "RINGNOANSWER:absent", "RINGNOANSWER:absent", "CONNECT:backup",
                "COMPLETEAGENT:backup");
        assertThat(legs(api.callRecord(callRows(log).get(0).path("callid").asText()))).containsExactly("caller:",
                "agent:absent", "agent:absent", "agent:absent", "agent:backup");
        assertThat(api.agentState("absent")).as("still paused").isEqualTo("paused");
    }

    @Test
    void a_caller_of_another_queue_who_arrives_during_wrap_up_is_rung_only_once_the_wrap_up_is_over() throws Exception {
        configureQueue(WRAP_FIRST_DID, "{\"wrapUpSeconds\":" + WRAP_UP_SECONDS + ",\"members\":[\"wrapper\"]}");
        configureQueue(WRAP_SECOND_DID, "{\"members\":[\"wrapper\"]}");
        availableInTurn("wrapper");
        String first = pbx.inboundCall(InboundCall.of("+4930555710", WRAP_FIRST_DID));
        awaitQueueLog("queue=" + WRAP_FIRST_DID, "CONNECT");
        pbx.callerHangsUp(first);
        awaitState("wrapper", "wrap-up");
        Instant wrapUpEnds = since("wrapper").plusSeconds(WRAP_UP_SECONDS);

        String second = pbx.inboundCall(InboundCall.of("+4930555711", WRAP_SECOND_DID));
        api.await("the second caller queued", () -> tasksIn(WRAP_SECOND_DID).size() == 1, SOON);

        assertThat(api.agentState("wrapper")).as("the second caller arrived during the wrap-up").isEqualTo("wrap-up");
        assertThat(events(awaitQueueLog("queue=" + WRAP_SECOND_DID, "CONNECT")))
                .containsExactly("ENTERQUEUE:NONE", "CONNECT:wrapper");
        awaitState("wrapper", "on-call");
        assertThat(since("wrapper")).as("connected after the wrap-up").isAfterOrEqualTo(wrapUpEnds);
        pbx.callerHangsUp(second);
        awaitState("wrapper", "available");
    }

    @Test
    void an_agent_who_becomes_available_gets_the_caller_who_waited_longest_over_all_their_queues() throws Exception {
        configureQueue(FAIR_LATER_DID, "{\"members\":[\"fair\"]}");
        configureQueue(FAIR_EARLIER_DID, "{\"members\":[\"fair\"]}");
        api.post("/api/v1/agents/fair/state", "{\"state\":\"paused\"}", 200);
        String longest = pbx.inboundCall(InboundCall.of("+4930555720", FAIR_EARLIER_DID));
        api.await("the first caller queued", () -> tasksIn(FAIR_EARLIER_DID).size() == 1, SOON);
        String later = pbx.inboundCall(InboundCall.of("+4930555721", FAIR_LATER_DID));
        api.await("the second caller queued", () -> tasksIn(FAIR_LATER_DID).size() == 1, SOON);

        api.post("/api/v1/agents/fair/state", "{\"state\":\"available\"}", 200);

        assertThat(events(awaitQueueLog("queue=" + FAIR_EARLIER_DID, "CONNECT")))
                .containsExactly("ENTERQUEUE:NONE", "CONNECT:fair");
        awaitState("fair", "on-call");
        assertThat(events(api.queueLog("queue=" + FAIR_LATER_DID))).as("the later caller still waits")
                .containsExactly("ENTERQUEUE:NONE");
        pbx.callerHangsUp(longest);
        assertThat(events(awaitQueueLog("queue=" + FAIR_LATER_DID, "CONNECT")))
                .containsExactly("ENTERQUEUE:NONE", "CONNECT:fair");
        pbx.callerHangsUp(later);
        awaitState("fair", "available");
    }

    @Test
    void a_queue_switched_to_round_robin_through_the_api_offers_consecutive_calls_in_member_order() throws Exception {
        configureQueue(ROUND_ROBIN_DID, "{\"members\":[\"first\",\"second\"]}");
        availableInTurn("first", "second");
        api.put("/api/v1/queues/" + ROUND_ROBIN_DID, queueBody(ROUND_ROBIN_DID, "{\"strategy\":\"round-robin-memory\","
                + "\"memberOrder\":[\"second\",\"first\"],\"members\":[\"first\",\"second\"]}"), 200);
        assertThat(api.getJson("/api/v1/queues/" + ROUND_ROBIN_DID).path("strategy").asText())
                .isEqualTo("round-robin-memory");

        assertThat(List.of(queueCallAnsweredBy(ROUND_ROBIN_DID, "+4930555730"),
                queueCallAnsweredBy(ROUND_ROBIN_DID, "+4930555731"),
                queueCallAnsweredBy(ROUND_ROBIN_DID, "+4930555732")))
                .as("longest idle would start with 'first'").containsExactly("second", "first", "second");
    }

    @Test
    void a_queue_requiring_billing_5_never_rings_the_agent_with_billing_3_and_connects_the_one_with_billing_7()
            throws Exception {
        configureQueue(SKILLS_DID, "{\"requiredSkills\":[{\"skill\":\"billing\",\"minimumLevel\":5}],"
                + "\"members\":[\"novice\",\"expert\"]}");
        availableInTurn("novice", "expert");

        String answeredBy = queueCallAnsweredBy(SKILLS_DID, "+4930555740");

        assertThat(answeredBy).as("longest idle alone would pick the novice").isEqualTo("expert");
        List<JsonNode> log = api.queueLog("queue=" + SKILLS_DID);
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "CONNECT:expert", "COMPLETEAGENT:expert");
        assertThat(legs(api.callRecord(callRows(log).get(0).path("callid").asText())))
                .containsExactly("caller:", "agent:expert");
        assertThat(api.agentState("novice")).isEqualTo("available");
    }

    /** Creates a queue with this DID as id, a 5 s reservation timeout and the fields of {@code fields}. */
    private void configureQueue(String did, String fields) throws Exception {
        api.post("/api/v1/queues", queueBody(did, fields), 201);
    }

    private static String queueBody(String did, String fields) {
        return "{\"id\":\"" + did + "\",\"name\":\"acd-" + did + "\",\"reservationTimeoutSeconds\":5,"
                + fields.substring(1);
    }

    private void skilledAgent(String id, String extension, int billing) throws Exception {
        api.post("/api/v1/agents", "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"device\":\""
                + flavour.device(extension) + "\",\"skills\":[{\"skill\":\"billing\",\"proficiency\":" + billing
                + "}]}", 201);
    }

    /**
     * One caller into the queue, answered and completed by the agent's phone; returns who answered, once every
     * member is available again for the next call.
     */
    private String queueCallAnsweredBy(String did, String caller) throws Exception {
        pbx.inboundCall(InboundCall.of(caller, did));
        List<JsonNode> log = api.await("the call of " + caller + " completed", () -> callRows(api.queueLog(
                "queue=" + did)), rows -> rows.stream().anyMatch(r -> r.path("event").asText().startsWith("COMPLETE")
                && callOf(rows, caller).equals(r.path("callid").asText())), SOON);
        String agent = log.stream().filter(r -> r.path("event").asText().equals("CONNECT")
                && callOf(log, caller).equals(r.path("callid").asText())).findFirst().orElseThrow()
                .path("agent").asText();
        awaitState(agent, "available");
        return agent;
    }

    /** The call id of the caller's ENTERQUEUE row, or an empty string. */
    private static String callOf(List<JsonNode> rows, String caller) {
        return rows.stream().filter(r -> r.path("event").asText().equals("ENTERQUEUE")
                && r.path("data2").asText().equals(caller)).map(r -> r.path("callid").asText()).findFirst().orElse("");
    }

    private Instant since(String agent) throws Exception {
        return Instant.parse(api.getJson("/api/v1/agents/" + agent + "/state").path("since").asText());
    }

    private List<JsonNode> tasksIn(String queue) throws Exception {
        return api.tasks().stream().filter(t -> queue.equals(t.path("queueId").asText())).toList();
    }

    /** The membership and pause rows (call id {@code NONE}) as {@code EVENT:agent:data1}. */
    private static List<String> memberRows(List<JsonNode> rows) {
        return rows.stream().filter(r -> r.path("callid").asText().equals("NONE"))
                .map(r -> r.path("event").asText() + ":" + r.path("agent").asText() + ":" + r.path("data1").asText(""))
                .toList();
    }
}
