package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.call.Did;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.EmptyCondition;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;
import io.switchboard.queue.selection.QueueRules;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.waiting.QueuedCallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.queue.routing.RoutingWorld.PBX;
import static io.switchboard.queue.routing.RoutingWorld.callerLeg;
import static org.assertj.core.api.Assertions.assertThat;

/** A queue rule's exit that calls the caller back instead of letting them go ({@link QueueExit.CallBack}). */
class CallbackExitTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private final RoutingWorld world = new RoutingWorld();

    /**
     * Queue support with a max wait of 2 minutes whose timeout calls back (the key itself is not offered:
     * {@link QueuedCallback#OFF}'s attempts apply), and a1 talking to c1, so c2 waits.
     */
    private void a1TalksWhileC2Waits(Optional<String> c2Number) {
        TaskQueue queue = new TaskQueue(QueueId.of("support"), "support", RoutingStrategy.LONGEST_IDLE, List.of(),
                Duration.ZERO, 0, Duration.ofMinutes(2), Duration.ofSeconds(15));
        QueueRules rules = QueueRules.NONE.withExit(ExitReason.TIMEOUT, QueueExit.CALL_BACK);
        world.queue(QueueSetup.of(queue).withRules(rules));
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        if (c2Number.isPresent()) {
            world.callArrives("c2", SUPPORT);
        } else {
            world.pbxReports(new PbxEvent.CallOffered(PBX, world.clock.instant(), CallId.of("c2"), callerLeg("c2"),
                    Optional.empty(), Did.of("100"), Optional.empty(), Optional.of(QueueId.of("support"))));
        }
    }

    private void maxWaitPasses() {
        world.clock.advance(Duration.ofMinutes(2));
        world.timersFire();
    }

    private <T> List<T> journaled(Class<T> type) {
        return world.journal.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void a_caller_at_the_max_wait_is_called_back_and_keeps_their_place() {
        a1TalksWhileC2Waits(Optional.of("caller"));
        maxWaitPasses();

        assertThat(world.pbx.callbacksConfirmed).containsExactly(CallId.of("c2"));
        assertThat(world.pbx.hangups).doesNotContain(CallId.of("c2"));
        assertThat(journaled(JournalEntry.Exited.class)).isEmpty();
        CallbackStep.Requested requested = journaled(CallbackStep.Requested.class).get(0);
        assertThat(requested.exit()).contains(ExitReason.TIMEOUT);
        assertThat(requested.waited()).isEqualTo(Duration.ofMinutes(2));

        world.callerHangsUp("c2");
        world.callArrives("c3", SUPPORT);
        world.callerHangsUp("c1");
        world.timersFire();

        assertThat(journaled(JournalEntry.Abandoned.class)).isEmpty();
        assertThat(world.pbx.originates).hasSize(1);
        assertThat(world.pbx.originates.get(0).variables()).containsEntry("SWITCHBOARD_CALLBACK", "c2");
    }

    @Test
    void a_called_back_caller_is_not_thrown_out_by_the_max_wait_again() {
        a1TalksWhileC2Waits(Optional.of("caller"));
        maxWaitPasses();
        world.callerHangsUp("c2");

        world.clock.advance(Duration.ofMinutes(10));
        world.timersFire();

        assertThat(world.pbx.callbacksConfirmed).hasSize(1);
        assertThat(journaled(JournalEntry.Exited.class)).isEmpty();
        assertThat(world.router.tasks()).extracting(t -> t.call().orElseThrow()).contains(CallId.of("c2"));
    }

    @Test
    void a_caller_without_a_number_is_hung_up_as_by_the_hang_up_exit() {
        a1TalksWhileC2Waits(Optional.empty());
        maxWaitPasses();

        assertThat(world.pbx.callbacksConfirmed).isEmpty();
        assertThat(world.pbx.hangups).contains(CallId.of("c2"));
        assertThat(journaled(JournalEntry.Exited.class)).singleElement()
                .satisfies(exited -> assertThat(exited.exit()).isEqualTo(QueueExit.HANG_UP));
    }

    @Test
    void a_confirmation_the_pbx_refuses_hangs_the_caller_up_instead_of_trying_again() {
        a1TalksWhileC2Waits(Optional.of("caller"));
        world.pbx.nextConfirm = new CommandResult.Failed("callback-unsupported", "no glue");
        maxWaitPasses();

        assertThat(world.pbx.callbacksConfirmed).hasSize(1);
        assertThat(world.pbx.hangups).contains(CallId.of("c2"));
        assertThat(journaled(CallbackStep.Requested.class)).isEmpty();
        assertThat(journaled(JournalEntry.Exited.class)).singleElement()
                .satisfies(exited -> assertThat(exited.reason()).isEqualTo(ExitReason.TIMEOUT));
    }

    @Test
    void a_queue_that_lost_its_last_member_calls_its_callers_back() {
        TaskQueue queue = new TaskQueue(QueueId.of("support"), "support", RoutingStrategy.LONGEST_IDLE, List.of(),
                Duration.ZERO, 0, Duration.ZERO, Duration.ofSeconds(15));
        QueueRules rules = new QueueRules(Set.of(), Set.of(EmptyCondition.PAUSED), Map.of())
                .withExit(ExitReason.LEAVEEMPTY, QueueExit.CALL_BACK);
        world.queue(QueueSetup.of(queue).withRules(rules));
        world.available("a1", "support", Duration.ofMinutes(1));
        world.deviceOf("a1", DeviceState.IN_USE);
        world.callArrives("c2", SUPPORT);
        assertThat(world.pbx.callbacksConfirmed).as("a1 is busy on their own call, but counts").isEmpty();

        world.agentApiStores("a1", AgentState.PAUSED);

        assertThat(world.pbx.callbacksConfirmed).contains(CallId.of("c2"));
        assertThat(journaled(CallbackStep.Requested.class)).singleElement()
                .satisfies(requested -> assertThat(requested.exit()).contains(ExitReason.LEAVEEMPTY));
    }
}
