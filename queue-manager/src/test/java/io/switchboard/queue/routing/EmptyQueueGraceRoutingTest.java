package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.EmptyCondition;
import io.switchboard.queue.selection.EmptyQueueGrace;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.selection.QueueRules;
import io.switchboard.queue.selection.QueueSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * mod_callcenter's {@code max-wait-time-with-no-agent} through the router: with a grace, callers leave an empty
 * queue only once it has been empty that long; a member back within it keeps them; a caller arriving after it
 * leaves at once.
 */
class EmptyQueueGraceRoutingTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final RoutingWorld world = new RoutingWorld();

    @Test
    void waiting_callers_leave_only_once_the_queue_has_been_empty_for_its_grace() {
        busyMember();
        world.callArrives("c1", SUPPORT);
        world.agentApiStores("a1", AgentState.PAUSED);

        world.clock.advance(GRACE.minusSeconds(1));
        world.dueTimersFire();
        assertThat(world.pbx.exits).isEmpty();
        world.clock.advance(Duration.ofSeconds(1));
        world.dueTimersFire();

        assertThat(world.pbx.exits).extracting(RecordingCallControl.Exit::queueStatus).containsExactly("LEAVEEMPTY");
        assertThat(world.queueLog()).containsExactly("Entered", "Paused", "Exited");
    }

    @Test
    void a_member_counting_again_within_the_grace_keeps_the_callers_and_a_new_spell_starts_its_own_grace() {
        busyMember();
        world.callArrives("c1", SUPPORT);
        world.agentApiStores("a1", AgentState.PAUSED);
        world.clock.advance(Duration.ofSeconds(20));
        world.agentApiStores("a1", AgentState.AVAILABLE);

        world.clock.advance(Duration.ofSeconds(10));
        world.dueTimersFire();
        assertThat(world.pbx.exits).as("the first spell's timer is void").isEmpty();
        world.agentApiStores("a1", AgentState.PAUSED);
        world.clock.advance(GRACE.minusSeconds(1));
        world.dueTimersFire();
        assertThat(world.pbx.exits).isEmpty();
        world.clock.advance(Duration.ofSeconds(1));
        world.dueTimersFire();

        assertThat(world.pbx.exits).extracting(RecordingCallControl.Exit::queueStatus).containsExactly("LEAVEEMPTY");
    }

    @Test
    void a_caller_arriving_within_the_grace_waits_for_its_end_and_one_arriving_after_it_leaves_at_once() {
        world.queue(support(GRACE)).paused("a1", "support");
        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(10));
        world.callArrives("c2", SUPPORT);
        assertThat(world.queueLog()).containsExactly("Entered", "Entered");

        world.clock.advance(Duration.ofSeconds(20));
        world.dueTimersFire();
        assertThat(world.queueLog()).containsExactly("Entered", "Entered", "Exited", "Exited");
        world.clock.advance(Duration.ofSeconds(5));
        world.callArrives("c3", SUPPORT);

        assertThat(world.queueLog()).endsWith("Entered", "Exited");
        assertThat(world.pbx.exits).hasSize(3).allMatch(exit -> exit.queueStatus().equals("LEAVEEMPTY"));
        assertThat(world.router.tasks()).isEmpty();
    }

    @Test
    void without_a_grace_callers_leave_the_moment_the_queue_is_empty_as_before() {
        world.queue(support(Duration.ZERO)).available("a1", "support", Duration.ofMinutes(1));
        world.deviceOf("a1", DeviceState.IN_USE);
        world.callArrives("c1", SUPPORT);

        world.agentApiStores("a1", AgentState.PAUSED);

        assertThat(world.pbx.exits).extracting(RecordingCallControl.Exit::queueStatus).containsExactly("LEAVEEMPTY");
    }

    /** A member who counts (available) but is busy on a call of their own, so callers wait. */
    private void busyMember() {
        world.queue(support(GRACE)).available("a1", "support", Duration.ofMinutes(1));
        world.deviceOf("a1", DeviceState.IN_USE);
    }

    private static QueueSetup support(Duration grace) {
        TaskQueue queue = new TaskQueue(QueueId.of("support"), "support", RoutingStrategy.LONGEST_IDLE, List.of(),
                Duration.ZERO, 0, Duration.ZERO, Duration.ofSeconds(15));
        return QueueSetup.of(queue).withRules(new QueueRules(Set.of(), EnumSet.of(EmptyCondition.PAUSED),
                Map.of(ExitReason.LEAVEEMPTY, new QueueExit.Extension("voicemail", "8001"))))
                .withEmptyGrace(new EmptyQueueGrace(grace));
    }
}
