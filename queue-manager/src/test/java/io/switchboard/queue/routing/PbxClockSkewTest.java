package io.switchboard.queue.routing;

import io.switchboard.core.call.Did;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.routing.AgentTarget;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.Workflow;
import io.switchboard.core.routing.WorkflowStep;
import io.switchboard.queue.selection.QueueSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PBX whose clock is minutes off the server's: the router times the workflow from when it saw the call, while
 * the queue_log keeps the PBX's times, with hold times between PBX times and ring times on the server's clock.
 */
class PbxClockSkewTest {

    private final RoutingWorld world = new RoutingWorld();

    @ParameterizedTest(name = "PBX clock {0} min off")
    @ValueSource(longs = {-5, 5})
    void the_first_workflow_step_lasts_its_timeout_from_when_the_server_saw_the_call(long minutesOff) {
        Duration skew = Duration.ofMinutes(minutesOff);
        world.queue(expertFirst()).paused("expert", "support").available("a2", "support", Duration.ofMinutes(1));

        offered("c1", skew);

        assertThat(world.pbx.rings).as("the expert's step is not over").isEmpty();
        assertThat(world.timerDelays).containsExactly(Duration.ofSeconds(30));

        world.clock.advance(Duration.ofSeconds(30));
        world.timersFire();

        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a2");
    }

    @ParameterizedTest(name = "PBX clock {0} min off")
    @ValueSource(longs = {-5, 5})
    void the_queue_log_keeps_the_pbx_times_and_measures_hold_and_ring_on_one_clock_each(long minutesOff) {
        Duration skew = Duration.ofMinutes(minutesOff);
        world.queue("support", RoutingStrategy.LONGEST_IDLE).available("a1", "support", Duration.ofMinutes(1))
                .available("a2", "support", Duration.ofMinutes(2));
        Instant entered = world.clock.instant().plus(skew);

        offered("c1", skew);
        LegId first = world.pbx.lastRing().agentLeg();
        world.clock.advance(Duration.ofSeconds(15));
        pbx(skew, at -> new PbxEvent.LegHungUp(RoutingWorld.PBX, at, CallId.of("c1"), first, HangupCause.NO_ANSWER));
        pbx(skew, at -> new PbxEvent.CallReturnedToHold(RoutingWorld.PBX, at, CallId.of("c1"), Optional.of(first),
                HoldReason.NO_ANSWER));
        LegId second = world.pbx.lastRing().agentLeg();
        world.clock.advance(Duration.ofSeconds(4));
        pbx(skew, at -> new PbxEvent.CallConnected(RoutingWorld.PBX, at, CallId.of("c1"),
                RoutingWorld.callerLeg("c1"), second));

        assertThat(entry(JournalEntry.Entered.class).at()).isEqualTo(entered);
        JournalEntry.AgentRung rung = world.journal.stream().filter(JournalEntry.AgentRung.class::isInstance)
                .map(JournalEntry.AgentRung.class::cast).reduce((a, b) -> b).orElseThrow();
        assertThat(rung.at()).as("a row without a PBX event, on the PBX's clock").isEqualTo(entered.plusSeconds(15));
        assertThat(entry(JournalEntry.AgentMissed.class).rang()).isEqualTo(Duration.ofSeconds(15));
        JournalEntry.Connected connected = entry(JournalEntry.Connected.class);
        assertThat(connected.at()).isEqualTo(entered.plusSeconds(19));
        assertThat(connected.held()).isEqualTo(Duration.ofSeconds(19));
        assertThat(connected.rang()).isEqualTo(Duration.ofSeconds(4));
    }

    private void offered(String call, Duration skew) {
        pbx(skew, at -> new PbxEvent.CallOffered(RoutingWorld.PBX, at, CallId.of(call), RoutingWorld.callerLeg(call),
                Optional.of(PhoneNumber.parse("+4930555123", "caller")), Did.of("100"), Optional.empty(),
                Optional.of(QueueId.of("support"))));
    }

    /** The PBX reports an event stamped by its own clock, {@code skew} off the server's. */
    private void pbx(Duration skew, Function<Instant, PbxEvent> event) {
        world.pbxReports(event.apply(world.clock.instant().plus(skew)));
    }

    private <T extends JournalEntry> T entry(Class<T> type) {
        return world.journal.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    private static QueueSetup expertFirst() {
        return QueueSetup.of(TaskQueue.of(QueueId.of("support"), "support", RoutingStrategy.LONGEST_IDLE))
                .withWorkflow(new Workflow("support", List.of(
                        new WorkflowStep(QueueId.of("support"), 0, Duration.ofSeconds(30))
                                .targeting(AgentTarget.agents(AgentId.of("expert"))),
                        new WorkflowStep(QueueId.of("support"), 0, Duration.ZERO))));
    }
}
