package io.switchboard.queue.routing;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.waiting.QueuedCallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.switchboard.queue.routing.RoutingWorld.PBX;
import static io.switchboard.queue.routing.RoutingWorld.callerLeg;
import static org.assertj.core.api.Assertions.assertThat;

/** A queued callback kept outside the router's memory survives a restart of the router, keeping its place. */
class StandingCallbacksTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final PhoneNumber CUSTOMER = PhoneNumber.parse("+4930555777", "customer");
    private static final QueuedCallback PRESS_1 = new QueuedCallback(true, '1', Duration.ofSeconds(30),
            Duration.ZERO, 2, Duration.ofSeconds(25), Duration.ofSeconds(120));

    /** The store as a database would keep it: the last state saved per task. */
    static final class MemoryCallbacks implements PendingCallbacks {
        final Map<TaskId, PendingCallback> kept = new LinkedHashMap<>();
        final List<String> writes = new ArrayList<>();

        @Override
        public void saved(PendingCallback callback) {
            kept.put(callback.task(), callback);
            writes.add("saved " + callback.task().value() + " attempts=" + callback.attempts());
        }

        @Override
        public void ended(TaskId task) {
            kept.remove(task);
            writes.add("ended " + task.value());
        }

        @Override
        public CompletionStage<List<PendingCallback>> all() {
            return CompletableFuture.completedFuture(List.copyOf(kept.values()));
        }
    }

    private final MemoryCallbacks store = new MemoryCallbacks();

    private static RoutingWorld supportWith(String agent) {
        RoutingWorld world = new RoutingWorld();
        TaskQueue queue = new TaskQueue(QueueId.of("support"), "support", RoutingStrategy.LONGEST_IDLE, List.of(),
                Duration.ZERO, 0, Duration.ofMinutes(5), Duration.ofSeconds(15));
        world.queue(QueueSetup.of(queue).withCallback(PRESS_1));
        world.available(agent, "support", Duration.ofMinutes(1));
        return world;
    }

    /** a1 talks to c1; c2 waits 40 s, presses 1 and hangs up after the confirmation. */
    private RoutingWorld c2StandsWhileA1Talks() {
        RoutingWorld world = supportWith("a1");
        world.router.keepCallbacks(store);
        world.callArrives("c1", SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callArrives("c2", SUPPORT);
        world.clock.advance(Duration.ofSeconds(40));
        world.pbxReports(new PbxEvent.CallbackRequested(PBX, world.clock.instant(), CallId.of("c2"),
                callerLeg("c2"), '1', Optional.empty()));
        world.callerHangsUp("c2");
        return world;
    }

    private static void a1Frees(RoutingWorld world) {
        world.callerHangsUp("c1");
        world.timersFire();
    }

    private static PendingCallback stored(String call, Instant created, int attempts, Optional<Instant> notBefore,
                                          String queue) {
        return new PendingCallback(TaskId.of("task-" + call), CallId.of(call), PBX, QueueId.of(queue),
                callerLeg(call), CUSTOMER, 0, created, created.plusSeconds(2), 1, attempts, notBefore, PRESS_1);
    }

    @Test
    void a_callback_is_kept_once_its_caller_hung_up_updated_after_an_unanswered_attempt_and_ended_when_answered() {
        RoutingWorld world = c2StandsWhileA1Talks();

        PendingCallback kept = store.kept.get(TaskId.of("task-c2"));
        assertThat(kept.call()).isEqualTo(CallId.of("c2"));
        assertThat(kept.queue()).isEqualTo(QueueId.of("support"));
        assertThat(kept.attempts()).isZero();
        assertThat(kept.notBefore()).isEmpty();
        assertThat(kept.settings()).isEqualTo(PRESS_1);
        assertThat(kept.toString()).doesNotContain("4930555123");

        a1Frees(world);
        CallId first = world.pbx.originates.get(0).call();
        world.clock.advance(Duration.ofSeconds(25));
        world.pbxReports(new PbxEvent.OriginateFailed(PBX, world.clock.instant(), first, HangupCause.NO_ANSWER));
        kept = store.kept.get(TaskId.of("task-c2"));
        assertThat(kept.attempts()).isEqualTo(1);
        assertThat(kept.notBefore()).contains(world.clock.instant().plusSeconds(120));

        world.clock.advance(Duration.ofSeconds(120));
        world.dueTimersFire();
        CallId second = world.pbx.originates.get(1).call();
        world.pbxReports(new PbxEvent.CallReturnedToHold(PBX, world.clock.instant(), second,
                Optional.of(LegId.of(second.value())), HoldReason.CALLBACK));
        assertThat(store.kept).isEmpty();
        assertThat(store.writes).containsExactly("saved task-c2 attempts=0", "saved task-c2 attempts=1",
                "ended task-c2");
    }

    @Test
    void a_callback_that_gives_up_is_no_longer_kept() {
        RoutingWorld world = c2StandsWhileA1Talks();
        a1Frees(world);
        for (int attempt = 0; attempt < 2; attempt++) {
            CallId call = world.pbx.originates.get(world.pbx.originates.size() - 1).call();
            world.pbxReports(new PbxEvent.OriginateFailed(PBX, world.clock.instant(), call, HangupCause.USER_BUSY));
            world.clock.advance(Duration.ofSeconds(120));
            world.dueTimersFire();
        }

        assertThat(world.pbx.originates).hasSize(2);
        assertThat(store.kept).isEmpty();
        assertThat(store.writes).last().isEqualTo("ended task-c2");
    }

    @Test
    void a_restored_callback_keeps_its_place_ahead_of_a_caller_who_came_later() {
        RoutingWorld world = supportWith("a1");
        world.callArrives("c1", SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callArrives("c3", SUPPORT);
        store.kept.put(TaskId.of("task-c2"), stored("c2", world.clock.instant().minusSeconds(300), 0,
                Optional.empty(), "support"));

        world.router.keepCallbacks(store);
        a1Frees(world);

        assertThat(world.pbx.originates).hasSize(1);
        assertThat(world.pbx.originates.get(0).variables()).containsEntry("SWITCHBOARD_CALLBACK", "c2");
        assertThat(world.pbx.originates.get(0).to()).isEqualTo(CUSTOMER);
        assertThat(world.router.tasks()).extracting(task -> task.id().value()).contains("task-c2", "task-c3");
        CallbackStep.Dialled dialled = world.journal.stream().filter(CallbackStep.Dialled.class::isInstance)
                .map(CallbackStep.Dialled.class::cast).findFirst().orElseThrow();
        assertThat(dialled.attempt()).isEqualTo(1);
    }

    @Test
    void a_restored_callback_waits_for_its_retry_time_and_counts_the_attempts_made_before() {
        RoutingWorld world = supportWith("a1");
        Instant retryAt = world.clock.instant().plusSeconds(60);
        store.kept.put(TaskId.of("task-c2"), stored("c2", world.clock.instant().minusSeconds(300), 1,
                Optional.of(retryAt), "support"));

        world.router.keepCallbacks(store);
        world.pbxReports(new PbxEvent.PbxConnected(PBX, world.clock.instant(), "sim"));
        world.clock.advance(Duration.ofSeconds(59));
        world.dueTimersFire();
        assertThat(world.pbx.originates).isEmpty();

        world.clock.advance(Duration.ofSeconds(1));
        world.dueTimersFire();
        assertThat(world.pbx.originates).hasSize(1);
        world.pbxReports(new PbxEvent.OriginateFailed(PBX, world.clock.instant(),
                world.pbx.originates.get(0).call(), HangupCause.NO_ANSWER));
        assertThat(world.router.tasks()).isEmpty();
        assertThat(store.kept).isEmpty();
    }

    @Test
    void a_restored_callback_of_an_unknown_queue_is_logged_and_kept_waiting() {
        RoutingWorld world = supportWith("a1");
        store.kept.put(TaskId.of("task-c2"), stored("c2", world.clock.instant().minusSeconds(300), 0,
                Optional.empty(), "gone"));

        world.router.keepCallbacks(store);
        world.timersFire();

        assertThat(world.pbx.originates).isEmpty();
        assertThat(world.router.tasks()).extracting(task -> task.id().value()).containsExactly("task-c2");
        assertThat(store.kept).containsKey(TaskId.of("task-c2"));
    }

    @Test
    void a_restored_callback_waits_until_its_pbx_is_attached_and_heard_from() {
        RoutingWorld world = supportWith("a1");
        store.kept.put(TaskId.of("task-c2"), stored("c2", world.clock.instant().minusSeconds(300), 0,
                Optional.empty(), "support"));

        world.router.keepCallbacks(store);
        world.agentApiStores("a1", io.switchboard.core.agent.AgentState.AVAILABLE);
        assertThat(world.pbx.originates).as("the PBX may still be connecting").isEmpty();

        world.attached = false;
        world.pbxReports(new PbxEvent.PbxConnected(PBX, world.clock.instant(), "sim"));
        assertThat(world.pbx.originates).as("no call control for the PBX").isEmpty();
        assertThat(store.kept.get(TaskId.of("task-c2")).attempts()).isZero();

        world.attached = true;
        world.pbxReports(new PbxEvent.PbxConnected(PBX, world.clock.instant(), "sim"));
        assertThat(world.pbx.originates).hasSize(1);
    }

    @Test
    void a_callback_the_router_already_holds_is_not_restored_twice() {
        RoutingWorld world = c2StandsWhileA1Talks();

        world.router.keepCallbacks(store);

        assertThat(world.router.tasks()).extracting(task -> task.id().value()).containsOnlyOnce("task-c2");
    }
}
