package io.switchboard.queue.routing;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadOnDemandTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final ReadOnDemand<String> members = new ReadOnDemand<>(() -> {
        reads.incrementAndGet();
        return List.of("agent-1", "agent-2");
    });

    @Test
    void nothing_is_worked_out_until_the_list_is_read() {
        assertThat(reads).hasValue(0);
    }

    @Test
    void the_source_is_asked_once_however_the_list_is_read() {
        assertThat(members.stream().filter(m -> m.endsWith("2")).toList()).containsExactly("agent-2");
        assertThat(members).hasSize(2).containsExactly("agent-1", "agent-2");
        assertThat(members.get(0)).isEqualTo("agent-1");
        assertThat(members.isEmpty()).isFalse();

        assertThat(reads).hasValue(1);
    }

    @Test
    void the_list_cannot_be_changed() {
        assertThatThrownBy(() -> members.add("agent-3")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(members).containsExactly("agent-1", "agent-2");
    }
}
