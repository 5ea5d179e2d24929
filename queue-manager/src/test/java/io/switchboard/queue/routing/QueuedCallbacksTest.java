package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.OriginateRequest;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.waiting.CallbackOutcome;
import io.switchboard.queue.waiting.QueuedCallback;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.switchboard.queue.routing.RoutingWorld.PBX;
import static io.switchboard.queue.routing.RoutingWorld.callerLeg;
import static org.assertj.core.api.Assertions.assertThat;

class QueuedCallbacksTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final PhoneNumber CALLER = PhoneNumber.parse("+4930555123", "caller");
    private static final QueuedCallback PRESS_1 = new QueuedCallback(true, '1', Duration.ofSeconds(30),
            Duration.ZERO, 2, Duration.ofSeconds(25), Duration.ofSeconds(120));
    private final RoutingWorld world = new RoutingWorld();

    /** Queue support with the callback on, a max wait of 5 minutes and a1 talking to c1, so c2 waits. */
    private void a1TalksWhileC2Waits(QueuedCallback callback) {
        TaskQueue queue = new TaskQueue(QueueId.of("support"), "support", RoutingStrategy.LONGEST_IDLE, List.of(),
                Duration.ZERO, 0, Duration.ofMinutes(5), Duration.ofSeconds(15));
        world.queue(QueueSetup.of(queue).withCallback(callback));
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callArrives("c2", SUPPORT);
    }

    private void presses(String call, char digit) {
        world.pbxReports(new PbxEvent.CallbackRequested(PBX, world.clock.instant(), CallId.of(call), callerLeg(call),
                digit, Optional.empty()));
    }

    /** c2 waited 40 s, pressed 1 and hung up after the confirmation. */
    private void c2AsksForACallback() {
        world.clock.advance(Duration.ofSeconds(40));
        presses("c2", '1');
        world.callerHangsUp("c2");
    }

    /** a1's conversation with c1 ends (no wrap-up), so a1 is free. */
    private void a1Frees() {
        world.callerHangsUp("c1");
        world.timersFire();
    }

    private OriginateRequest lastOriginate() {
        return world.pbx.originates.get(world.pbx.originates.size() - 1);
    }

    private <T> List<T> journaled(Class<T> type) {
        return world.journal.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void an_accepted_key_is_confirmed_and_the_hang_up_that_follows_is_no_abandon() {
        a1TalksWhileC2Waits(PRESS_1);

        c2AsksForACallback();

        assertThat(world.pbx.callbacksConfirmed).containsExactly(CallId.of("c2"));
        CallbackStep.Requested requested = journaled(CallbackStep.Requested.class).get(0);
        assertThat(requested.digit()).isEqualTo('1');
        assertThat(requested.number()).isEqualTo(CALLER);
        assertThat(requested.position()).isEqualTo(1);
        assertThat(requested.originalPosition()).isEqualTo(1);
        assertThat(requested.waited()).isEqualTo(Duration.ofSeconds(40));
        assertThat(journaled(JournalEntry.Abandoned.class)).isEmpty();
        assertThat(world.router.tasks()).extracting(t -> t.call().orElseThrow())
                .contains(CallId.of("c2"));
    }

    @Test
    void the_callback_keeps_its_place_ahead_of_later_callers() {
        a1TalksWhileC2Waits(PRESS_1);
        c2AsksForACallback();
        world.callArrives("c3", SUPPORT);

        a1Frees();

        assertThat(world.pbx.originates).hasSize(1);
        assertThat(lastOriginate().variables()).containsEntry("SWITCHBOARD_CALLBACK", "c2");
        assertThat(world.pbx.rings).hasSize(1);
        assertThat(journaled(JournalEntry.Entered.class).get(2).position()).isEqualTo(2);
    }

    @Test
    void a_key_pressed_too_early_another_key_or_on_a_queue_without_callback_is_ignored() {
        a1TalksWhileC2Waits(PRESS_1);
        world.clock.advance(Duration.ofSeconds(10));
        presses("c2", '1');
        world.clock.advance(Duration.ofSeconds(30));
        presses("c2", '2');

        assertThat(world.pbx.callbacksConfirmed).isEmpty();
        world.callerHangsUp("c2");
        assertThat(journaled(JournalEntry.Abandoned.class)).hasSize(1);
    }

    @Test
    void a_queue_without_the_callback_ignores_every_key() {
        a1TalksWhileC2Waits(QueuedCallback.OFF);
        c2AsksForACallback();

        assertThat(world.pbx.callbacksConfirmed).isEmpty();
        assertThat(journaled(JournalEntry.Abandoned.class)).hasSize(1);
    }

    @Test
    void a_caller_without_a_number_cannot_be_called_back_unless_the_glue_gives_one() {
        a1TalksWhileC2Waits(PRESS_1);
        world.pbxReports(new PbxEvent.CallOffered(PBX, world.clock.instant(), CallId.of("c3"), callerLeg("c3"),
                Optional.empty(), Did.of("100"), Optional.empty(), Optional.of(QueueId.of("support"))));
        world.clock.advance(Duration.ofSeconds(40));
        presses("c3", '1');
        assertThat(world.pbx.callbacksConfirmed).isEmpty();

        PhoneNumber given = PhoneNumber.parse("+4930555999", "number");
        world.pbxReports(new PbxEvent.CallbackRequested(PBX, world.clock.instant(), CallId.of("c3"), callerLeg("c3"),
                '1', Optional.of(given)));
        world.callerHangsUp("c3");
        a1Frees();

        assertThat(world.pbx.callbacksConfirmed).containsExactly(CallId.of("c3"));
        world.callerHangsUp("c2");
        a1Frees();
        assertThat(lastOriginate().to()).isEqualTo(given);
    }

    @Test
    void a_confirmation_the_pbx_refuses_leaves_the_caller_waiting_as_before() {
        a1TalksWhileC2Waits(PRESS_1);
        world.pbx.nextConfirm = new CommandResult.Failed("callback-unsupported", "no glue");
        world.clock.advance(Duration.ofSeconds(40));
        presses("c2", '1');

        assertThat(journaled(CallbackStep.Requested.class)).isEmpty();
        world.callerHangsUp("c2");
        assertThat(journaled(JournalEntry.Abandoned.class)).hasSize(1);
    }

    @Test
    void when_an_agent_frees_they_are_reserved_and_the_customer_is_called_without_ringing_the_agent() {
        a1TalksWhileC2Waits(PRESS_1);
        c2AsksForACallback();

        a1Frees();

        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(world.pbx.rings).hasSize(1);
        OriginateRequest originate = lastOriginate();
        assertThat(originate.to()).isEqualTo(CALLER);
        assertThat(originate.ringTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(originate.detectAnsweringMachine()).isFalse();
        assertThat(originate.callerId()).isEmpty();
        assertThat(originate.call().value()).startsWith("pbx1/");
        assertThat(originate.variables()).isEqualTo(Map.of("SWITCHBOARD_CALLBACK", "c2"));
        CallbackStep.Dialled dialled = journaled(CallbackStep.Dialled.class).get(0);
        assertThat(dialled.call()).isEqualTo(CallId.of("c2"));
        assertThat(dialled.customerCall()).isEqualTo(originate.call());
        assertThat(dialled.attempt()).isEqualTo(1);
    }

    @Test
    void no_agent_is_reserved_before_the_caller_who_asked_has_hung_up() {
        a1TalksWhileC2Waits(PRESS_1);
        world.clock.advance(Duration.ofSeconds(40));
        presses("c2", '1');
        a1Frees();

        assertThat(world.pbx.originates).isEmpty();
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);

        world.callerHangsUp("c2");
        assertThat(world.pbx.originates).hasSize(1);
    }

    @Test
    void the_answered_customer_is_rung_to_the_reserved_agent_and_the_call_goes_on_under_the_original_task() {
        a1TalksWhileC2Waits(PRESS_1);
        c2AsksForACallback();
        a1Frees();
        OriginateRequest originate = lastOriginate();

        world.clock.advance(Duration.ofSeconds(8));
        world.pbxReports(new PbxEvent.CallReturnedToHold(PBX, world.clock.instant(), originate.call(),
                Optional.of(originate.leg()), HoldReason.CALLBACK));

        RecordingCallControl.Ring ring = world.pbx.lastRing();
        assertThat(ring.call()).isEqualTo(originate.call());
        assertThat(ring.device()).isEqualTo("SIP/a1");
        assertThat(ring.ringTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(journaled(CallbackStep.Answered.class)).singleElement()
                .satisfies(answered -> assertThat(answered.rang()).isEqualTo(Duration.ofSeconds(8)));

        world.clock.advance(Duration.ofSeconds(3));
        world.pbxReports(new PbxEvent.CallConnected(PBX, world.clock.instant(), originate.call(), originate.leg(),
                ring.agentLeg()));
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.ON_CALL);
        JournalEntry.Connected connected = journaled(JournalEntry.Connected.class).get(1);
        assertThat(connected.call()).isEqualTo(CallId.of("c2"));
        assertThat(connected.agent().value()).isEqualTo("a1");

        world.clock.advance(Duration.ofSeconds(60));
        world.pbxReports(new PbxEvent.LegHungUp(PBX, world.clock.instant(), originate.call(), originate.leg(),
                HangupCause.NORMAL_CLEARING));
        JournalEntry.Completed completed = journaled(JournalEntry.Completed.class).get(1);
        assertThat(completed.call()).isEqualTo(CallId.of("c2"));
        assertThat(completed.callerHungUp()).isTrue();
        assertThat(completed.talked()).isEqualTo(Duration.ofSeconds(60));
        assertThat(world.router.tasks()).isEmpty();
    }

    @Test
    void an_agent_who_misses_the_answered_customer_is_a_miss_and_the_next_agent_is_rung_on_the_new_call() {
        a1TalksWhileC2Waits(PRESS_1);
        world.available("a2", "support", Duration.ZERO);
        world.agentApiStores("a2", AgentState.PAUSED);
        c2AsksForACallback();
        a1Frees();
        OriginateRequest originate = lastOriginate();
        world.pbxReports(new PbxEvent.CallReturnedToHold(PBX, world.clock.instant(), originate.call(),
                Optional.of(originate.leg()), HoldReason.CALLBACK));
        world.agentBecomesAvailable("a2");

        world.agentPhoneIsNotAnswered(world.pbx.lastRing().agentLeg());

        assertThat(world.router.missesOf(io.switchboard.core.id.AgentId.of("a1"))).isEqualTo(1);
        assertThat(world.pbx.lastRing().call()).isEqualTo(originate.call());
        assertThat(world.pbx.lastRing().device()).isEqualTo("SIP/a2");
        assertThat(world.pbx.originates).hasSize(1);
    }

    @Test
    void an_unanswered_attempt_releases_the_agent_without_a_miss_and_the_task_rests_until_the_retry() {
        a1TalksWhileC2Waits(PRESS_1);
        c2AsksForACallback();
        a1Frees();
        OriginateRequest first = lastOriginate();

        world.clock.advance(Duration.ofSeconds(25));
        world.pbxReports(new PbxEvent.OriginateFailed(PBX, world.clock.instant(), first.call(), HangupCause.NO_ANSWER));

        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.router.missesOf(io.switchboard.core.id.AgentId.of("a1"))).isZero();
        CallbackStep.Unanswered unanswered = journaled(CallbackStep.Unanswered.class).get(0);
        assertThat(unanswered.retryAt()).contains(world.clock.instant().plus(Duration.ofSeconds(120)));
        assertThat(unanswered.ended()).isEmpty();
        assertThat(world.router.tasks()).hasSize(1);

        world.agentBecomesAvailable("a1");
        world.clock.advance(Duration.ofSeconds(119));
        world.dueTimersFire();
        assertThat(world.pbx.originates).hasSize(1);

        world.clock.advance(Duration.ofSeconds(1));
        world.dueTimersFire();
        assertThat(world.pbx.originates).hasSize(2);
        assertThat(lastOriginate().call()).isNotEqualTo(first.call());
        assertThat(journaled(CallbackStep.Dialled.class).get(1).attempt()).isEqualTo(2);
    }

    @Test
    void after_the_last_attempt_the_callback_gives_up_and_the_task_ends() {
        a1TalksWhileC2Waits(PRESS_1);
        c2AsksForACallback();
        a1Frees();
        world.pbxReports(new PbxEvent.OriginateFailed(PBX, world.clock.instant(), lastOriginate().call(),
                HangupCause.NO_ANSWER));
        world.clock.advance(Duration.ofSeconds(120));
        world.dueTimersFire();

        world.pbxReports(new PbxEvent.OriginateFailed(PBX, world.clock.instant(), lastOriginate().call(),
                HangupCause.USER_BUSY));

        CallbackStep.Unanswered last = journaled(CallbackStep.Unanswered.class).get(1);
        assertThat(last.ended()).contains(CallbackOutcome.BUSY);
        assertThat(last.retryAt()).isEmpty();
        assertThat(world.router.tasks()).isEmpty();
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.router.missesOf(io.switchboard.core.id.AgentId.of("a1"))).isZero();
    }

    @Test
    void a_pbx_that_says_nothing_about_an_attempt_is_given_up_on_after_the_ring_time_and_a_grace() {
        a1TalksWhileC2Waits(PRESS_1);
        c2AsksForACallback();
        a1Frees();

        world.clock.advance(Duration.ofSeconds(34));
        world.dueTimersFire();
        assertThat(journaled(CallbackStep.Unanswered.class)).isEmpty();
        world.clock.advance(Duration.ofSeconds(1));
        world.dueTimersFire();

        assertThat(journaled(CallbackStep.Unanswered.class)).singleElement()
                .satisfies(u -> assertThat(u.cause()).isEqualTo(HangupCause.NO_USER_RESPONSE));
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void an_answered_callback_the_router_no_longer_waits_for_is_hung_up() {
        a1TalksWhileC2Waits(PRESS_1);
        CallId stray = CallId.of("pbx1/sb-stray");

        world.pbxReports(new PbxEvent.CallReturnedToHold(PBX, world.clock.instant(), stray,
                Optional.of(LegId.of("pbx1/sb-stray")), HoldReason.CALLBACK));

        assertThat(world.pbx.hangups).containsExactly(stray);
    }

    @Test
    void the_queue_max_wait_does_not_throw_a_callback_out() {
        a1TalksWhileC2Waits(PRESS_1);
        c2AsksForACallback();

        world.clock.advance(Duration.ofMinutes(10));
        world.dueTimersFire();

        assertThat(journaled(JournalEntry.Exited.class)).isEmpty();
        assertThat(world.pbx.exits).isEmpty();
        a1Frees();
        assertThat(world.pbx.originates).hasSize(1);
    }
}
