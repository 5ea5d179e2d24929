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
 * The connection to the PBX dies under a call in progress: Switchboard reconnects, resyncs, and its tasks,
 * agent states and records match the PBX afterwards, with nothing lost or counted twice. Once the network is
 * cut (the PBX carries on, and the caller hangs up while Switchboard is away); once the PBX itself is stopped
 * and started again on the same port (every call is gone).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ResyncScenarios extends PbxScenarios {

    private static final String DID = "4930100400";

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
        availableInTurn("r1");
        openLine("n1");
    }

    @Test
    @Order(1)
    void a_call_survives_a_cut_connection_and_ends_once_when_the_caller_hangs_up_while_switchboard_is_away()
            throws Exception {
        String caller = pbx.inboundCall(InboundCall.of("+4930555201", DID));
        String callId = connected("+4930555201");

        cutAndReconnect(() -> { });

        assertThat(api.tasks()).as("the task is as it was").extracting(t -> t.path("callId").asText())
                .containsExactly(callId);
        assertThat(api.agentState("r1")).isEqualTo("on-call");

        cutAndReconnect(() -> pbx.callerHangsUp(caller));

        awaitQueueLog("callid=" + callId, "COMPLETE");
        awaitState("r1", "available");
        List<JsonNode> log = api.queueLog("callid=" + callId);
        assertThat(events(log)).as("every queue_log row of the call, once").hasSize(3)
                .startsWith("ENTERQUEUE:", "CONNECT:r1");
        assertThat(events(log).get(2)).startsWith("COMPLETE").endsWith(":r1");
        assertThat(api.tasks()).isEmpty();
        assertThat(ended(api.callRecord(callId))).isTrue();
        assertThat(lineOpen("n1")).as("a nailed-up line survives the cuts").isTrue();
        assertThat(api.agentState("n1")).isEqualTo("available");
    }

    @Test
    @Order(2)
    void a_restarted_pbx_ends_the_calls_it_had_and_the_next_call_is_routed() throws Exception {
        pbx.inboundCall(InboundCall.of("+4930555202", DID));
        String callId = connected("+4930555202");

        pbx.stop();
        api.await("pbx/sim down", () -> !"up".equals(api.pbxState("sim")), SOON);
        startPbxAgain();
        api.await("pbx/sim up again", () -> "up".equals(api.pbxState("sim")), SOON);

        awaitQueueLog("callid=" + callId, "COMPLETE");
        awaitState("r1", "available");
        assertThat(api.queueLog("callid=" + callId)).as("the old call ended once").hasSize(3);
        assertThat(api.tasks()).isEmpty();
        api.await("n1's line, gone with the PBX, closed", () -> !lineOpen("n1"), SOON);

        pbx.inboundCall(InboundCall.of("+4930555203", DID));
        connected("+4930555203");
    }

    /** Waits until the caller's call is connected to r1; returns its call id. */
    private String connected(String caller) throws Exception {
        List<JsonNode> rows = api.await("a CONNECT for " + caller, () -> api.queueLog("queue=" + DID),
                all -> connectOf(all, caller) != null, SOON);
        awaitState("r1", "on-call");
        return connectOf(rows, caller).path("callid").asText();
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
