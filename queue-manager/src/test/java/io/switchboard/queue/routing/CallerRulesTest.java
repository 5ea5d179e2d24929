package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.DialplanTarget;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.EmptyCondition;
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
 * The queue rules acting on callers through the router: max wait overflows, leave-when-empty and join refusals
 * send callers to their exits, with the journal entries app_queue's queue_log rows come from.
 */
class CallerRulesTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final QueueExit VOICEMAIL = new QueueExit.Extension("voicemail", "8001");
    private static final QueueExit TO_SALES = new QueueExit.Overflow(QueueId.of("sales"));

    private final RoutingWorld world = new RoutingWorld();

    @Test
    void a_caller_who_waits_the_max_wait_overflows_to_the_other_queue_and_its_agent_is_rung() {
        world.queue(queue("support", 0, 60, QueueRules.NONE.withExit(ExitReason.TIMEOUT, TO_SALES)))
                .paused("a1", "support").available("b1", "sales", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);

        assertThat(world.timerDelays).containsExactly(Duration.ofSeconds(60));
        world.clock.advance(Duration.ofSeconds(60));
        world.timersFire();

        assertThat(world.queueLog()).containsExactly("Entered", "Exited", "Overflowed", "AgentRung");
        JournalEntry.Exited exited = entry(JournalEntry.Exited.class);
        assertThat(exited.reason()).isEqualTo(ExitReason.TIMEOUT);
        assertThat(exited.waited()).isEqualTo(Duration.ofSeconds(60));
        assertThat(exited.exit()).isEqualTo(TO_SALES);
        JournalEntry.Overflowed overflowed = entry(JournalEntry.Overflowed.class);
        assertThat(overflowed.queue()).isEqualTo(QueueId.of("sales"));
        assertThat(overflowed.from()).isEqualTo(QueueId.of("support"));
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/b1");
        assertThat(world.router.tasks()).singleElement().satisfies(task -> {
            assertThat(task.queue()).isEqualTo(QueueId.of("sales"));
            assertThat(task.created()).as("a new entry in sales").isEqualTo(world.clock.instant());
        });
    }

    @Test
    void a_timer_that_fires_before_the_deadline_leaves_the_caller_waiting() {
        world.queue(queue("support", 0, 60, QueueRules.NONE)).paused("a1", "support");
        world.callArrives("c1", SUPPORT);

        world.clock.advance(Duration.ofSeconds(59));
        world.timersFire();

        assertThat(world.queueLog()).containsExactly("Entered");
        assertThat(world.router.tasks()).hasSize(1);
        world.clock.advance(Duration.ofSeconds(1));
        world.timersFire();
        assertThat(world.queueLog()).containsExactly("Entered", "Exited");
        assertThat(world.pbx.hangups).as("no exit set: hang up").containsExactly(CallId.of("c1"));
    }

    @Test
    void a_caller_being_rung_at_the_deadline_leaves_when_the_ring_fails() {
        world.queue(queue("support", 0, 10, QueueRules.NONE.withExit(ExitReason.TIMEOUT, VOICEMAIL)))
                .available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(5));

        world.agentPhoneIsNotAnswered(world.pbx.lastRing().agentLeg());

        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "AgentMissed", "Exited");
        assertThat(world.pbx.exits).containsExactly(new RecordingCallControl.Exit(CallId.of("c1"),
                new DialplanTarget("voicemail", "8001"), "TIMEOUT"));
    }

    @Test
    void waiting_callers_go_to_voicemail_when_the_only_member_pauses_and_not_before() {
        world.queue(queue("support", 0, 0, new QueueRules(Set.of(), EnumSet.of(EmptyCondition.PAUSED),
                Map.of(ExitReason.LEAVEEMPTY, VOICEMAIL)))).available("a1", "support", Duration.ofMinutes(1));
        world.deviceOf("a1", DeviceState.IN_USE);
        world.callArrives("c1", SUPPORT);
        world.callArrives("c2", SUPPORT);
        assertThat(world.pbx.exits).as("a1 is busy on their own call, but counts").isEmpty();

        world.agentApiStores("a1", AgentState.PAUSED);

        assertThat(world.pbx.exits).extracting(RecordingCallControl.Exit::call, RecordingCallControl.Exit::queueStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CallId.of("c1"), "LEAVEEMPTY"),
                        org.assertj.core.groups.Tuple.tuple(CallId.of("c2"), "LEAVEEMPTY"));
        List<JournalEntry.Exited> exits = world.journal.stream().filter(JournalEntry.Exited.class::isInstance)
                .map(JournalEntry.Exited.class::cast).toList();
        assertThat(exits).extracting(JournalEntry.Exited::position).containsExactly(1, 1);
        assertThat(exits).extracting(JournalEntry.Exited::originalPosition).containsExactly(1, 2);
        assertThat(world.router.tasks()).isEmpty();
    }

    @Test
    void a_caller_finding_no_member_under_the_join_policy_is_refused_without_entering() {
        world.queue(queue("support", 0, 0, new QueueRules(EnumSet.of(EmptyCondition.PAUSED), Set.of(), Map.of())))
                .paused("a1", "support");

        world.callArrives("c1", SUPPORT);

        assertThat(world.queueLog()).containsExactly("Refused");
        assertThat(entry(JournalEntry.Refused.class).reason()).isEqualTo(ExitReason.JOINEMPTY);
        assertThat(world.pbx.hangups).containsExactly(CallId.of("c1"));
        assertThat(world.router.tasks()).isEmpty();
        world.callerHangsUp("c1");
        assertThat(world.queueLog()).as("no abandon after a refusal").containsExactly("Refused");
    }

    @Test
    void a_caller_arriving_when_max_length_callers_wait_goes_to_the_full_exit() {
        world.queue(queue("support", 1, 0, QueueRules.NONE.withExit(ExitReason.FULL, VOICEMAIL)))
                .paused("a1", "support");
        world.callArrives("c1", SUPPORT);

        world.callArrives("c2", SUPPORT);

        assertThat(world.queueLog()).containsExactly("Entered", "Refused");
        assertThat(world.pbx.exits).containsExactly(new RecordingCallControl.Exit(CallId.of("c2"),
                new DialplanTarget("voicemail", "8001"), "FULL"));
        assertThat(world.router.tasks()).extracting(task -> task.call().orElseThrow()).containsExactly(CallId.of("c1"));
    }

    @Test
    void an_overflow_back_to_a_queue_the_caller_already_left_hangs_up_instead_of_looping() {
        world.queue(queue("support", 0, 30, QueueRules.NONE.withExit(ExitReason.TIMEOUT, TO_SALES)))
                .queue(queue("sales", 0, 30, QueueRules.NONE.withExit(ExitReason.TIMEOUT,
                        new QueueExit.Overflow(QueueId.of("support")))))
                .paused("a1", "support").paused("b1", "sales");
        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(30));
        world.timersFire();
        world.clock.advance(Duration.ofSeconds(30));

        world.timersFire();

        assertThat(world.queueLog()).containsExactly("Entered", "Exited", "Overflowed", "Exited");
        assertThat(world.pbx.hangups).containsExactly(CallId.of("c1"));
        assertThat(world.router.tasks()).isEmpty();
    }

    @Test
    void a_caller_refused_by_the_queue_they_overflow_to_goes_to_that_queues_exit() {
        world.queue(queue("support", 0, 30, QueueRules.NONE.withExit(ExitReason.TIMEOUT, TO_SALES)))
                .queue(queue("sales", 0, 0, new QueueRules(EnumSet.of(EmptyCondition.PAUSED), Set.of(),
                        Map.of(ExitReason.JOINEMPTY, VOICEMAIL))))
                .paused("a1", "support").paused("b1", "sales");
        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(30));

        world.timersFire();

        assertThat(world.queueLog()).containsExactly("Entered", "Exited", "Refused");
        assertThat(world.pbx.exits).extracting(RecordingCallControl.Exit::queueStatus).containsExactly("JOINEMPTY");
    }

    @Test
    void a_caller_queued_again_after_the_agent_left_mid_call_is_not_timed_out_by_the_first_wait() {
        world.queue(queue("support", 0, 60, QueueRules.NONE)).available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);
        world.clock.advance(Duration.ofSeconds(120));

        world.pbxReports(new PbxEvent.CallReturnedToHold(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"),
                Optional.of(agentLeg), HoldReason.AGENT_LEFT));
        world.timersFire();

        assertThat(world.queueLog()).doesNotContain("Exited").contains("Requeued");
        assertThat(world.router.tasks()).hasSize(1);
    }

    @Test
    void a_caller_queued_again_after_the_agent_left_leaves_when_their_holds_add_up_to_the_max_wait() {
        world.queue(withWrapUp(queue("support", 0, 60, QueueRules.NONE.withExit(ExitReason.TIMEOUT, VOICEMAIL))))
                .available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(17));
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);
        world.clock.advance(Duration.ofSeconds(120));
        world.pbxReports(new PbxEvent.CallReturnedToHold(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"),
                Optional.of(agentLeg), HoldReason.AGENT_LEFT));

        world.clock.advance(Duration.ofSeconds(39));
        world.dueTimersFire();
        assertThat(world.queueLog()).as("20 s before the answer, 39 s since").doesNotContain("Exited");
        world.clock.advance(Duration.ofSeconds(1));
        world.dueTimersFire();

        assertThat(world.queueLog()).containsSubsequence("Requeued", "Exited");
        JournalEntry.Exited exited = entry(JournalEntry.Exited.class);
        assertThat(exited.reason()).isEqualTo(ExitReason.TIMEOUT);
        assertThat(exited.waited()).as("the talk is not a wait").isEqualTo(Duration.ofSeconds(60));
        assertThat(world.pbx.exits).extracting(RecordingCallControl.Exit::queueStatus).containsExactly("TIMEOUT");
        assertThat(world.router.tasks()).isEmpty();
    }

    @Test
    void a_caller_answered_only_after_the_max_wait_leaves_at_once_when_queued_again() {
        world.queue(withWrapUp(queue("support", 0, 10, QueueRules.NONE.withExit(ExitReason.TIMEOUT, VOICEMAIL))))
                .available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(9));
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);
        world.clock.advance(Duration.ofSeconds(30));

        world.pbxReports(new PbxEvent.CallReturnedToHold(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"),
                Optional.of(agentLeg), HoldReason.AGENT_LEFT));

        assertThat(world.queueLog()).endsWith("Requeued", "Exited");
        assertThat(entry(JournalEntry.Exited.class).waited()).isEqualTo(Duration.ofSeconds(12));
        assertThat(world.pbx.exits).extracting(RecordingCallControl.Exit::queueStatus).containsExactly("TIMEOUT");
    }

    @Test
    void of_two_callers_arriving_together_at_a_queue_with_room_for_one_the_second_is_refused() {
        world.queue(queue("support", 1, 0, QueueRules.NONE)).paused("a1", "support");
        world.setupsAreSlow();
        world.callArrives("c1", SUPPORT);
        world.callArrives("c2", SUPPORT);

        world.setupsAnswer();

        assertThat(world.queueLog()).containsExactly("Entered", "Refused");
        assertThat(entry(JournalEntry.Entered.class).call()).isEqualTo(CallId.of("c1"));
        assertThat(entry(JournalEntry.Refused.class).call()).isEqualTo(CallId.of("c2"));
    }

    @Test
    void a_caller_who_joins_a_queue_already_empty_under_its_leave_policy_enters_and_leaves_at_once() {
        world.queue(queue("support", 0, 0, new QueueRules(Set.of(), EnumSet.of(EmptyCondition.PAUSED),
                Map.of(ExitReason.LEAVEEMPTY, VOICEMAIL)))).paused("a1", "support");

        world.callArrives("c1", SUPPORT);

        assertThat(world.queueLog()).containsExactly("Entered", "Exited");
        assertThat(entry(JournalEntry.Exited.class).reason()).isEqualTo(ExitReason.LEAVEEMPTY);
        assertThat(world.pbx.exits).extracting(RecordingCallControl.Exit::queueStatus).containsExactly("LEAVEEMPTY");
    }

    private <T> T entry(Class<T> type) {
        return world.journal.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** The same queue with a long wrap-up, so the agent who talked is not offered the caller again meanwhile. */
    private static QueueSetup withWrapUp(QueueSetup setup) {
        TaskQueue q = setup.queue();
        return QueueSetup.of(new TaskQueue(q.id(), q.name(), q.strategy(), q.requiredSkills(), Duration.ofMinutes(10),
                q.maxLength(), q.maxWait(), q.reservationTimeout())).withRules(setup.rules());
    }

    private static QueueSetup queue(String id, int maxLength, int maxWaitSeconds, QueueRules rules) {
        return QueueSetup.of(new TaskQueue(QueueId.of(id), id, RoutingStrategy.LONGEST_IDLE, List.of(), Duration.ZERO,
                maxLength, Duration.ofSeconds(maxWaitSeconds), Duration.ofSeconds(15))).withRules(rules);
    }
}
