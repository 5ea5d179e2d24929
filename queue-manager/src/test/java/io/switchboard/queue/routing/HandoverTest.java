package io.switchboard.queue.routing;

import io.switchboard.core.id.LegId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.switchboard.queue.routing.Handover.Fate.ABANDONED;
import static io.switchboard.queue.routing.Handover.Fate.ANSWERED;
import static io.switchboard.queue.routing.Handover.Fate.COMPLETED;
import static io.switchboard.queue.routing.Handover.Fate.RINGS;
import static io.switchboard.queue.routing.Handover.Fate.RING_LOST;
import static io.switchboard.queue.routing.Handover.Fate.TALKS;
import static io.switchboard.queue.routing.Handover.Fate.WAITS;
import static org.assertj.core.api.Assertions.assertThat;

class HandoverTest {

    private static final LegId CALLER = LegId.of("pbx1/1.1");
    private static final LegId RUNG = LegId.of("pbx1/1.1-agent-1");
    private static final LegId OTHER = LegId.of("pbx1/2.1");

    @Test
    void a_caller_still_on_the_pbx_without_an_agent_waits() {
        assertThat(Handover.fate(CALLER, List.of(), false, Set.of(CALLER, OTHER), Set.of())).isEqualTo(WAITS);
    }

    @Test
    void a_caller_gone_before_an_agent_answered_abandoned_whether_rung_or_not() {
        assertThat(Handover.fate(CALLER, List.of(), false, Set.of(OTHER), Set.of())).isEqualTo(ABANDONED);
        assertThat(Handover.fate(CALLER, List.of(RUNG), false, Set.of(RUNG), Set.of())).isEqualTo(ABANDONED);
    }

    @Test
    void a_ring_whose_agent_leg_is_still_up_goes_on_and_one_whose_leg_is_gone_was_lost() {
        assertThat(Handover.fate(CALLER, List.of(RUNG), false, Set.of(CALLER, RUNG), Set.of())).isEqualTo(RINGS);
        assertThat(Handover.fate(CALLER, List.of(RUNG), false, Set.of(CALLER), Set.of())).isEqualTo(RING_LOST);
        assertThat(Handover.fate(CALLER, List.of(RUNG, OTHER), false, Set.of(CALLER, OTHER), Set.of())).isEqualTo(RINGS);
    }

    @Test
    void a_connected_call_talks_while_the_caller_is_there_and_completed_once_they_are_not() {
        assertThat(Handover.fate(CALLER, List.of(RUNG), true, Set.of(CALLER), Set.of())).isEqualTo(TALKS);
        assertThat(Handover.fate(CALLER, List.of(RUNG), true, Set.of(RUNG), Set.of())).isEqualTo(COMPLETED);
        assertThat(Handover.fate(CALLER, List.of(RUNG), true, Set.of(), Set.of())).isEqualTo(COMPLETED);
    }

    @Test
    void a_caller_the_pbx_lists_talking_though_no_answer_was_recorded_was_connected_while_nobody_owned_the_pbx() {
        assertThat(Handover.fate(CALLER, List.of(RUNG), false, Set.of(CALLER, OTHER), Set.of(CALLER, OTHER)))
                .isEqualTo(ANSWERED);
        assertThat(Handover.fate(CALLER, List.of(RUNG), false, Set.of(CALLER, RUNG), Set.of()))
                .as("the caller on hold, the agent's phone still ringing").isEqualTo(RINGS);
        assertThat(Handover.fate(CALLER, List.of(RUNG), true, Set.of(CALLER, OTHER), Set.of(CALLER, OTHER)))
                .as("already recorded connected").isEqualTo(TALKS);
        assertThat(Handover.fate(CALLER, List.of(), false, Set.of(CALLER, OTHER), Set.of(CALLER, OTHER)))
                .as("nobody rung: not ours to record").isEqualTo(WAITS);
        assertThat(Handover.fate(CALLER, List.of(RUNG), false, Set.of(OTHER), Set.of(OTHER)))
                .as("the caller gone").isEqualTo(ABANDONED);
    }
}
