package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.WaitAnnouncement;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.queue.selection.QueueSetup;
import io.switchboard.queue.waiting.CallerAnnouncements;
import io.switchboard.queue.waiting.CallerAnnouncements.PositionAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements.WaitEstimateAnnouncement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingAnnouncerTest {

    private static final Optional<String> SUPPORT = Optional.of("support");
    private static final Duration FREQUENCY = Duration.ofSeconds(45);
    private final RoutingWorld world = new RoutingWorld();

    private void supportAnnounces(PositionAnnouncement position, WaitEstimateAnnouncement wait) {
        TaskQueue queue = new TaskQueue(QueueId.of("support"), "support", RoutingStrategy.LONGEST_IDLE, List.of(),
                Duration.ofSeconds(60), 0, Duration.ZERO, Duration.ofSeconds(15));
        world.queue(QueueSetup.of(queue).withAnnouncements(new CallerAnnouncements(FREQUENCY, position, 5, wait, 0)));
    }

    /** One caller talks to a1 for {@code talk} and hangs up; a1 wraps up (60 s) and is free again. */
    private void oneConversationOf(String call, Duration talk) {
        world.callArrives(call, SUPPORT);
        LegId leg = world.pbx.lastRing().agentLeg();
        world.agentAnswers(leg);
        world.clock.advance(talk);
        world.callerHangsUp(call);
        world.clock.advance(Duration.ofSeconds(60));
        world.timersFire();
    }

    private List<WaitAnnouncement> saidTo(String call) {
        return world.pbx.announced.stream().filter(a -> a.call().equals(CallId.of(call)))
                .map(RecordingCallControl.Announced::announcement).toList();
    }

    @Test
    void a_second_waiting_caller_hears_position_two_and_twice_the_handle_time_of_the_only_agent() {
        supportAnnounces(PositionAnnouncement.YES, WaitEstimateAnnouncement.YES);
        world.available("a1", "support", Duration.ofMinutes(1));
        oneConversationOf("c0", Duration.ofMinutes(3));
        world.callArrives("c1", SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());

        world.callArrives("c2", SUPPORT);
        world.callArrives("c3", SUPPORT);
        world.timersFire();

        assertThat(saidTo("c1")).as("answered: nothing to announce").isEmpty();
        assertThat(saidTo("c2")).containsExactly(announcement(1, Duration.ofMinutes(4)));
        assertThat(saidTo("c3")).containsExactly(announcement(2, Duration.ofMinutes(8)));
    }

    @Test
    void the_next_announcement_comes_one_frequency_later_from_one_timer_per_caller() {
        supportAnnounces(PositionAnnouncement.YES, WaitEstimateAnnouncement.NO);
        world.paused("a1", "support");
        world.callArrives("c1", SUPPORT);
        world.callArrives("c2", SUPPORT);
        world.timerDelays.clear();

        world.timersFire();
        world.timersFire();

        assertThat(saidTo("c2")).extracting(WaitAnnouncement::position).containsExactly(OptionalInt.of(2),
                OptionalInt.of(2));
        assertThat(world.timerDelays).containsExactly(FREQUENCY, FREQUENCY, FREQUENCY, FREQUENCY);
    }

    @Test
    void once_tells_the_wait_in_the_first_announcement_only() {
        supportAnnounces(PositionAnnouncement.NO, WaitEstimateAnnouncement.ONCE);
        world.available("a1", "support", Duration.ofMinutes(1));
        oneConversationOf("c0", Duration.ofMinutes(3));
        world.callArrives("c1", SUPPORT);
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.callArrives("c2", SUPPORT);

        world.timersFire();
        world.timersFire();

        assertThat(saidTo("c2")).containsExactly(new WaitAnnouncement(OptionalInt.empty(), OptionalInt.empty(),
                Optional.of(Duration.ofMinutes(4))));
    }

    @Test
    void a_caller_whose_agent_rings_is_skipped_and_an_answered_caller_stops_the_timer() {
        supportAnnounces(PositionAnnouncement.YES, WaitEstimateAnnouncement.NO);
        world.paused("a1", "support");
        world.callArrives("c1", SUPPORT);
        world.timersFire();
        world.agentBecomesAvailable("a1");
        world.timerDelays.clear();

        world.timersFire();
        world.agentAnswers(world.pbx.lastRing().agentLeg());
        world.timersFire();

        assertThat(saidTo("c1")).hasSize(1);
        assertThat(world.timerDelays).as("one more timer while ringing, none after the answer")
                .containsExactly(FREQUENCY);
    }

    @Test
    void no_agent_is_rung_for_a_caller_until_the_pbx_accepted_their_announcement_then_at_once() {
        supportAnnounces(PositionAnnouncement.YES, WaitEstimateAnnouncement.NO);
        world.paused("a1", "support");
        world.callArrives("c1", SUPPORT);
        world.pbx.announcementAnswer = new CompletableFuture<>();
        world.timersFire();

        world.agentBecomesAvailable("a1");

        assertThat(world.pbx.rings).as("the announcement's redirect is still in flight").isEmpty();
        world.pbx.announcementAnswer.complete(CommandResult.ACCEPTED);
        assertThat(world.pbx.devicesRung()).containsExactly("SIP/a1");
    }

    @Test
    void a_queue_without_announcements_sets_no_timer_and_says_nothing() {
        world.queue("support", RoutingStrategy.LONGEST_IDLE).paused("a1", "support");

        world.callArrives("c1", SUPPORT);
        world.timersFire();

        assertThat(world.pbx.announced).isEmpty();
        assertThat(world.timerDelays).isEmpty();
    }

    @Test
    void the_router_announces_nothing_of_a_caller_who_hung_up() {
        supportAnnounces(PositionAnnouncement.YES, WaitEstimateAnnouncement.YES);
        world.paused("a1", "support");
        world.callArrives("c1", SUPPORT);
        world.callerHangsUp("c1");

        world.timersFire();

        assertThat(world.pbx.announced).isEmpty();
        assertThat(world.dueTimers).isEmpty();
    }

    private static WaitAnnouncement announcement(int position, Duration wait) {
        return new WaitAnnouncement(OptionalInt.of(position), OptionalInt.empty(), Optional.of(wait));
    }
}
