package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a waiting caller hears: the queue's announcements, set through {@code /api/v1/queues}, played by the
 * PBX's glue ({@code switchboard-announce} / {@code switchboard_announce}) while the caller keeps their place.
 *
 * <p>The agent's phone talks for 90 s of simulated time (9 s real). After one such call the queue's handle time
 * is 90 s, so with the agent busy the next caller is told "you are next" and about 2 minutes (90 s rounded to the
 * nearest minute), the one after that "2 calls waiting" and 3 minutes (2 x 90 s).
 */
abstract class WaitingCallerScenarios extends PbxScenarios {

    private static final String ANNOUNCING_DID = "4930100800";
    private static final Phone TALKS_90_S = new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(90));

    WaitingCallerScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgents() throws Exception {
        attach("waiting", Map.of(flavour.device("7101"), TALKS_90_S));
        agent("patient", "Pat", "7101");
    }

    @Test
    void the_second_waiting_caller_hears_position_two_and_an_estimated_wait_and_keeps_their_place() throws Exception {
        api.post("/api/v1/queues", "{\"id\":\"" + ANNOUNCING_DID + "\",\"name\":\"announcing\","
                + "\"reservationTimeoutSeconds\":5,\"members\":[\"patient\"],\"announcements\":{"
                + "\"frequencySeconds\":600,\"position\":\"yes\",\"estimatedWait\":\"yes\",\"roundSeconds\":0}}", 201);
        assertThat(api.getJson("/api/v1/queues/" + ANNOUNCING_DID).path("announcements").path("estimatedWait")
                .asText()).isEqualTo("yes");
        availableInTurn("patient");
        pbx.inboundCall(InboundCall.of("+4930555800", ANNOUNCING_DID));
        awaitQueueLog("queue=" + ANNOUNCING_DID, "COMPLETE");
        awaitState("patient", "available");

        String talking = pbx.inboundCall(InboundCall.of("+4930555801", ANNOUNCING_DID));
        api.await("the second call connected", () -> events(api.queueLog("queue=" + ANNOUNCING_DID)).stream()
                .filter(e -> e.startsWith("CONNECT")).count() == 2, SOON);
        String next = pbx.inboundCall(InboundCall.of("+4930555802", ANNOUNCING_DID));
        String second = pbx.inboundCall(InboundCall.of("+4930555803", ANNOUNCING_DID));

        List<String> heardBySecond = api.await("the second waiting caller's announcement", () -> played(second),
                heard -> heard.contains(minutesSound()), SOON);
        List<String> heardByNext = api.await("the next caller's announcement", () -> played(next),
                heard -> heard.contains(minutesSound()), SOON);

        assertThat(heardBySecond).containsSubsequence(positionSound(), "#2").containsSubsequence("#3",
                minutesSound());
        assertThat(heardByNext).containsSubsequence("#2", minutesSound());
        assertThat(serverLog("event=wait-announced", "position=2", "estimatedWaitSeconds=180")).isNotEmpty();
        List<JsonNode> log = api.queueLog("queue=" + ANNOUNCING_DID);
        assertThat(events(log)).as("announced callers are neither new arrivals nor missed rings")
                .containsExactly("ENTERQUEUE:NONE", "CONNECT:patient", "COMPLETEAGENT:patient", "ENTERQUEUE:NONE",
                        "CONNECT:patient", "ENTERQUEUE:NONE", "ENTERQUEUE:NONE");

        pbx.callerHangsUp(second);
        pbx.callerHangsUp(next);
        pbx.callerHangsUp(talking);
        awaitState("patient", "available");
    }

    /** The sound before the position: app_queue's "there are" on Asterisk, "you are number" on FreeSWITCH. */
    private String positionSound() {
        return flavour == PbxFlavour.ASTERISK ? "queue-thereare" : "ivr/ivr-you_are_number.wav";
    }

    /** The sound after the minutes of the estimated wait. */
    private String minutesSound() {
        return flavour == PbxFlavour.ASTERISK ? "queue-minutes" : "time/minutes.wav";
    }

    /** What the simulated PBX has played to the caller's channel so far. */
    private List<String> played(String channel) {
        AtomicReference<List<String>> heard = new AtomicReference<>(List.of());
        pbx.drive(world -> heard.set(world.played(channel)));
        return heard.get();
    }
}
