package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.event.TransferTarget;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A queue call blind-transferred away: recorded as app_queue's BLINDTRANSFER, the agent freed into wrap-up. */
class InboundTransferTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final TransferTarget TARGET = new TransferTarget("02079460018", "from-internal");

    private final RoutingWorld world = new RoutingWorld().queue("support", Duration.ofSeconds(15), Duration.ofSeconds(30))
            .available("a1", "support", Duration.ofMinutes(1));

    @Test
    void a_connected_caller_transferred_away_is_recorded_as_transferred_and_the_agent_goes_to_wrap_up_then_available() {
        world.callArrives("c1", SUPPORT);
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);
        world.clock.advance(Duration.ofSeconds(40));

        callerIsTransferred("c1");
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        world.agentHangsUp(agentLeg);
        world.callerHangsUp("c1");
        world.timersFire();

        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.router.tasks()).isEmpty();
        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "Connected", "Transferred");
        assertThat(transferred()).satisfies(t -> {
            assertThat(t.agent()).contains(AgentId.of("a1"));
            assertThat(t.agentLeg()).contains(agentLeg);
            assertThat(t.target()).isEqualTo(TARGET);
            assertThat(t.held()).isEqualTo(Duration.ofSeconds(3));
            assertThat(t.talked()).isEqualTo(Duration.ofSeconds(40));
            assertThat(t.originalPosition()).isEqualTo(1);
            assertThat(t.toString()).doesNotContain("02079460018");
        });
    }

    @Test
    void a_transfer_reported_after_the_agent_leg_already_hung_up_is_still_a_transfer_timed_to_the_agents_hang_up() {
        world.callArrives("c1", SUPPORT);
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);
        world.clock.advance(Duration.ofSeconds(40));
        world.agentHangsUp(agentLeg);
        world.clock.advance(Duration.ofMillis(20));

        callerIsTransferred("c1");
        world.timersFire();

        assertThat(world.queueLog()).containsExactly("Entered", "AgentRung", "Connected", "Transferred");
        assertThat(transferred().talked()).isEqualTo(Duration.ofSeconds(40));
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
    }

    @Test
    void a_waiting_caller_transferred_away_leaves_the_queue_without_an_agent_and_frees_the_agent_being_rung() {
        world.callArrives("c1", SUPPORT);
        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.RESERVED);

        callerIsTransferred("c1");

        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(world.router.tasks()).isEmpty();
        assertThat(transferred().agent()).isEmpty();
        assertThat(transferred().talked()).isZero();
    }

    @Test
    void a_transfer_of_a_leg_that_is_not_the_callers_changes_nothing() {
        world.callArrives("c1", SUPPORT);
        LegId agentLeg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(agentLeg);

        world.pbxReports(new PbxEvent.CallTransferred(RoutingWorld.PBX, world.clock.instant(), CallId.of("c1"),
                agentLeg, TARGET));

        assertThat(world.states.stateOf("a1")).isEqualTo(AgentState.ON_CALL);
        assertThat(world.queueLog()).doesNotContain("Transferred");
    }

    private void callerIsTransferred(String call) {
        world.pbxReports(new PbxEvent.CallTransferred(RoutingWorld.PBX, world.clock.instant(), CallId.of(call),
                RoutingWorld.callerLeg(call), TARGET));
    }

    private JournalEntry.Transferred transferred() {
        return world.journal.stream().filter(JournalEntry.Transferred.class::isInstance)
                .map(JournalEntry.Transferred.class::cast).findFirst().orElseThrow();
    }
}
