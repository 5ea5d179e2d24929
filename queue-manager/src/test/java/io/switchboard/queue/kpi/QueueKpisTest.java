package io.switchboard.queue.kpi;

import static io.switchboard.queue.kpi.KpiWindow.LAST_15_MINUTES;
import static io.switchboard.queue.kpi.KpiWindow.LAST_60_MINUTES;
import static io.switchboard.queue.kpi.KpiWindow.SINCE_MIDNIGHT;
import static io.switchboard.queue.kpi.KpiWorld.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.routing.JournalEntry;
import io.switchboard.queue.selection.ExitReason;
import io.switchboard.queue.selection.QueueExit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueKpisTest {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    private final KpiWorld world = new KpiWorld(NINE);

    @Test
    void service_level_is_calls_answered_within_the_threshold_over_answered_plus_abandoned() {
        world.callEnters("fast");
        world.callEnters("slow");
        world.callEnters("gone");
        world.passes(Duration.ofSeconds(20));
        world.agentAnswers("a1", "fast");
        world.passes(Duration.ofSeconds(1));
        world.agentAnswers("a2", "slow");
        world.callerHangsUpWaiting("gone");

        QueueFigures figures = world.support(LAST_15_MINUTES);
        assertThat(figures.offered()).isEqualTo(3);
        assertThat(figures.answered()).isEqualTo(2);
        assertThat(figures.answeredWithinThreshold()).isEqualTo(1);
        assertThat(figures.serviceLevel()).hasValue(1.0 / 3);
        assertThat(figures.abandonmentRate()).hasValue(1.0 / 3);
    }

    @Test
    void a_caller_who_hangs_up_within_five_seconds_is_a_short_abandon_counted_apart_and_in_no_ratio() {
        world.callEnters("answered");
        world.callEnters("wrong-number");
        world.passes(Duration.ofMillis(4_999));
        world.callerHangsUpWaiting("wrong-number");
        world.agentAnswers("a1", "answered");

        QueueFigures figures = world.support(LAST_15_MINUTES);
        assertThat(figures.shortAbandons()).isEqualTo(1);
        assertThat(figures.abandoned()).isZero();
        assertThat(figures.serviceLevel()).hasValue(1.0);
        assertThat(figures.abandonmentRate()).hasValue(0.0);
    }

    @Test
    void a_caller_who_waited_exactly_the_short_abandon_time_counts_as_abandoned() {
        world.callEnters("patient-enough");
        world.passes(Duration.ofSeconds(5));
        world.callerHangsUpWaiting("patient-enough");

        assertThat(world.support(LAST_15_MINUTES).abandoned()).isEqualTo(1);
        assertThat(world.support(LAST_15_MINUTES).serviceLevel()).hasValue(0.0);
    }

    @Test
    void ratios_are_empty_before_any_call_is_answered_or_abandoned() {
        world.callEnters("still-waiting");

        QueueFigures figures = world.support(LAST_15_MINUTES);
        assertThat(figures.serviceLevel()).isEmpty();
        assertThat(figures.abandonmentRate()).isEmpty();
        assertThat(figures.averageSpeedOfAnswer()).isEmpty();
    }

    @Test
    void average_speed_of_answer_is_the_mean_queue_wait_of_answered_calls() {
        world.callEnters("c1");
        world.passes(Duration.ofSeconds(10));
        world.callEnters("c2");
        world.agentAnswers("a1", "c1");
        world.passes(Duration.ofSeconds(30));
        world.agentAnswers("a2", "c2");

        assertThat(world.support(LAST_15_MINUTES).averageSpeedOfAnswer()).hasValue(Duration.ofSeconds(20));
    }

    @Test
    void a_queue_with_its_own_threshold_is_judged_against_it() {
        QueueId sales = QueueId.of("sales");
        KpiWorld strict = new KpiWorld(NINE, KpiSettings.defaults().withThreshold(sales, Duration.ofSeconds(10)));
        strict.callEnters("c1", sales, "+4930555100");
        strict.passes(Duration.ofSeconds(15));
        strict.agentAnswers("a1", "c1", sales);

        assertThat(strict.engine.queue(sales).threshold()).isEqualTo(Duration.ofSeconds(10));
        assertThat(strict.engine.queue(sales).windows().get(LAST_15_MINUTES).serviceLevel())
                .hasValue(0.0);
    }

    @Test
    void a_threshold_set_later_judges_only_the_calls_answered_after_it() {
        world.callEnters("before");
        world.callEnters("after");
        world.passes(Duration.ofSeconds(15));
        world.agentAnswers("a1", "before");
        world.engine.judge(SUPPORT, Duration.ofSeconds(10));
        world.agentAnswers("a2", "after");

        assertThat(world.queue().threshold()).isEqualTo(Duration.ofSeconds(10));
        assertThat(world.support(LAST_15_MINUTES).answeredWithinThreshold()).isEqualTo(1);
    }

    @Test
    void a_queue_shows_the_target_it_was_given_and_eighty_percent_until_then() {
        assertThat(world.queue().target()).isEqualTo(0.8);

        world.engine.judge(SUPPORT, Duration.ofSeconds(30), 0.9);

        assertThat(world.queue().target()).isEqualTo(0.9);
        assertThat(world.queue().threshold()).isEqualTo(Duration.ofSeconds(30));
        world.callEnters("c1");
        assertThat(world.engine.queues()).singleElement().extracting(QueueKpis::target).isEqualTo(0.9);
    }

    @Test
    void a_target_outside_zero_to_one_is_refused_naming_it() {
        assertThatThrownBy(
                () -> world.engine.judge(SUPPORT, Duration.ofSeconds(30), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target");
    }

    @Test
    void a_caller_already_waiting_when_counting_began_waits_but_is_not_offered_until_answered() {
        world.engine.alreadyWaiting(SUPPORT, CallId.of("earlier"), NINE.minusSeconds(50));

        assertThat(world.queue().waiting()).isEqualTo(1);
        assertThat(world.queue().longestWait()).isEqualTo(Duration.ofSeconds(50));
        assertThat(world.support(SINCE_MIDNIGHT).offered()).isZero();

        world.engine.onJournal(new JournalEntry.Connected(CallId.of("earlier"), SUPPORT, NINE,
                AgentId.of("a1"), LegId.of("earlier-a1"), Duration.ofSeconds(50),
                Duration.ofSeconds(2)));
        assertThat(world.queue().waiting()).isZero();
        assertThat(world.support(SINCE_MIDNIGHT).answered()).isEqualTo(1);
    }

    @Test
    void calls_waiting_and_the_longest_wait_follow_entries_answers_and_abandons() {
        world.callEnters("first");
        world.passes(Duration.ofSeconds(30));
        world.callEnters("second");
        world.passes(Duration.ofSeconds(10));

        assertThat(world.queue().waiting()).isEqualTo(2);
        assertThat(world.queue().longestWait()).isEqualTo(Duration.ofSeconds(40));

        world.agentAnswers("a1", "first");
        assertThat(world.queue().waiting()).isEqualTo(1);
        assertThat(world.queue().longestWait()).isEqualTo(Duration.ofSeconds(10));

        world.callerHangsUpWaiting("second");
        assertThat(world.queue().waiting()).isZero();
        assertThat(world.queue().longestWait()).isZero();
    }

    @Test
    void a_call_leaves_the_15_minute_window_after_15_minutes_and_the_hour_after_an_hour() {
        world.callEnters("c1");

        world.passes(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(world.support(LAST_15_MINUTES).offered()).isEqualTo(1);
        world.passes(Duration.ofSeconds(1));
        assertThat(world.support(LAST_15_MINUTES).offered()).isZero();
        assertThat(world.support(LAST_60_MINUTES).offered()).isEqualTo(1);

        world.passes(Duration.ofMinutes(45));
        assertThat(world.support(LAST_60_MINUTES).offered()).isZero();
        assertThat(world.support(SINCE_MIDNIGHT).offered()).isEqualTo(1);
    }

    @Test
    void a_bucket_reused_an_hour_later_holds_only_the_new_minute() {
        world.callEnters("old");
        world.passes(Duration.ofMinutes(60));
        world.callEnters("new");

        assertThat(world.support(LAST_15_MINUTES).offered()).isEqualTo(1);
        assertThat(world.support(LAST_60_MINUTES).offered()).isEqualTo(1);
        assertThat(world.support(SINCE_MIDNIGHT).offered()).isEqualTo(2);
    }

    @Test
    void since_midnight_starts_again_at_midnight_in_the_configured_zone() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        KpiWorld late = new KpiWorld(Instant.parse("2026-11-24T22:50:00Z"), KpiSettings.defaults().inZone(paris));
        late.callEnters("before-midnight-in-paris");
        late.passes(Duration.ofMinutes(5));
        assertThat(late.support(SINCE_MIDNIGHT).offered()).isEqualTo(1);

        late.passes(Duration.ofMinutes(5));
        assertThat(late.support(SINCE_MIDNIGHT).offered()).isZero();
        assertThat(late.support(LAST_15_MINUTES).offered()).isEqualTo(1);

        late.callEnters("after-midnight-in-paris");
        assertThat(late.support(SINCE_MIDNIGHT).offered()).isEqualTo(1);
    }

    @Test
    void midnight_in_utc_is_the_default() {
        KpiWorld late = new KpiWorld(Instant.parse("2026-11-24T23:59:30Z"));
        late.callEnters("yesterday");
        late.passes(Duration.ofSeconds(40));
        late.callEnters("today");

        assertThat(late.support(SINCE_MIDNIGHT).offered()).isEqualTo(1);
        assertThat(late.support(LAST_15_MINUTES).offered()).isEqualTo(2);
    }

    @Test
    void a_caller_who_calls_again_within_24_hours_is_a_repeat_caller_and_one_a_day_later_is_not() {
        world.callEnters("monday", SUPPORT, "+4930555123");
        world.passes(Duration.ofHours(23));
        world.callEnters("monday-evening", SUPPORT, "+4930555123");
        world.callEnters("someone-else", SUPPORT, "+4930555999");
        assertThat(world.support(LAST_15_MINUTES).repeatCallers()).isEqualTo(1);
        world.passes(Duration.ofHours(24).plusSeconds(1));
        world.callEnters("two-days-later", SUPPORT, "+4930555123");

        assertThat(world.support(SINCE_MIDNIGHT).repeatCallers()).isZero();
        assertThat(world.support(LAST_15_MINUTES).offered()).isEqualTo(1);
        assertThat(world.support(LAST_15_MINUTES).repeatCallers()).isZero();
    }

    @Test
    void the_second_call_from_the_same_number_on_the_same_day_counts_as_a_repeat() {
        world.callEnters("first", SUPPORT, "+4930555123");
        world.passes(Duration.ofMinutes(30));
        world.callEnters("again", SUPPORT, "+4930555123");

        assertThat(world.support(SINCE_MIDNIGHT).repeatCallers()).isEqualTo(1);
        assertThat(world.support(LAST_15_MINUTES).repeatCallers()).isEqualTo(1);
    }

    @Test
    void handle_time_is_talk_plus_wrap_up_and_counts_when_the_agent_leaves_wrap_up() {
        world.agentIs("a1", AgentState.AVAILABLE);
        world.callEnters("c1");
        world.agentIs("a1", AgentState.RESERVED);
        world.passes(Duration.ofSeconds(5));
        world.agentAnswers("a1", "c1");
        world.agentIs("a1", AgentState.ON_CALL);
        world.passes(Duration.ofSeconds(120));
        world.agentIs("a1", AgentState.WRAP_UP);
        world.conversationEnds("a1", "c1", Duration.ofSeconds(120));
        assertThat(world.support(LAST_15_MINUTES).handled()).isZero();

        world.passes(Duration.ofSeconds(30));
        world.agentIs("a1", AgentState.AVAILABLE);

        assertThat(world.support(LAST_15_MINUTES).handled()).isEqualTo(1);
        assertThat(world.support(LAST_15_MINUTES).averageHandleTime()).hasValue(Duration.ofSeconds(150));
        assertThat(world.agent("a1", LAST_15_MINUTES).averageHandleTime()).hasValue(Duration.ofSeconds(150));
    }

    @Test
    void a_call_that_ends_after_the_agent_is_already_available_is_handled_at_once_with_its_talk_time() {
        world.agentIs("a1", AgentState.AVAILABLE);
        world.conversationEnds("a1", "c1", Duration.ofSeconds(90));

        assertThat(world.support(LAST_15_MINUTES).averageHandleTime()).hasValue(Duration.ofSeconds(90));
    }

    @Test
    void a_queue_nobody_called_has_zero_figures_and_empty_ratios() {
        QueueKpis quiet = world.engine.queue(QueueId.of("nobody-called"));

        assertThat(quiet.waiting()).isZero();
        assertThat(quiet.windows().get(SINCE_MIDNIGHT).offered()).isZero();
        assertThat(quiet.windows().get(SINCE_MIDNIGHT).serviceLevel()).isEmpty();
        assertThat(world.engine.queues()).isEmpty();
    }

    @Test
    void a_caller_who_times_out_and_overflows_is_in_no_ratio_of_the_first_queue_and_offered_in_the_second() {
        QueueId sales = QueueId.of("sales");
        world.callEnters("overflowing");
        world.callEnters("answered");
        world.agentAnswers("a1", "answered");
        world.passes(Duration.ofSeconds(60));

        world.engine.onJournal(new JournalEntry.Exited(CallId.of("overflowing"), KpiWorld.SUPPORT,
                world.clock.instant(), LegId.of("overflowing"), ExitReason.TIMEOUT, new QueueExit.Overflow(sales),
                1, 1, Duration.ofSeconds(60)));
        world.engine.onJournal(new JournalEntry.Overflowed(CallId.of("overflowing"), sales, world.clock.instant(),
                KpiWorld.SUPPORT, LegId.of("overflowing"), Optional.empty(), 1));

        QueueFigures support = world.support(LAST_15_MINUTES);
        assertThat(support.offered()).isEqualTo(2);
        assertThat(support.answered()).isEqualTo(1);
        assertThat(support.abandoned()).isZero();
        assertThat(support.serviceLevel()).as("the exit is in no ratio").hasValue(1.0);
        assertThat(world.queue().waiting()).isZero();
        QueueKpis other = world.engine.queue(sales);
        assertThat(other.windows().get(LAST_15_MINUTES).offered()).isEqualTo(1);
        assertThat(other.waiting()).isEqualTo(1);
    }
}
