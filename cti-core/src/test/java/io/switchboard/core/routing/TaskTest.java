package io.switchboard.core.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.fixtures.Tasks;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.lifecycle.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.switchboard.core.fixtures.Tasks.CREATED;
import static io.switchboard.core.fixtures.Tasks.inboundCall;
import static io.switchboard.core.fixtures.Tasks.inboundCallIn;
import static io.switchboard.core.routing.TaskStatus.ASSIGNED;
import static io.switchboard.core.routing.TaskStatus.CANCELED;
import static io.switchboard.core.routing.TaskStatus.COMPLETED;
import static io.switchboard.core.routing.TaskStatus.PENDING;
import static io.switchboard.core.routing.TaskStatus.RESERVED;
import static io.switchboard.core.routing.TaskStatus.WRAPPING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TaskTest {

    @Test
    void a_new_inbound_call_task_is_pending_in_its_queue() {
        Task task = inboundCall("t1", "billing");

        assertThat(task.status()).isEqualTo(PENDING);
        assertThat(task.queue()).isEqualTo(QueueId.of("billing"));
        assertThat(task.kind().channel()).isEqualTo(io.switchboard.core.agent.Channel.VOICE);
    }

    @Test
    void a_task_goes_pending_reserved_assigned_wrapping_completed() {
        Task completed = inboundCall("t1", "billing").moveTo(RESERVED)
                .map(t -> t.moveTo(ASSIGNED).orElseThrow())
                .map(t -> t.moveTo(WRAPPING).orElseThrow())
                .map(t -> t.moveTo(COMPLETED).orElseThrow())
                .orElseThrow();

        assertThat(completed.status()).isEqualTo(COMPLETED);
        assertThat(completed.status().isFinal()).isTrue();
    }

    @Test
    void a_reservation_that_falls_through_puts_the_task_back_to_pending() {
        assertThat(inboundCallIn(RESERVED).moveTo(PENDING).orElseThrow().status()).isEqualTo(PENDING);
    }

    @Test
    void a_caller_who_hangs_up_while_reserved_cancels_the_task() {
        assertThat(inboundCallIn(RESERVED).moveTo(CANCELED).isMoved()).isTrue();
    }

    @Test
    void an_assigned_task_cannot_be_canceled_it_completes() {
        assertThat(inboundCallIn(ASSIGNED).moveTo(CANCELED))
                .isEqualTo(new Transition.Illegal<Task>("TaskStatus", ASSIGNED, CANCELED));
    }

    @ParameterizedTest(name = "a {0} task cannot move any more")
    @EnumSource(names = {"COMPLETED", "CANCELED"})
    void final_statuses_do_not_move(TaskStatus finalStatus) {
        for (TaskStatus next : TaskStatus.values()) {
            assertThat(inboundCallIn(finalStatus).moveTo(next).isMoved()).as("-> %s", next).isFalse();
        }
    }

    @Test
    void exactly_these_moves_are_legal() {
        Set<String> legal = Set.of("PENDING>RESERVED", "PENDING>CANCELED", "RESERVED>ASSIGNED",
                "RESERVED>PENDING", "RESERVED>CANCELED", "ASSIGNED>WRAPPING", "ASSIGNED>COMPLETED",
                "WRAPPING>COMPLETED");
        for (TaskStatus from : EnumSet.allOf(TaskStatus.class)) {
            for (TaskStatus to : EnumSet.allOf(TaskStatus.class)) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(legal.contains(from + ">" + to));
            }
        }
    }

    @Test
    void an_inbound_call_task_needs_its_call_and_an_outbound_task_needs_a_number() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Task(TaskId.of("t1"), TaskKind.INBOUND_CALL, PENDING, 0, QueueId.of("q"),
                        Optional.empty(), Optional.empty(), CREATED, Map.of()))
                .withMessageContaining("call");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Task(TaskId.of("t1"), TaskKind.CALLBACK, PENDING, 0, QueueId.of("q"),
                        Optional.empty(), Optional.empty(), CREATED, Map.of()))
                .withMessageContaining("customer");
    }

    @Test
    void an_inbound_call_may_have_a_withheld_caller() {
        Task task = Task.inboundCall(TaskId.of("t1"), CallId.of("c1"), Optional.empty(), QueueId.of("q"),
                0, CREATED, Map.of());

        assertThat(task.customer()).isEmpty();
    }

    @Test
    void a_task_rejects_a_negative_priority_naming_it() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Task.outbound(TaskId.of("t1"), TaskKind.DIALER_LEAD,
                        new PhoneNumber("+442079460018"), QueueId.of("q"), -1, CREATED, Map.of()))
                .withMessageContaining("priority");
    }

    @Test
    void a_task_keeps_an_immutable_copy_of_its_attributes() {
        Map<String, String> attributes = new HashMap<>(Map.of("language", "fr"));
        Task task = Task.inboundCall(TaskId.of("t1"), CallId.of("c1"), Optional.empty(), QueueId.of("q"),
                0, CREATED, attributes);

        attributes.put("vip", "true");

        assertThat(task.attributes()).containsOnlyKeys("language");
    }

    @Test
    void escalation_moves_the_task_to_another_queue_at_another_priority_and_keeps_its_age() {
        Task escalated = inboundCall("t1", "billing").escalatedTo(QueueId.of("billing-overflow"), 5);

        assertThat(escalated.queue()).isEqualTo(QueueId.of("billing-overflow"));
        assertThat(escalated.priority()).isEqualTo(5);
        assertThat(escalated.age(Tasks.CREATED.plusSeconds(40))).isEqualTo(Duration.ofSeconds(40));
    }
}
