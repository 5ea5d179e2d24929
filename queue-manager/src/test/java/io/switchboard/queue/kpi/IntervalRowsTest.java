package io.switchboard.queue.kpi;

import static io.switchboard.queue.kpi.KpiWorld.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalRowsTest {

    private static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

    private final KpiWorld world = new KpiWorld(NINE.plusSeconds(60));

    @Test
    void an_interval_is_handed_out_once_its_fifteen_minutes_are_over_with_the_sums_of_its_calls() {
        world.callEnters("answered");
        world.callEnters("abandoned");
        world.passes(Duration.ofSeconds(12));
        world.agentAnswers("a1", "answered");
        world.callerHangsUpWaiting("abandoned");
        assertThat(world.engine.closedIntervals()).isEmpty();

        world.passes(Duration.ofMinutes(14));
        List<IntervalRow> rows = world.engine.closedIntervals();

        assertThat(rows).containsExactly(new IntervalRow(SUPPORT, NINE, 2, 1, 1, 1, 0, 0, Duration.ofSeconds(12), 0,
                Duration.ZERO));
        assertThat(world.engine.closedIntervals()).isEmpty();
    }

    @Test
    void a_call_in_the_next_interval_closes_the_previous_one() {
        world.callEnters("c1");
        world.passes(Duration.ofMinutes(15));
        world.callEnters("c2");

        List<IntervalRow> rows = world.engine.closedIntervals();
        assertThat(rows).extracting(IntervalRow::start).containsExactly(NINE);
        assertThat(rows).extracting(IntervalRow::offered).containsExactly(1L);
    }

    @Test
    void an_interval_without_calls_is_not_handed_out() {
        world.callEnters("c1");
        world.passes(Duration.ofMinutes(20));
        world.engine.closedIntervals();
        world.passes(Duration.ofMinutes(30));

        assertThat(world.engine.closedIntervals()).isEmpty();
    }

    @Test
    void an_event_dated_inside_an_interval_already_handed_out_counts_in_the_next_one() {
        world.callEnters("c1");
        world.passes(Duration.ofMinutes(14));
        world.engine.closedIntervals();
        world.clock.setTo(NINE.plus(Duration.ofMinutes(14)));
        world.callerHangsUpWaiting("c1");
        world.passes(Duration.ofMinutes(16));

        List<IntervalRow> rows = world.engine.closedIntervals();
        assertThat(rows).extracting(IntervalRow::start).containsExactly(NINE.plus(IntervalRow.LENGTH));
        assertThat(rows).extracting(IntervalRow::abandoned).containsExactly(1L);
    }

    @Test
    void the_open_interval_is_shown_with_its_counts_so_far_and_handed_out_closed_once_it_ends() {
        world.callEnters("c1");
        world.callEnters("c2");
        world.passes(Duration.ofSeconds(12));
        world.agentAnswers("a1", "c1");

        assertThat(world.engine.openIntervals()).containsExactly(new IntervalRow(SUPPORT, NINE, 2, 1, 1, 0, 0, 0,
                Duration.ofSeconds(12), 0, Duration.ZERO));
        assertThat(world.engine.closedIntervals()).isEmpty();

        world.passes(Duration.ofMinutes(14));
        assertThat(world.engine.openIntervals()).isEmpty();
        assertThat(world.engine.closedIntervals()).extracting(IntervalRow::offered).containsExactly(2L);
    }

    @Test
    void the_time_until_the_open_interval_ends_is_counted_from_the_clock() {
        assertThat(world.engine.untilIntervalEnds()).isEqualTo(Duration.ofMinutes(14));
    }
}
