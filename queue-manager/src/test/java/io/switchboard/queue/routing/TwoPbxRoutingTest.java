package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.AgentScope;
import io.switchboard.queue.selection.PbxReach;
import io.switchboard.queue.selection.QueueSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One router, two PBXs sharing one agent pool: an agent is on the PBX that reports their phone; a caller of a
 * queue whose scope is {@code any} is rung through to them over the trunk, a local queue's caller never is.
 */
class TwoPbxRoutingTest {

    private static final PbxId HERE = RoutingWorld.PBX;
    private static final PbxId THERE = PbxId.of("pbx2");
    private final RoutingWorld world = new RoutingWorld();

    @BeforeEach
    void twoPbxsWithATrunkEachWay() {
        world.router.pbxReach(new PbxReach(Map.of(
                HERE, Map.of(THERE, "IAX2/trunk-b/{device}"),
                THERE, Map.of(HERE, "sofia/gateway/trunk-a/{device}")), Map.of()));
        world.queue(QueueSetup.of(TaskQueue.of(QueueId.of("local"), "local", RoutingStrategy.LONGEST_IDLE)));
        world.queue(QueueSetup.of(TaskQueue.of(QueueId.of("any"), "any", RoutingStrategy.LONGEST_IDLE))
                .withAgentScope(AgentScope.ANY));
        world.availableIn("remote", Duration.ofMinutes(9), "local", "any");
        world.pbxReports(new PbxEvent.AgentDeviceStateChanged(THERE, world.clock.instant(), "SIP/remote",
                DeviceState.IDLE));
    }

    @Test
    void a_caller_of_an_any_queue_rings_an_agent_on_the_other_pbx_through_the_trunk() {
        callArrivesOn(HERE, "c1", "any");

        assertThat(world.pbx.devicesRung()).containsExactly("IAX2/trunk-b/remote");
        assertThat(world.states.stateOf("remote")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void a_caller_on_the_agents_own_pbx_rings_the_device_itself() {
        callArrivesOn(THERE, "c1", "any");

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/remote");
    }

    @Test
    void a_caller_of_a_local_queue_waits_for_an_agent_on_their_own_pbx_and_never_crosses() {
        callArrivesOn(HERE, "c1", "local");

        assertThat(world.pbx.devicesRung()).isEmpty();
        world.availableIn("near", Duration.ofMinutes(1), "local");
        world.agentBecomesAvailable("near");

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/near");
        assertThat(world.states.stateOf("remote")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void an_agent_reserved_for_a_caller_on_their_own_pbx_is_not_offered_the_other_pbxs_caller_too() {
        callArrivesOn(THERE, "c1", "local");
        callArrivesOn(HERE, "c2", "any");

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/remote");
        assertThat(world.router.tasks()).hasSize(2);
    }

    @Test
    void an_agent_seen_on_the_other_pbx_later_is_placed_there_from_then_on() {
        world.availableIn("moved", Duration.ofMinutes(30), "local");
        world.pbxReports(new PbxEvent.AgentDeviceStateChanged(THERE, world.clock.instant(), "SIP/moved",
                DeviceState.IDLE));

        callArrivesOn(HERE, "c1", "local");

        assertThat(world.pbx.devicesRung()).as("both agents are on the other PBX now").isEmpty();
    }

    @Test
    void ring_all_of_an_any_queue_rings_the_local_phone_itself_and_the_remote_one_through_the_trunk_at_once() {
        world.pbx.severalLegs = true;
        world.queue(QueueSetup.of(TaskQueue.of(QueueId.of("all"), "all", RoutingStrategy.RING_ALL))
                .withAgentScope(AgentScope.ANY));
        world.availableIn("near", Duration.ofMinutes(1), "all");
        world.availableIn("remote", Duration.ofMinutes(9), "local", "any", "all");
        world.agentBecomesAvailable("near");

        callArrivesOn(HERE, "c1", "all");

        assertThat(world.pbx.devicesRung()).containsExactlyInAnyOrder("SIP/near", "IAX2/trunk-b/remote");
        assertThat(world.pbx.legsRung).hasSize(2);
    }

    private void callArrivesOn(PbxId pbx, String call, String queue) {
        world.pbxReports(new PbxEvent.CallOffered(pbx, world.clock.instant(), CallId.of(call),
                RoutingWorld.callerLeg(call), Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"),
                Optional.empty(), Optional.of(QueueId.of(queue))));
    }
}
