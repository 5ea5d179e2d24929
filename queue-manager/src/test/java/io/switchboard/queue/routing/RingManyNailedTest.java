package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ring-all and ring-progressively with a nailed-up agent among those offered: an open line answers at once (as
 * app_queue's {@code Agent/} member with {@code ackcall=no}), so ring-all joins the first such agent without ringing
 * anyone, and ring-progressively joins them when their step comes, cancelling the legs still ringing.
 */
class RingManyNailedTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final RoutingWorld world = new RoutingWorld();

    @Test
    void ring_all_joins_the_first_free_nailed_agent_alone_and_rings_nobody() {
        ringAll();
        world.lineOpens("a3");
        world.lineOpens("a2");

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.joins).containsExactly(CallId.of("c1"));
        assertThat(world.pbx.legsRung).isEmpty();
        assertThat(world.states.stateOf("a2")).as("before a3 in member order").isEqualTo(AgentState.RESERVED);
        assertThat(List.of("a1", "a3")).allMatch(a -> world.states.stateOf(a) == AgentState.AVAILABLE);
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung");
    }

    @Test
    void ring_all_rings_the_others_when_the_nailed_agent_is_not_on_their_line() {
        ringAll();
        world.lineOpens("a2");
        world.callArrives("c1", SUPPORT);

        world.pbxReports(new PbxEvent.CallReturnedToHold(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"),
                Optional.empty(), HoldReason.NO_AGENT));

        assertThat(world.router.missesOf(AgentId.of("a2"))).isEqualTo(1);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a3");
        assertThat(world.pbx.legsRung).hasSize(2);
    }

    @Test
    void ring_progressively_joins_a_nailed_agent_at_their_step_and_cancels_the_legs_ringing_without_a_miss() {
        ringProgressively();
        world.lineOpens("a3");
        world.callArrives("c1", SUPPORT);
        world.clock.advance(INTERVAL);
        world.dueTimersFire();
        List<LegId> legs = List.copyOf(world.pbx.legsRung);
        assertThat(legs).hasSize(2);
        assertThat(world.pbx.joins).isEmpty();

        world.clock.advance(INTERVAL);
        world.dueTimersFire();

        assertThat(world.pbx.legsCanceled).containsExactlyElementsOf(legs);
        assertThat(world.pbx.joins).containsExactly(CallId.of("c1"));
        assertThat(world.states.stateOf("a3")).isEqualTo(AgentState.RESERVED);
        assertThat(List.of("a1", "a2")).allMatch(a -> world.states.stateOf(a) == AgentState.AVAILABLE
                && world.router.missesOf(AgentId.of(a)) == 0);
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "AgentRung", "RingCanceled",
                "RingCanceled", "AgentRung");
        world.pbxReports(new PbxEvent.CallConnected(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"),
                RoutingWorld.callerLeg("c1"), LegId.of("pbx1/session-a3")));
        assertThat(world.states.stateOf("a3")).isEqualTo(AgentState.ON_CALL);
    }

    @Test
    void an_answer_before_the_nailed_agents_step_keeps_them_free() {
        ringProgressively();
        world.lineOpens("a3");
        world.callArrives("c1", SUPPORT);

        world.agentAnswers(world.pbx.legsRung.get(0));
        world.clock.advance(INTERVAL.multipliedBy(3));
        world.dueTimersFire();

        assertThat(world.pbx.joins).isEmpty();
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.ON_CALL);
        assertThat(world.states.stateOf("a3")).isEqualTo(AgentState.AVAILABLE);
    }

    private void ringAll() {
        world.pbx.severalLegs = true;
        world.queue("support", RoutingStrategy.RING_ALL);
        members();
    }

    private void ringProgressively() {
        world.pbx.severalLegs = true;
        world.queue(QueueSetup.of(TaskQueue.of(QueueId.of("support"), "support", RoutingStrategy.RING_PROGRESSIVELY))
                .withRingInterval(INTERVAL));
        members();
    }

    private void members() {
        world.available("a1", "support", Duration.ofMinutes(3))
                .available("a2", "support", Duration.ofMinutes(2))
                .available("a3", "support", Duration.ofMinutes(1));
    }
}
