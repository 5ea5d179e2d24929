package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.asterisk.DeskPhone;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent's phone busy on a call Switchboard did not place: the PBX says so (Asterisk's DeviceStateChange of
 * {@code SIP/7201}; on FreeSWITCH the channels whose {@code Channel-Presence-ID} is {@code 7201@default}), the ACD
 * does not ring the agent, and offers them the waiting caller as soon as the private call ends.
 */
abstract class DeviceStateScenarios extends PbxScenarios {

    private static final String DID = "4930100900";
    private static final Phone ANSWERS = new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(20));
    /** The colleague's phone answers and talks until the agent hangs up. */
    private static final Phone STAYS = new Phone.Answers(Duration.ofSeconds(1), null);

    DeviceStateScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAndAgents() throws Exception {
        attach("device", Map.of(flavour.device("7201"), ANSWERS, flavour.device("7202"), STAYS));
        agent("privy", "Priv", "7201");
        queue(DID, "device", 0, "privy");
    }

    @Test
    void an_agent_on_a_private_call_is_not_rung_and_gets_the_waiting_caller_when_it_ends() throws Exception {
        availableInTurn("privy");
        String privateCall = pbx.phoneDials(new DeskPhone(flavour.device("7201"), "7201", ""), "7202");
        api.await("the private call answered", () -> bridged(privateCall), Boolean.TRUE::equals, SOON);

        String caller = pbx.inboundCall(InboundCall.of("+4930555900", DID));
        awaitQueueLog("queue=" + DID, "ENTERQUEUE");
        api.await("the caller waiting", () -> api.tasks().stream()
                .filter(t -> DID.equals(t.path("queueId").asText())).count(), n -> n == 1, SOON);
        assertThat(api.agentState("privy")).as("available, but not offered while the phone is in use")
                .isEqualTo("available");
        assertThat(events(api.queueLog("queue=" + DID))).containsExactly("ENTERQUEUE:NONE");

        pbx.callerHangsUp(privateCall);
        List<JsonNode> rows = awaitQueueLog("queue=" + DID, "CONNECT");
        assertThat(events(rows)).containsExactly("ENTERQUEUE:NONE", "CONNECT:privy");

        pbx.callerHangsUp(caller);
        awaitQueueLog("queue=" + DID, "COMPLETE");
        awaitState("privy", "available");
    }

    /** Whether the simulated PBX has the phone's channel in a bridge with the colleague's. */
    private boolean bridged(String channel) {
        AtomicBoolean bridged = new AtomicBoolean();
        pbx.drive(world -> bridged.set(world.isBridged(channel)));
        return bridged.get();
    }
}
