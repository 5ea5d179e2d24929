package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class InboundRouterTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private final RoutingWorld world = new RoutingWorld();

    @Test
    void an_offered_call_rings_the_longest_idle_agent_of_its_queue_with_the_queue_ring_timeout() {
        world.queue("support", Duration.ofSeconds(20), Duration.ZERO)
                .available("a1", "support", Duration.ofMinutes(1))
                .available("a2", "support", Duration.ofMinutes(9));

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2");
        assertThat(world.pbx.lastRing().ringTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.RESERVED);
        assertThat(world.router.tasks()).singleElement().satisfies(task -> {
            assertThat(task.queue()).isEqualTo(QueueId.of("support"));
            assertThat(task.status()).isEqualTo(TaskStatus.RESERVED);
        });
    }

    @Test
    void a_call_without_a_hint_waits_in_the_default_queue_and_rings_for_fifteen_seconds() {
        world.available("a1", "default", Duration.ofMinutes(1));

        world.callArrives("c1", Optional.empty());

        assertThat(world.router.tasks()).singleElement()
                .satisfies(task -> assertThat(task.queue()).isEqualTo(InboundRouter.DEFAULT_QUEUE));
        assertThat(world.pbx.lastRing().ringTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void when_another_node_reserves_the_picked_agent_first_the_router_picks_again() {
        world.available("a1", "support", Duration.ofMinutes(5)).available("a2", "support", Duration.ofMinutes(1));
        world.states.raceBeforeNextWrite(() -> world.states.put("a1", AgentState.RESERVED, world.clock.instant()));

        world.callArrives("c1", SUPPORT);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2");
    }

    @Test
    void an_agent_who_does_not_answer_is_made_available_again_and_the_next_agent_is_rung() {
        world.available("a1", "support", Duration.ofMinutes(5)).available("a2", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        LegId first = world.pbx.lastRing().agentLeg();

        world.agentPhoneIsNotAnswered(first);

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.RESERVED);
        assertThat(world.router.missesOf(AgentId.of("a1"))).isEqualTo(1);
        assertThat(world.journal).filteredOn(JournalEntry.AgentMissed.class::isInstance).singleElement()
                .satisfies(e -> {
                    JournalEntry.AgentMissed missed = (JournalEntry.AgentMissed) e;
                    assertThat(missed.agent()).isEqualTo(AgentId.of("a1"));
                    assertThat(missed.rang()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(missed.cause()).isEqualTo(HangupCause.NO_ANSWER);
                });
    }

    @Test
    void an_answered_call_puts_the_agent_on_call_then_in_wrap_up_then_available_after_the_queue_wrap_up() {
        world.queue("support", Duration.ofSeconds(15), Duration.ofSeconds(30))
                .available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        LegId agentLeg = world.pbx.lastRing().agentLeg();

        world.agentAnswers(agentLeg);
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.ON_CALL);

        world.clock.advance(Duration.ofSeconds(40));
        world.callerHangsUp("c1");
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        assertThat(world.timerDelays).containsExactly(Duration.ofSeconds(30));

        world.timersFire();
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.router.tasks()).isEmpty();
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "Connected", "Completed");
        JournalEntry.Completed completed = (JournalEntry.Completed) world.journal.get(3);
        assertThat(completed.callerHungUp()).isTrue();
        assertThat(completed.talked()).isEqualTo(Duration.ofSeconds(40));
        assertThat(completed.held()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void an_agent_who_hangs_up_first_completes_the_call_by_the_agent_once_the_caller_hangs_up_too() {
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);
        world.clock.advance(Duration.ofSeconds(20));

        world.agentHangsUp(agentLeg);
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        world.clock.advance(Duration.ofMillis(50));
        world.callerHangsUp("c1");

        assertThat(world.journal.get(world.journal.size() - 1)).isInstanceOfSatisfying(JournalEntry.Completed.class,
                completed -> {
                    assertThat(completed.callerHungUp()).isFalse();
                    assertThat(completed.talked()).isEqualTo(Duration.ofSeconds(20));
                });
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "Connected", "Completed");
    }

    @Test
    void an_agent_who_hangs_up_first_completes_the_call_by_the_agent_after_the_transfer_grace_if_nothing_else_comes() {
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);

        world.agentHangsUp(agentLeg);
        assertThat(world.queueLog()).doesNotContain("Completed");
        assertThat(world.timerDelays).contains(InboundRouter.TRANSFER_GRACE);
        world.timersFire();

        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "Connected", "Completed");
        assertThat(world.router.tasks()).isEmpty();
    }

    @Test
    void a_call_waits_while_nobody_is_available_and_is_offered_as_soon_as_an_agent_becomes_available() {
        world.paused("a1", "support");
        world.callArrives("c1", SUPPORT);
        assertThat(world.pbx.rings).isEmpty();

        world.states.put("a1", AgentState.AVAILABLE, world.clock.instant());
        world.router.agentStateChanged(AgentId.of("a1"));

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
    }

    @Test
    void an_agent_freed_by_wrap_up_takes_the_next_waiting_call() {
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        LegId first = world.pbx.lastRing().agentLeg();
        world.agentAnswers(first);
        world.callArrives("c2", SUPPORT);

        world.callerHangsUp("c1");
        world.timersFire();

        assertThat(world.pbx.rings).extracting(r -> r.call().value()).containsExactly("c1", "c2");
    }

    @Test
    void a_caller_who_hangs_up_while_waiting_abandons_the_task() {
        world.paused("a1", "support");
        world.callArrives("c1", SUPPORT);
        world.clock.advance(Duration.ofSeconds(12));

        world.callerHangsUp("c1");

        assertThat(world.router.tasks()).isEmpty();
        assertThat(world.journal.get(world.journal.size() - 1)).isInstanceOfSatisfying(JournalEntry.Abandoned.class,
                abandoned -> {
                    assertThat(abandoned.position()).isEqualTo(1);
                    assertThat(abandoned.originalPosition()).isEqualTo(1);
                    assertThat(abandoned.waited()).isEqualTo(Duration.ofSeconds(12));
                });
        world.states.put("a1", AgentState.AVAILABLE, world.clock.instant());
        world.router.agentStateChanged(AgentId.of("a1"));
        assertThat(world.pbx.rings).isEmpty();
    }

    @Test
    void a_caller_who_hangs_up_while_an_agent_rings_frees_the_agent() {
        world.available("a1", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);

        world.callerHangsUp("c1");

        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "Abandoned");
    }

    @Test
    void a_leg_of_the_call_that_is_not_the_offered_one_is_not_taken_for_the_agent() {
        world.available("a1", "support", Duration.ofMinutes(5));
        world.callArrives("c1", SUPPORT);
        CallId c1 = CallId.of("c1");
        LegId otherLeg = LegId.of("pbx1/1700000000.7");

        world.pbxReports(new PbxEvent.LegRinging(RoutingWorld.PBX, world.clock.instant(), c1, otherLeg));
        world.pbxReports(new PbxEvent.CallConnected(RoutingWorld.PBX, world.clock.instant(), c1,
                RoutingWorld.callerLeg("c1"), otherLeg));
        world.pbxReports(new PbxEvent.LegHungUp(RoutingWorld.PBX, world.clock.instant(), c1, otherLeg,
                HangupCause.NO_ANSWER));

        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung");
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.RESERVED);
    }

    @Test
    void the_offered_agent_leg_is_followed_by_the_id_switchboard_gave_it_through_a_miss_and_a_connect() {
        world.available("a1", "support", Duration.ofMinutes(5)).available("a2", "support", Duration.ofMinutes(1));
        world.callArrives("c1", SUPPORT);
        CallId c1 = CallId.of("c1");
        LegId firstPhone = world.pbx.lastRing().agentLeg();

        world.pbxReports(new PbxEvent.LegRinging(RoutingWorld.PBX, world.clock.instant(), c1, firstPhone));
        world.pbxReports(new PbxEvent.LegHungUp(RoutingWorld.PBX, world.clock.instant(), c1, firstPhone,
                HangupCause.NO_ANSWER));
        world.pbxReports(new PbxEvent.CallReturnedToHold(RoutingWorld.PBX, world.clock.instant(), c1,
                Optional.of(firstPhone), HoldReason.NO_ANSWER));
        LegId secondPhone = world.pbx.lastRing().agentLeg();
        world.pbxReports(new PbxEvent.LegRinging(RoutingWorld.PBX, world.clock.instant(), c1, secondPhone));
        world.pbxReports(new PbxEvent.CallConnected(RoutingWorld.PBX, world.clock.instant(), c1,
                RoutingWorld.callerLeg("c1"), secondPhone));
        world.pbxReports(new PbxEvent.LegHungUp(RoutingWorld.PBX, world.clock.instant(), c1, secondPhone,
                HangupCause.NORMAL_CLEARING));
        world.callerHangsUp("c1");

        assertThat(secondPhone).isNotEqualTo(firstPhone);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1", "SIP/a2");
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "AgentMissed", "AgentRung", "Connected",
                "Completed");
        assertThat(world.journal.get(2)).isInstanceOfSatisfying(JournalEntry.AgentMissed.class,
                missed -> assertThat(missed.agentLeg()).isEqualTo(firstPhone));
        assertThat(world.states.stateOf("a2")).isEqualTo(AgentState.WRAP_UP);
    }
}
