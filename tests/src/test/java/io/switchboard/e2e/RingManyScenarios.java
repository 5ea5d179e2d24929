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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ring-all and ring-progressively as a caller and the agents see them: several phones ring for one caller, each
 * on a leg of its own; whoever answers first talks to the caller, the others stop ringing, are available again
 * and count no miss (no {@code RINGNOANSWER}, no auto-pause), their rings ending as {@code RINGCANCELED}.
 *
 * <p>Rings run at the simulator's time scale; the ring-progressively interval is a server timer, in real
 * seconds, so the first agent's ring timeout is set long enough (in simulator time) to outlast it.
 */
abstract class RingManyScenarios extends PbxScenarios {

    private static final String RING_ALL_DID = "4930100800";
    private static final String PROGRESSIVE_DID = "4930100810";
    private static final Phone ANSWERS_AND_STAYS = new Phone.Answers(Duration.ofSeconds(2), null);

    RingManyScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgents() throws Exception {
        Map<String, Phone> phones = new HashMap<>();
        phones.put(flavour.device("7101"), new Phone.NeverAnswers());
        phones.put(flavour.device("7102"), ANSWERS_AND_STAYS);
        phones.put(flavour.device("7103"), new Phone.NeverAnswers());
        phones.put(flavour.device("7111"), new Phone.NeverAnswers());
        phones.put(flavour.device("7112"), ANSWERS_AND_STAYS);
        phones.put(flavour.device("7113"), new Phone.NeverAnswers());
        attach("ring-many", phones);
        agent("all1", "Alma", "7101");
        agent("all2", "Alba", "7102");
        agent("all3", "Alva", "7103");
        agent("prog1", "Pia", "7111");
        agent("prog2", "Pol", "7112");
        agent("prog3", "Pam", "7113");
    }

    @Test
    void ring_all_rings_all_three_agents_at_once_the_second_answers_and_the_others_stop_with_no_miss()
            throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + RING_ALL_DID + "\",\"name\":\"ring-all\",\"strategy\":\"ring-all\","
                + "\"reservationTimeoutSeconds\":15,\"members\":[\"all1\",\"all2\",\"all3\"]}", 201);
        availableInTurn("all1", "all2", "all3");

        String caller = pbx.inboundCall(InboundCall.of("+4930555800", RING_ALL_DID));

        List<JsonNode> log = awaitQueueLog("queue=" + RING_ALL_DID, "CONNECT");
        assertThat(events(log)).containsExactlyInAnyOrder("ENTERQUEUE:NONE", "RINGCANCELED:all1",
                "RINGCANCELED:all3", "CONNECT:all2");
        assertThat(events(log).get(events(log).size() - 1)).isEqualTo("CONNECT:all2");
        JsonNode call = api.callRecord(log.get(0).path("callid").asText());
        assertThat(legs(call)).containsExactlyInAnyOrder("caller:", "agent:all1", "agent:all2", "agent:all3");
        awaitState("all2", "on-call");
        awaitState("all1", "available");
        awaitState("all3", "available");

        pbx.callerHangsUp(caller);

        assertThat(events(awaitQueueLog("queue=" + RING_ALL_DID, "COMPLETE")))
                .doesNotContain("RINGNOANSWER:all1", "RINGNOANSWER:all3").contains("COMPLETECALLER:all2");
        assertThat(api.agentState("all1")).isEqualTo("available");
        assertThat(api.agentState("all3")).isEqualTo("available");
    }

    @Test
    void ring_progressively_rings_the_first_then_after_the_interval_the_second_too_who_answers_and_wins()
            throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + PROGRESSIVE_DID + "\",\"name\":\"progressive\","
                + "\"strategy\":\"ring-progressively\",\"ringIntervalSeconds\":1,\"reservationTimeoutSeconds\":40,"
                + "\"members\":[\"prog1\",\"prog2\",\"prog3\"]}", 201);
        availableInTurn("prog1", "prog2", "prog3");

        String caller = pbx.inboundCall(InboundCall.of("+4930555810", PROGRESSIVE_DID));
        awaitState("prog1", "reserved");
        assertThat(api.agentState("prog2")).as("not rung before the interval").isEqualTo("available");

        List<JsonNode> log = awaitQueueLog("queue=" + PROGRESSIVE_DID, "CONNECT");
        assertThat(events(log)).containsExactly("ENTERQUEUE:NONE", "RINGCANCELED:prog1", "CONNECT:prog2");
        assertThat(legs(api.callRecord(log.get(0).path("callid").asText())))
                .containsExactly("caller:", "agent:prog1", "agent:prog2");
        awaitState("prog2", "on-call");
        awaitState("prog1", "available");
        assertThat(api.agentState("prog3")).as("never rung").isEqualTo("available");

        pbx.callerHangsUp(caller);
        awaitQueueLog("queue=" + PROGRESSIVE_DID, "COMPLETE");
    }
}
