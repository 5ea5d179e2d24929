package io.switchboard.queue.selection;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.AgentTarget;
import io.switchboard.core.routing.SkillRequirement;
import io.switchboard.core.routing.WorkflowStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.switchboard.core.routing.RoutingStrategy.LONGEST_IDLE;
import static io.switchboard.core.routing.RoutingStrategy.ROUND_ROBIN_MEMORY;
import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.Agents.skill;
import static io.switchboard.queue.selection.SelectionWorld.offerOf;
import static io.switchboard.queue.selection.SelectionWorld.queue;
import static io.switchboard.queue.selection.SelectionWorld.step;
import static io.switchboard.queue.selection.SelectionWorld.waitOf;
import static io.switchboard.queue.selection.SelectionWorld.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class CrossQueueFairnessTest {

    private final SelectionWorld world = new SelectionWorld()
            .with(queue("sales", LONGEST_IDLE)).with(queue("support", LONGEST_IDLE)).with(queue("vip", LONGEST_IDLE));

    @Test
    void a_free_agent_takes_the_longest_waiting_task_of_all_their_queues() {
        world.waiting(world.call("support-old", "support"));
        world.clock.advance(Duration.ofSeconds(20));
        world.waiting(world.call("sales-new", "sales"));
        world.with(available("a1").serving("sales", "support"));

        Selection.Offer offer = offerOf(world.taskFor("a1"));

        assertThat(offer.task().value()).isEqualTo("support-old");
        assertThat(offer.queue()).isEqualTo(QueueId.of("support"));
        assertThat(offer.agents()).containsExactly(AgentId.of("a1"));
    }

    @Test
    void a_higher_priority_task_goes_first_however_long_the_other_waited() {
        world.waiting(world.call("sales-old", "sales", 0));
        world.clock.advance(Duration.ofMinutes(10));
        world.waiting(world.call("support-urgent", "support", 3));
        world.with(available("a1").serving("sales", "support"));

        assertThat(offerOf(world.taskFor("a1")).task().value()).isEqualTo("support-urgent");
    }

    @Test
    void tasks_that_waited_equally_long_are_told_apart_by_id() {
        world.waiting(world.call("t2", "sales"), world.call("t1", "support"));
        world.with(available("a1").serving("sales", "support"));

        assertThat(offerOf(world.taskFor("a1")).task().value()).isEqualTo("t1");
    }

    @Test
    void a_task_of_a_queue_the_agent_does_not_serve_is_not_theirs() {
        world.waiting(world.call("vip-old", "vip"));
        world.clock.advance(Duration.ofSeconds(30));
        world.waiting(world.call("sales-new", "sales"));
        world.with(available("a1").serving("sales"));

        assertThat(offerOf(world.taskFor("a1")).task().value()).isEqualTo("sales-new");
    }

    @Test
    void a_task_whose_current_step_wants_someone_else_is_not_offered_to_the_free_agent() {
        WorkflowStep experts = step("vip", Duration.ofSeconds(60))
                .targeting(AgentTarget.skills(SkillRequirement.of("vip", 8)));
        SelectionWorld vip = new SelectionWorld()
                .with(QueueSetup.of(queue("vip", LONGEST_IDLE)).withWorkflow(workflow(experts, step("vip", Duration.ZERO))));
        vip.waiting(vip.call("t1", "vip"));
        vip.with(available("novice", skill("vip", 2)).serving("vip"));

        assertThat(waitOf(vip.taskFor("novice")).reason()).isEqualTo(WaitReason.NO_TASK_WAITING);

        vip.clock.advance(Duration.ofSeconds(60));
        assertThat(offerOf(vip.taskFor("novice")).task().value()).isEqualTo("t1");
    }

    @Test
    void a_task_the_agent_already_missed_is_not_offered_to_them_again() {
        world.waiting(world.call("t1", "sales").triedBy(AgentId.of("a1")));
        world.with(available("a1").serving("sales"));

        assertThat(waitOf(world.taskFor("a1")).reason()).isEqualTo(WaitReason.NO_TASK_WAITING);
    }

    @Test
    void a_workflow_step_in_another_queue_brings_that_queues_members_in() {
        SelectionWorld overflow = new SelectionWorld()
                .with(QueueSetup.of(queue("sales", LONGEST_IDLE))
                        .withWorkflow(workflow(step("sales", Duration.ofSeconds(45)), step("overflow", Duration.ZERO))))
                .with(queue("overflow", LONGEST_IDLE));
        overflow.waiting(overflow.call("t1", "sales"));
        overflow.with(available("helper").serving("overflow"));

        assertThat(waitOf(overflow.taskFor("helper")).reason()).isEqualTo(WaitReason.NO_TASK_WAITING);

        overflow.clock.advance(Duration.ofSeconds(45));
        Selection.Offer offer = offerOf(overflow.taskFor("helper"));
        assertThat(offer.task().value()).isEqualTo("t1");
        assertThat(offer.queue()).isEqualTo(QueueId.of("overflow"));
    }

    @Test
    void taking_a_task_moves_the_round_robin_memory_of_its_queue() {
        SelectionWorld rr = new SelectionWorld().with(queue("sales", ROUND_ROBIN_MEMORY));
        rr.waiting(rr.call("t1", "sales"));
        rr.with(available("b").serving("sales"));

        Selection.Offer offer = offerOf(rr.taskFor("b"));

        assertThat(offer.memory().lastOfferedIn(QueueId.of("sales"))).contains(AgentId.of("b"));
    }
}
