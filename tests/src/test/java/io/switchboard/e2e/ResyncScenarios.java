package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection to the PBX dies under calls in progress, one to an agent whose phone rang and one to a
 * nailed-up agent: Switchboard reconnects, resyncs, and its tasks, agent states and records match the PBX
 * afterwards, with nothing lost or counted twice. Once the network is cut (the PBX carries on, and the callers
 * hang up while Switchboard is away); once the PBX itself is stopped and started again on the same port (every
 * call and line is gone).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ResyncScenarios extends PbxScenarios {

    private static final String DID = "4930100400";
    private static final String NAILED_DID = "4930100401";

    ResyncScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAgentsAndQueue() throws Exception {
        attach("resync", Map.of(
                flavour.device("1101"), new Phone.Answers(Duration.ofSeconds(1), null),
                flavour.device("1102"), new Phone.Answers(Duration.ofSeconds(1), null)));
        agent("r1", "Rae", "1101");
        agent("n1", "Nia", "1102");
        queue(DID, "resync", 1, "r1");
        queue(NAILED_DID, "resync-nailed", 0, "n1");
        availableInTurn("r1");
        openLine("n1");
    }

    @Test
    @Order(1)
    void calls_survive_a_cut_connection_and_end_once_when_the_callers_hang_up_while_switchboard_is_away()
            throws Exception {
        String toRinging = pbx.inboundCall(InboundCall.of("+4930555201", DID));
        String toNailed = pbx.inboundCall(InboundCall.of("+4930555204", NAILED_DID));
        String ringingCall = connected(DID, "+4930555201", "r1");
        String nailedCall = connected(NAILED_DID, "+4930555204", "n1");

        cutAndReconnect(() -> { });

        assertThat(api.tasks()).as("the tasks are as they were").extracting(t -> t.path("callId").asText())
                .containsExactlyInAnyOrder(ringingCall, nailedCall);
        assertThat(api.agentState("r1")).isEqualTo("on-call");
        assertThat(api.agentState("n1")).isEqualTo("on-call");

        cutAndReconnect(() -> {
            pbx.callerHangsUp(toRinging);
            pbx.callerHangsUp(toNailed);
        });

        completedOnce(ringingCall, "r1");
        completedOnce(nailedCall, "n1");
        assertThat(api.tasks()).isEmpty();
        assertThat(lineOpen("n1")).as("the nailed-up line survives the cuts").isTrue();
    }

    @Test
    @Order(2)
    void a_restarted_pbx_ends_the_calls_it_had_and_the_next_call_is_routed() throws Exception {
        pbx.inboundCall(InboundCall.of("+4930555202", DID));
        String callId = connected(DID, "+4930555202", "r1");

        pbx.stop();
        api.await("pbx/sim down", () -> !"up".equals(api.pbxState("sim")), SOON);
        startPbxAgain();
        api.await("pbx/sim up again", () -> "up".equals(api.pbxState("sim")), SOON);

        completedOnce(callId, "r1");
        assertThat(api.tasks()).isEmpty();
        api.await("n1's line, gone with the PBX, closed", () -> !lineOpen("n1"), SOON);

        pbx.inboundCall(InboundCall.of("+4930555203", DID));
        connected(DID, "+4930555203", "r1");
    }

    /** Waits until the caller's call in {@code queue} is connected to {@code agent}; returns its call id. */
    private String connected(String queue, String caller, String agent) throws Exception {
        List<JsonNode> rows = api.await("a CONNECT for " + caller, () -> api.queueLog("queue=" + queue),
                all -> connectOf(all, caller) != null, SOON);
        JsonNode connect = connectOf(rows, caller);
        assertThat(connect.path("agent").asText()).isEqualTo(agent);
        awaitState(agent, "on-call");
        return connect.path("callid").asText();
    }

    /** Waits until the call completed and its agent is available again; each of its queue_log rows is there once. */
    private void completedOnce(String callId, String agent) throws Exception {
        awaitQueueLog("callid=" + callId, "COMPLETE");
        awaitState(agent, "available");
        List<String> events = events(api.queueLog("callid=" + callId));
        assertThat(events).as("every queue_log row of the call, once").hasSize(3)
                .startsWith("ENTERQUEUE:NONE", "CONNECT:" + agent);
        assertThat(events.get(2)).startsWith("COMPLETE").endsWith(":" + agent);
        assertThat(ended(api.callRecord(callId))).isTrue();
    }

    /** The CONNECT row of the call whose ENTERQUEUE names {@code caller}, or null. */
    private static JsonNode connectOf(List<JsonNode> rows, String caller) {
        String callId = rows.stream().filter(r -> r.path("event").asText().equals("ENTERQUEUE")
                        && r.toString().contains(caller.substring(1)))
                .map(r -> r.path("callid").asText()).findFirst().orElse(null);
        return rows.stream().filter(r -> r.path("event").asText().equals("CONNECT")
                && r.path("callid").asText().equals(callId)).findFirst().orElse(null);
    }

    /** Cuts the connection, runs {@code whileAway} with Switchboard locked out, then lets it back in. */
    private void cutAndReconnect(Runnable whileAway) throws Exception {
        pbx.reachable(false);
        assertThat(pbx.dropSessions()).as("Switchboard's one session").isEqualTo(1);
        api.await("pbx/sim down", () -> !"up".equals(api.pbxState("sim")), SOON);
        whileAway.run();
        pbx.reachable(true);
        api.await("pbx/sim up again", () -> "up".equals(api.pbxState("sim")), SOON);
    }
}
