package io.switchboard.queue.selection;

import io.switchboard.core.agent.AgentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.switchboard.core.routing.RoutingStrategy.LONGEST_IDLE;
import static io.switchboard.core.routing.RoutingStrategy.RING_ALL;
import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.FakeClock.START;
import static io.switchboard.queue.selection.SelectionWorld.queue;
import static io.switchboard.queue.selection.SelectionWorld.waitOf;
import static org.assertj.core.api.Assertions.assertThat;

class ExclusionTest {

    private final SelectionWorld world = new SelectionWorld().with(queue("sales", RING_ALL));

    @ParameterizedTest
    @EnumSource(value = AgentState.class, names = "AVAILABLE", mode = EnumSource.Mode.EXCLUDE)
    void an_agent_who_is_not_available_is_never_offered_a_task(AgentState state) {
        world.with(Agents.in(state, "a1").serving("sales"));

        Selection selection = world.agentFor(world.call("t1", "sales"));

        assertThat(waitOf(selection).reason()).isEqualTo(WaitReason.NO_AGENT_AVAILABLE);
        assertThat(waitOf(selection).recheckAt()).as("an open-ended step has no end to wait for").isEmpty();
    }

    @Test
    void an_agent_with_no_device_and_no_open_line_cannot_be_reached() {
        world.with(available("unreachable").withoutDevice().serving("sales"),
                available("nailed").withoutDevice().withLineOpen().serving("sales"));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("nailed");
    }

    @Test
    void an_agent_on_a_call_of_their_own_is_left_alone() {
        world.with(available("dialling").onTheirOwnCall().serving("sales"), available("free").serving("sales"));

        assertThat(world.offeredFor(world.call("t1", "sales"))).containsExactly("free");
    }

    @Test
    void an_agent_who_already_missed_the_task_is_not_offered_it_again() {
        world.with(available("missed").serving("sales"), available("fresh").serving("sales"));

        WaitingTask task = world.call("t1", "sales").triedBy(io.switchboard.core.id.AgentId.of("missed"));

        assertThat(world.offeredFor(task)).containsExactly("fresh");
    }

    @Test
    void an_agent_who_is_not_a_member_is_never_offered_the_queues_task() {
        SelectionWorld twoQueues = new SelectionWorld().with(queue("sales", LONGEST_IDLE)).with(queue("support", LONGEST_IDLE))
                .with(available("support-only").serving("support").idleSince(START.minusSeconds(900)));

        assertThat(waitOf(twoQueues.agentFor(twoQueues.call("t1", "sales"))).reason())
                .isEqualTo(WaitReason.NO_AGENT_AVAILABLE);
    }

    @Test
    void an_agent_who_becomes_free_again_is_offerable_again() {
        world.with(Agents.in(AgentState.WRAP_UP, "a1").serving("sales"));
        WaitingTask task = world.call("t1", "sales");
        assertThat(world.offeredFor(task)).isEmpty();

        world.with(available("a1").serving("sales"));

        assertThat(world.offeredFor(task)).containsExactly("a1");
    }

    @Test
    void an_agent_who_is_not_offerable_asks_for_work_in_vain() {
        world.with(available("dialling").onTheirOwnCall().serving("sales")).waiting(world.call("t1", "sales"));

        assertThat(waitOf(world.taskFor("dialling")).reason()).isEqualTo(WaitReason.AGENT_NOT_AVAILABLE);
        assertThat(waitOf(world.taskFor("nobody")).reason()).isEqualTo(WaitReason.AGENT_NOT_AVAILABLE);
    }
}
