package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Preferred-agent routing as a caller sees it: who spoke to an agent once is rung to that agent first on their
 * next call to a queue whose {@code preferredAgent.lastAgent} is on, even where the queue's strategy (linear,
 * the other agent first) would pick someone else; when that agent does not answer, the strategy applies; a
 * queue without the rule ignores the history. The history is made by a first call through a queue that only
 * the later preferred agent serves.
 */
abstract class PreferredAgentScenarios extends PbxScenarios {

    private static final String HISTORY_DID = "4930100750";
    private static final String PREFERRING_DID = "4930100751";
    private static final String OTHER_HISTORY_DID = "4930100752";
    private static final String PLAIN_DID = "4930100753";
    private static final Phone ANSWERS_AND_HANGS_UP = new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(1));

    /** The devices whose phones ring out unanswered from now on, whatever they were configured to do. */
    private final Set<String> silenced = ConcurrentHashMap.newKeySet();

    PreferredAgentScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgents() throws Exception {
        Map<String, Phone> phones = new HashMap<>();
        for (String extension : List.of("7051", "7052", "7053", "7054")) {
            phones.put(flavour.device(extension), ANSWERS_AND_HANGS_UP);
        }
        attach("preferred", phones);
        pbx.drive(world -> world.phones(dial -> silenced.contains(dial) ? new Phone.NeverAnswers() : null));
        agent("ann", "Ann", "7051");
        agent("bee", "Bee", "7052");
        agent("cat", "Cat", "7053");
        agent("dan", "Dan", "7054");
    }

    @Test
    void a_caller_goes_first_to_the_agent_who_spoke_to_them_and_when_that_agent_does_not_answer_to_the_strategys_pick()
            throws Exception {
        configureQueue(HISTORY_DID, "{\"members\":[\"bee\"]}");
        configureQueue(PREFERRING_DID, "{\"strategy\":\"linear\",\"memberOrder\":[\"ann\",\"bee\"],"
                + "\"members\":[\"ann\",\"bee\"],\"preferredAgent\":{\"lastAgent\":true,\"timeoutSeconds\":30}}");
        availableInTurn("ann", "bee");
        assertThat(callAnsweredBy(HISTORY_DID, "+4930555750")).isEqualTo("bee");
        assertThat(callAnsweredBy(PREFERRING_DID, "+4930555750")).as("linear alone would pick ann").isEqualTo("bee");

        silenced.add(flavour.device("7052"));
        String answeredBy = callAnsweredBy(PREFERRING_DID, "+4930555750");

        assertThat(answeredBy).isEqualTo("ann");
        assertThat(events(api.queueLog("queue=" + PREFERRING_DID))).containsExactly("ENTERQUEUE:NONE", "CONNECT:bee",
                "COMPLETEAGENT:bee", "ENTERQUEUE:NONE", "RINGNOANSWER:bee", "CONNECT:ann", "COMPLETEAGENT:ann");
        assertThat(api.getJson("/api/v1/queues/" + PREFERRING_DID).path("preferredAgent").path("timeoutSeconds")
                .asInt()).isEqualTo(30);
    }

    @Test
    void a_queue_without_the_rule_ignores_whom_the_caller_spoke_to() throws Exception {
        configureQueue(OTHER_HISTORY_DID, "{\"members\":[\"dan\"]}");
        configureQueue(PLAIN_DID, "{\"strategy\":\"linear\",\"memberOrder\":[\"cat\",\"dan\"],"
                + "\"members\":[\"cat\",\"dan\"]}");
        availableInTurn("cat", "dan");
        assertThat(callAnsweredBy(OTHER_HISTORY_DID, "+4930555752")).isEqualTo("dan");

        assertThat(callAnsweredBy(PLAIN_DID, "+4930555752")).isEqualTo("cat");
        assertThat(events(api.queueLog("queue=" + PLAIN_DID)))
                .containsExactly("ENTERQUEUE:NONE", "CONNECT:cat", "COMPLETEAGENT:cat");
    }

    private void configureQueue(String did, String fields) throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + did + "\",\"name\":\"preferred-" + did + "\","
                + "\"reservationTimeoutSeconds\":5," + fields.substring(1), 201);
    }

    /** One caller into the queue, answered and completed; returns who answered, once they are available again. */
    private String callAnsweredBy(String did, String caller) throws Exception {
        int before = completed(api.queueLog("queue=" + did));
        pbx.inboundCall(InboundCall.of(caller, did));
        List<JsonNode> log = api.await("the call of " + caller + " into " + did + " completed",
                () -> api.queueLog("queue=" + did), rows -> completed(rows) > before, SOON);
        List<JsonNode> connects = callRows(log).stream().filter(r -> r.path("event").asText().equals("CONNECT"))
                .toList();
        String agent = connects.get(connects.size() - 1).path("agent").asText();
        awaitState(agent, "available");
        return agent;
    }

    private static int completed(List<JsonNode> rows) {
        return (int) rows.stream().filter(r -> r.path("event").asText().startsWith("COMPLETE")).count();
    }
}
