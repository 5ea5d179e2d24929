package io.switchboard.queue.routing;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.RoutingStrategy;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QueuePositionsTest {

    private static final QueueId SUPPORT = QueueId.of("support");
    private static final QueueId SALES = QueueId.of("sales");
    private final QueuePositions positions = new QueuePositions();

    @Test
    void callers_are_numbered_in_arrival_order_within_their_own_queue() {
        RoutedCall s1 = join("s1", SUPPORT);
        RoutedCall x1 = join("x1", SALES);
        RoutedCall s2 = join("s2", SUPPORT);
        RoutedCall s3 = join("s3", SUPPORT);

        assertThat(positions.waitingIn(SUPPORT)).isEqualTo(3);
        assertThat(positions.waitingIn(SALES)).isEqualTo(1);
        assertThat(positions.position(s1)).isEqualTo(1);
        assertThat(positions.position(s3)).isEqualTo(3);
        assertThat(positions.position(x1)).isEqualTo(1);
        assertThat(positions.position(s2)).isEqualTo(2);
    }

    @Test
    void a_caller_ringing_an_agent_keeps_a_place_but_is_not_counted_and_one_connected_leaves_the_line() {
        RoutedCall s1 = join("s1", SUPPORT);
        RoutedCall s2 = join("s2", SUPPORT);
        RoutedCall s3 = join("s3", SUPPORT);

        s1.moveTo(TaskStatus.RESERVED);
        assertThat(positions.waitingIn(SUPPORT)).isEqualTo(2);
        assertThat(positions.position(s3)).isEqualTo(2);
        s1.moveTo(TaskStatus.PENDING);   // the agent did not answer: back at the head
        assertThat(positions.position(s2)).isEqualTo(2);

        s1.moveTo(TaskStatus.RESERVED);
        s1.moveTo(TaskStatus.ASSIGNED);
        assertThat(positions.position(s2)).isEqualTo(1);
        assertThat(positions.waitingIn(SUPPORT)).isEqualTo(2);
    }

    @Test
    void a_removed_caller_leaves_the_line_and_a_caller_put_again_keeps_their_place() {
        RoutedCall s1 = join("s1", SUPPORT);
        RoutedCall s2 = join("s2", SUPPORT);
        RoutedCall s3 = join("s3", SUPPORT);

        positions.remove(s2);
        positions.put(s1);

        assertThat(positions.position(s1)).isEqualTo(1);
        assertThat(positions.position(s3)).isEqualTo(2);
        assertThat(positions.waitingIn(SUPPORT)).isEqualTo(2);
        assertThat(positions.waitingIn(QueueId.of("empty"))).isZero();
    }

    @Test
    void a_cancelled_caller_is_dropped_at_the_next_count() {
        RoutedCall s1 = join("s1", SUPPORT);
        RoutedCall s2 = join("s2", SUPPORT);

        s1.moveTo(TaskStatus.CANCELED);

        assertThat(positions.position(s2)).isEqualTo(1);
        assertThat(positions.waitingIn(SUPPORT)).isEqualTo(1);
    }

    private RoutedCall join(String call, QueueId queue) {
        Task task = Task.inboundCall(TaskId.of("task-" + call), CallId.of(call), Optional.empty(), queue, 0,
                Instant.parse("2026-11-24T09:00:00Z"), Map.of());
        RoutedCall routed = new RoutedCall(PbxId.of("pbx1"), LegId.of(call + "-caller"),
                TaskQueue.of(queue, queue.value(), RoutingStrategy.LONGEST_IDLE), task, 1);
        positions.put(routed);
        return routed;
    }
}
