package io.switchboard.queue.selection;

import io.switchboard.core.id.AgentId;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.switchboard.core.routing.RoutingStrategy.LONGEST_IDLE;
import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.SelectionWorld.queue;
import static io.switchboard.queue.selection.SelectionWorld.step;
import static io.switchboard.queue.selection.SelectionWorld.workflow;
import static io.switchboard.queue.selection.SelectionWorld.waitOf;
import static org.assertj.core.api.Assertions.assertThat;

class WaitingTasksTest {

    private final SelectionWorld world = new SelectionWorld().with(queue("sales", LONGEST_IDLE));

    @Test
    void a_task_that_was_answered_or_abandoned_is_no_longer_offered() {
        world.waiting(world.call("t1", "sales")).gone("t1");
        world.with(available("a1").serving("sales"));

        assertThat(waitOf(world.taskFor("a1")).reason()).isEqualTo(WaitReason.NO_TASK_WAITING);
        assertThat(world.waitingCount()).isZero();
    }

    @Test
    void a_task_put_again_after_a_miss_replaces_the_old_one() {
        WaitingTask task = world.call("t1", "sales");
        world.waiting(task).waiting(task.triedBy(AgentId.of("a1")));
        world.with(available("a1").serving("sales"));

        assertThat(world.waitingCount()).isEqualTo(1);
        assertThat(waitOf(world.taskFor("a1")).reason()).isEqualTo(WaitReason.NO_TASK_WAITING);
    }

    @Test
    void a_task_put_again_after_its_workflow_changed_is_offered_only_where_the_new_workflow_sends_it() {
        SelectionWorld world = new SelectionWorld().with(queue("sales", LONGEST_IDLE)).with(queue("support", LONGEST_IDLE));
        WaitingTask task = world.call("t1", "sales");
        world.waiting(task);
        world.changed(QueueSetup.of(queue("sales", LONGEST_IDLE)).withWorkflow(workflow(step("support", Duration.ZERO))));
        world.waiting(task);
        world.with(available("a1").serving("sales"), available("a2").serving("support"));

        assertThat(world.indexedUnder("sales")).isEmpty();
        assertThat(world.indexedUnder("support")).containsExactly("t1");
        assertThat(waitOf(world.taskFor("a1")).reason()).isEqualTo(WaitReason.NO_TASK_WAITING);
        assertThat(world.taskFor("a2")).isInstanceOf(Selection.Offer.class);
    }
}
