package io.switchboard.queue.state;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompareAndSetTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00.123456789Z");

    @Test
    void an_agent_never_seen_counts_as_version_zero_and_is_stored() {
        StoredStatus available = stored(AgentState.AVAILABLE, 1);
        Map.Entry<String, StoredStatus> entry = new AbstractMap.SimpleEntry<>("a1", null);

        CompareAndSet.Outcome outcome = new CompareAndSet(0, available).process(entry);

        assertThat(outcome.stored()).isTrue();
        assertThat(entry.getValue()).isEqualTo(available);
    }

    @Test
    void a_stale_version_is_refused_and_the_entry_left_as_it_was() {
        StoredStatus reserved = stored(AgentState.RESERVED, 2);
        Map.Entry<String, StoredStatus> entry = new AbstractMap.SimpleEntry<>("a1", reserved);

        CompareAndSet.Outcome outcome = new CompareAndSet(1, stored(AgentState.RESERVED, 2)).process(entry);

        assertThat(outcome.stored()).isFalse();
        assertThat(outcome.current()).isEqualTo(reserved);
        assertThat(entry.getValue()).isSameAs(reserved);
    }

    @Test
    void a_stored_status_reads_back_exactly_including_reason_and_nanoseconds() {
        AgentStatus paused = AgentStatus.initial(T0).moveTo(AgentState.PAUSED,
                io.switchboard.core.agent.ReasonCode.of("lunch"), T0).orElseThrow();

        assertThat(StoredStatus.of(paused).toStatus()).isEqualTo(paused);
    }

    private static StoredStatus stored(AgentState state, long version) {
        return StoredStatus.of(new AgentStatus(state, java.util.Optional.empty(), T0, version));
    }
}
