package io.switchboard.queue.selection;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.AgentTarget;
import io.switchboard.core.routing.SkillRequirement;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.WorkflowStep;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.switchboard.core.routing.RoutingStrategy.LONGEST_IDLE;
import static io.switchboard.queue.selection.Agents.available;
import static io.switchboard.queue.selection.Agents.skill;
import static io.switchboard.queue.selection.FakeClock.START;
import static io.switchboard.queue.selection.SelectionWorld.queue;
import static io.switchboard.queue.selection.SelectionWorld.step;
import static io.switchboard.queue.selection.SelectionWorld.waitOf;
import static io.switchboard.queue.selection.SelectionWorld.workflow;
import static org.assertj.core.api.Assertions.assertThat;

class WorkflowSelectionTest {

    private static final WorkflowStep EXPERTS = step("billing", Duration.ofSeconds(30))
            .targeting(AgentTarget.skills(SkillRequirement.of("billing", 8)));
    private static final WorkflowStep ANY_BILLING = step("billing", Duration.ofSeconds(60))
            .targeting(AgentTarget.skills(SkillRequirement.of("billing", 3)));
    private static final WorkflowStep EVERYONE = step("billing", Duration.ZERO);

    private final SelectionWorld world = new SelectionWorld();

    @Test
    void a_queue_takes_only_agents_at_its_minimum_skill_levels() {
        TaskQueue billing = new TaskQueue(QueueId.of("billing"), "billing", LONGEST_IDLE,
                List.of(SkillRequirement.of("billing", 5)), Duration.ZERO, TaskQueue.UNLIMITED_LENGTH,
                TaskQueue.UNLIMITED_WAIT, TaskQueue.DEFAULT_RESERVATION_TIMEOUT);
        world.with(billing)
                .with(available("novice", skill("billing", 4)).serving("billing").idleSince(START.minusSeconds(900)),
                        available("able", skill("billing", 5)).serving("billing").idleSince(START.minusSeconds(10)));

        assertThat(world.offeredFor(world.call("t1", "billing"))).containsExactly("able");
    }

    @Test
    void a_task_waits_for_an_expert_then_widens_to_any_billing_agent_then_to_everyone() {
        world.with(QueueSetup.of(queue("billing", LONGEST_IDLE)).withWorkflow(workflow(EXPERTS, ANY_BILLING, EVERYONE)))
                .with(available("novice", skill("billing", 3)).serving("billing"),
                        available("newcomer").serving("billing"));
        WaitingTask task = world.call("t1", "billing");

        Selection.Wait first = waitOf(world.agentFor(task));
        assertThat(first.reason()).isEqualTo(WaitReason.NO_AGENT_AVAILABLE);
        assertThat(first.recheckAt()).contains(START.plusSeconds(30));

        world.clock.advance(Duration.ofSeconds(30));
        world.with(Agents.in(io.switchboard.core.agent.AgentState.ON_CALL, "novice").serving("billing"));
        assertThat(waitOf(world.agentFor(task)).recheckAt()).contains(START.plusSeconds(90));

        world.clock.advance(Duration.ofSeconds(60));
        assertThat(world.offeredFor(task)).containsExactly("newcomer");
    }

    @Test
    void an_expert_gets_the_task_at_once_while_the_step_lasts() {
        world.with(QueueSetup.of(queue("billing", LONGEST_IDLE)).withWorkflow(workflow(EXPERTS, EVERYONE)))
                .with(available("expert", skill("billing", 9)).serving("billing").idleSince(START.minusSeconds(5)),
                        available("idler").serving("billing").idleSince(START.minusSeconds(3600)));

        assertThat(world.offeredFor(world.call("t1", "billing"))).containsExactly("expert");
    }

    @Test
    void a_step_raises_the_tasks_priority_while_it_lasts() {
        WorkflowStep urgent = new WorkflowStep(QueueId.of("billing"), 7, Duration.ZERO);
        world.with(QueueSetup.of(queue("billing", LONGEST_IDLE)).withWorkflow(workflow(EXPERTS, urgent)))
                .with(queue("sales", LONGEST_IDLE));
        world.waiting(world.call("billing-call", "billing", 2));
        world.clock.advance(Duration.ofSeconds(1));
        world.waiting(world.call("sales-call", "sales", 5));
        world.with(available("both").serving("billing", "sales"));

        assertThat(SelectionWorld.offerOf(world.taskFor("both")).task().value()).isEqualTo("sales-call");

        world.clock.advance(Duration.ofSeconds(30));
        assertThat(SelectionWorld.offerOf(world.taskFor("both")).task().value()).isEqualTo("billing-call");
    }

    @Test
    void a_step_with_nobody_available_is_skipped_at_once_when_it_says_so() {
        world.with(QueueSetup.of(queue("billing", LONGEST_IDLE))
                        .withWorkflow(workflow(EXPERTS.skippedWhenNoneAvailable(), EVERYONE)))
                .with(available("newcomer").serving("billing"));

        assertThat(world.offeredFor(world.call("t1", "billing"))).containsExactly("newcomer");
    }

    @Test
    void a_skipped_step_is_back_in_force_when_one_of_its_agents_becomes_available_in_time() {
        world.with(QueueSetup.of(queue("billing", LONGEST_IDLE))
                        .withWorkflow(workflow(EXPERTS.skippedWhenNoneAvailable(), EVERYONE)))
                .with(available("newcomer").serving("billing").idleSince(START.minusSeconds(3600)),
                        available("expert", skill("billing", 9)).serving("billing").idleSince(START));

        assertThat(world.offeredFor(world.call("t1", "billing"))).containsExactly("expert");
    }

    @Test
    void an_expert_who_already_missed_the_task_does_not_hold_a_skippable_step_open() {
        world.with(QueueSetup.of(queue("billing", LONGEST_IDLE))
                        .withWorkflow(workflow(EXPERTS.skippedWhenNoneAvailable(), EVERYONE)))
                .with(available("newcomer").serving("billing"),
                        available("expert", skill("billing", 9)).serving("billing"));

        WaitingTask missed = world.call("t1", "billing").triedBy(AgentId.of("expert"));

        assertThat(world.offeredFor(missed)).containsExactly("newcomer");
    }

    @Test
    void a_step_may_name_its_agents() {
        WorkflowStep team = step("billing", Duration.ofSeconds(20)).targeting(AgentTarget.agents(AgentId.of("alice")));
        world.with(QueueSetup.of(queue("billing", LONGEST_IDLE)).withWorkflow(workflow(team, EVERYONE)))
                .with(available("alice").serving("billing").idleSince(START),
                        available("bob").serving("billing").idleSince(START.minusSeconds(3600)));

        assertThat(world.offeredFor(world.call("t1", "billing"))).containsExactly("alice");
    }
}
