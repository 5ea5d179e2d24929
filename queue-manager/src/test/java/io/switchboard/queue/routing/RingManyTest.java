package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.ReasonCode;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.TaskStatus;
import io.switchboard.queue.selection.QueueSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ring-all and ring-progressively ring several agents for one caller, each on a leg of their own: the first
 * answer wins, the others are cancelled without a miss, a failed leg is a miss of its agent only.
 */
class RingManyTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private final RoutingWorld world = new RoutingWorld();

    @Test
    void ring_all_reserves_and_rings_every_available_member_at_once_each_on_a_leg_of_its_own() {
        ringAll(world);

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2", "SIP/a3");
        assertThat(world.pbx.legsRung).doesNotHaveDuplicates().hasSize(3);
        assertThat(List.of("a1", "a2", "a3")).allMatch(a -> world.states.stateOf(a) == AgentState.RESERVED);
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "AgentRung", "AgentRung");
        assertThat(world.router.tasks().get(0).status()).isEqualTo(TaskStatus.RESERVED);
    }

    @Test
    void every_leg_shows_the_callers_number_on_the_agents_phone() {
        ringAll(world);

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.ringCallerIds).hasSize(3).allSatisfy(number ->
                assertThat(number).map(io.switchboard.core.call.PhoneNumber::e164).contains("+4930555123"));
    }

    @Test
    void the_first_to_answer_wins_and_the_others_stop_ringing_are_available_again_and_count_no_miss() {
        ringAll(world);
        world.callArrives("c1", SUPPORT);
        List<LegId> legs = world.pbx.legsRung;

        world.agentAnswers(legs.get(1));

        assertThat(world.pbx.legsCanceled).containsExactly(legs.get(0), legs.get(2));
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.ON_CALL);
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.states.stateOf("a3")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "AgentRung", "AgentRung",
                "RingCanceled", "RingCanceled", "Connected");
        cancelledLegsEnd(legs.get(0), legs.get(2));
        assertThat(world.router.missesOf(AgentId.of("a1")) + world.router.missesOf(AgentId.of("a3"))).isZero();
        assertThat(world.queueLog()).doesNotContain("AgentMissed");
    }

    @Test
    void an_agent_answering_after_the_winner_is_not_connected() {
        ringAll(world);
        world.callArrives("c1", SUPPORT);
        List<LegId> legs = world.pbx.legsRung;
        world.agentAnswers(legs.get(0));

        world.pbxReports(new PbxEvent.CallConnected(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"),
                RoutingWorld.callerLeg("c1"), legs.get(2)));

        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.ON_CALL);
        assertThat(world.states.stateOf("a3")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.queueLog()).filteredOn("Connected"::equals).hasSize(1);
    }

    @Test
    void a_leg_that_fails_is_a_miss_of_that_agent_only_and_the_others_keep_ringing() {
        ringAll(world);
        world.callArrives("c1", SUPPORT);
        List<LegId> legs = world.pbx.legsRung;

        legFails("c1", legs.get(0), HangupCause.USER_BUSY);

        assertThat(world.router.missesOf(AgentId.of("a1"))).isEqualTo(1);
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.RESERVED);
        assertThat(world.states.stateOf("a3")).isEqualTo(AgentState.RESERVED);
        assertThat(world.router.tasks().get(0).status()).isEqualTo(TaskStatus.RESERVED);
        assertThat(world.pbx.devicesRung()).hasSize(3);

        world.agentAnswers(legs.get(2));

        assertThat(world.pbx.legsCanceled).containsExactly(legs.get(1));
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "AgentRung", "AgentRung",
                "AgentMissed", "RingCanceled", "Connected");
    }

    @Test
    void when_the_last_leg_fails_the_caller_waits_again_and_is_offered_to_the_members_anew() {
        ringAll(world);
        world.callArrives("c1", SUPPORT);
        List<LegId> legs = List.copyOf(world.pbx.legsRung);
        world.clock.advance(Duration.ofSeconds(15));

        legs.forEach(leg -> legFails("c1", leg, HangupCause.NO_ANSWER));

        assertThat(world.queueLog()).filteredOn("AgentMissed"::equals).hasSize(3);
        assertThat(List.of("a1", "a2", "a3")).allMatch(a -> world.router.missesOf(AgentId.of(a)) == 1);
        assertThat(world.pbx.legsRung).hasSize(6).startsWith(legs.toArray(LegId[]::new));
        assertThat(world.pbx.legsCanceled).isEmpty();
    }

    @Test
    void the_caller_hanging_up_while_agents_ring_cancels_every_leg_and_frees_every_agent() {
        ringAll(world);
        world.callArrives("c1", SUPPORT);
        List<LegId> legs = List.copyOf(world.pbx.legsRung);

        world.clock.advance(Duration.ofSeconds(4));
        world.callerHangsUp("c1");

        assertThat(world.pbx.legsCanceled).containsExactlyElementsOf(legs);
        assertThat(List.of("a1", "a2", "a3")).allMatch(a -> world.states.stateOf(a) == AgentState.AVAILABLE);
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "AgentRung", "AgentRung",
                "RingCanceled", "RingCanceled", "RingCanceled", "Abandoned");
        assertThat(world.journal.get(4)).isInstanceOfSatisfying(JournalEntry.RingCanceled.class,
                canceled -> assertThat(canceled.rang()).isEqualTo(Duration.ofSeconds(4)));
        assertThat(world.router.tasks()).isEmpty();
    }

    @Test
    void an_agent_another_node_took_meanwhile_is_dropped_from_the_round_and_the_others_ring() {
        ringAll(world);
        world.states.raceBeforeNextWrite(() -> world.states.put("a1", AgentState.PAUSED, world.clock.instant()));

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2", "SIP/a3");
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.PAUSED);
        assertThat(world.router.missesOf(AgentId.of("a1"))).isZero();
    }

    @Test
    void cancelled_agents_are_never_auto_paused_but_one_who_misses_is() {
        RoutingWorld strict = new RoutingWorld(new InboundRules(1, ZoneOffset.UTC));
        ringAll(strict);
        strict.callArrives("c1", SUPPORT);
        List<LegId> legs = strict.pbx.legsRung;
        strict.router.onEvent(new PbxEvent.LegHungUp(RoutingWorld.PBX, strict.clock.instant(), CallId.of("c1"),
                legs.get(0), HangupCause.NO_ANSWER));

        strict.agentAnswers(legs.get(1));

        assertThat(strict.states.statusOf("a1").state()).isEqualTo(AgentState.PAUSED);
        assertThat(strict.states.statusOf("a1").reason()).contains(ReasonCode.NO_ANSWER);
        assertThat(strict.states.stateOf("a3")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void ring_progressively_rings_the_first_then_adds_one_more_agent_every_interval() {
        ringProgressively(world);

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.timerDelays).filteredOn(INTERVAL::equals).hasSize(1);

        world.clock.advance(INTERVAL);
        world.dueTimersFire();

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.RESERVED);
        assertThat(world.states.stateOf("a3")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.timerDelays).filteredOn(INTERVAL::equals).hasSize(2);
    }

    @Test
    void ring_progressively_lets_whoever_answers_win_and_adds_nobody_after_the_answer() {
        ringProgressively(world);
        world.callArrives("c1", SUPPORT);
        world.clock.advance(INTERVAL);
        world.dueTimersFire();
        List<LegId> legs = List.copyOf(world.pbx.legsRung);

        world.agentAnswers(legs.get(1));
        world.timersFire();

        assertThat(world.pbx.legsCanceled).containsExactly(legs.get(0));
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.ON_CALL);
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.states.stateOf("a3")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void ring_progressively_skips_an_agent_taken_by_another_caller_before_their_turn() {
        ringProgressively(world);
        world.callArrives("c1", SUPPORT);
        world.agentApiStores("a2", AgentState.PAUSED);

        world.clock.advance(INTERVAL);
        world.dueTimersFire();

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a3");
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.PAUSED);
    }

    @Test
    void ring_progressively_adds_the_next_agent_at_once_when_nobody_rings_any_more() {
        ringProgressively(world);
        world.callArrives("c1", SUPPORT);

        legFails("c1", world.pbx.legsRung.get(0), HangupCause.USER_BUSY);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
        assertThat(world.router.missesOf(AgentId.of("a1"))).isEqualTo(1);
    }

    @Test
    void a_leg_the_pbx_says_nothing_more_about_is_given_up_after_its_ring_timeout_and_the_grace() {
        ringAll(world);
        world.callArrives("c1", SUPPORT);
        List<LegId> legs = List.copyOf(world.pbx.legsRung);
        legFails("c1", legs.get(0), HangupCause.NO_ANSWER);
        legFails("c1", legs.get(1), HangupCause.NO_ANSWER);

        world.clock.advance(TaskQueue.of(QueueId.of("support"), "support", RoutingStrategy.RING_ALL)
                .reservationTimeout());
        world.dueTimersFire();
        assertThat(world.states.stateOf("a3")).as("not before the grace").isEqualTo(AgentState.RESERVED);

        world.clock.advance(RingMany.LEG_GRACE);
        world.dueTimersFire();

        assertThat(world.pbx.legsCanceled).containsExactly(legs.get(2));
        assertThat(world.router.missesOf(AgentId.of("a3"))).isEqualTo(1);
        assertThat(world.pbx.legsRung).as("the caller is offered again").hasSize(6);
    }

    @Test
    void a_pbx_that_rings_one_leg_per_call_gets_one_agent_at_a_time_as_before() {
        ringAll(world);
        world.pbx.severalLegs = false;

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
        assertThat(world.pbx.legsRung).isEmpty();
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.AVAILABLE);
    }

    private static void ringAll(RoutingWorld w) {
        w.pbx.severalLegs = true;
        w.queue("support", RoutingStrategy.RING_ALL);
        members(w);
    }

    private void ringProgressively(RoutingWorld w) {
        w.pbx.severalLegs = true;
        w.queue(QueueSetup.of(TaskQueue.of(QueueId.of("support"), "support", RoutingStrategy.RING_PROGRESSIVELY))
                .withRingInterval(INTERVAL));
        members(w);
    }

    private static void members(RoutingWorld w) {
        w.available("a1", "support", Duration.ofMinutes(3))
                .available("a2", "support", Duration.ofMinutes(2))
                .available("a3", "support", Duration.ofMinutes(1));
    }

    private void legFails(String call, LegId leg, HangupCause cause) {
        world.pbxReports(new PbxEvent.LegHungUp(RoutingWorld.PBX, world.clock.instant(), CallId.of(call), leg, cause));
    }

    /** The PBX reports the end of the cancelled legs, and a hold that never was: neither changes anything. */
    private void cancelledLegsEnd(LegId... legs) {
        for (LegId leg : legs) {
            world.pbxReports(new PbxEvent.LegHungUp(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"), leg,
                    HangupCause.ORIGINATOR_CANCEL));
            world.pbxReports(new PbxEvent.CallReturnedToHold(RoutingWorld.PBX, world.clock.instant(),
                    CallId.of("c1"), Optional.of(leg), HoldReason.NO_ANSWER));
        }
    }
}
