package io.switchboard.queue.selection;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.routing.PreferredAgent;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.switchboard.core.routing.RoutingStrategy.LONGEST_IDLE;
import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.FakeClock.START;
import static io.switchboard.queue.selection.SelectionWorld.offerOf;
import static io.switchboard.queue.selection.SelectionWorld.queue;
import static io.switchboard.queue.selection.SelectionWorld.waitOf;
import static org.assertj.core.api.Assertions.assertThat;

class PreferredAgentTest {

    private static final PreferredAgent LAST_SPOKE_TO_ALICE = new PreferredAgent(AgentId.of("alice"), START.plusSeconds(30));

    private final SelectionWorld world = new SelectionWorld().with(queue("sales", LONGEST_IDLE));

    @Test
    void the_preferred_agent_gets_the_task_when_available() {
        world.with(available("alice").serving("sales").idleSince(START),
                available("bob").serving("sales").idleSince(START.minusSeconds(3600)));

        assertThat(world.offeredFor(world.call("t1", "sales").preferring(LAST_SPOKE_TO_ALICE))).containsExactly("alice");
    }

    @Test
    void the_task_waits_for_a_busy_preferred_agent_until_the_preference_lapses() {
        world.with(Agents.in(AgentState.ON_CALL, "alice").serving("sales"), available("bob").serving("sales"));
        WaitingTask task = world.call("t1", "sales").preferring(LAST_SPOKE_TO_ALICE);

        Selection.Wait wait = waitOf(world.agentFor(task));
        assertThat(wait.reason()).isEqualTo(WaitReason.PREFERRED_AGENT_BUSY);
        assertThat(wait.recheckAt()).contains(START.plusSeconds(30));

        world.clock.advance(Duration.ofSeconds(30));
        assertThat(world.offeredFor(task)).containsExactly("bob");
    }

    @Test
    void another_agent_who_becomes_free_does_not_take_a_task_kept_for_someone_else() {
        world.with(Agents.in(AgentState.ON_CALL, "alice").serving("sales"), available("bob").serving("sales"));
        world.waiting(world.call("t1", "sales").preferring(LAST_SPOKE_TO_ALICE));

        assertThat(waitOf(world.taskFor("bob")).reason()).isEqualTo(WaitReason.NO_TASK_WAITING);

        world.clock.advance(Duration.ofSeconds(30));
        assertThat(offerOf(world.taskFor("bob")).task().value()).isEqualTo("t1");
    }

    @Test
    void the_preferred_agent_who_becomes_free_takes_the_task_even_outside_their_queues() {
        SelectionWorld world = new SelectionWorld().with(queue("sales", LONGEST_IDLE)).with(queue("support", LONGEST_IDLE))
                .with(available("alice").serving("support"));
        world.waiting(world.call("t1", "sales").preferring(LAST_SPOKE_TO_ALICE));

        assertThat(offerOf(world.taskFor("alice")).task().value()).isEqualTo("t1");
    }

    @Test
    void a_preferred_agent_who_missed_the_task_no_longer_holds_it() {
        world.with(available("alice").serving("sales"), available("bob").serving("sales"));
        WaitingTask missed = world.call("t1", "sales").preferring(LAST_SPOKE_TO_ALICE).triedBy(AgentId.of("alice"));

        assertThat(world.offeredFor(missed)).containsExactly("bob");
    }
}
