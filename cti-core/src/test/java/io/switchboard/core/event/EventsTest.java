package io.switchboard.core.event;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.CancelReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class EventsTest {

    private static final PbxId PBX = PbxId.of("asterisk-1");
    private static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void a_call_offered_event_carries_the_caller_the_did_and_the_queue_hint() {
        PbxEvent event = new PbxEvent.CallOffered(PBX, NINE, CallId.of("c1"), LegId.of("l1"),
                Optional.of(new PhoneNumber("+442079460018")), new PhoneNumber("+442079460999"),
                Optional.of(QueueId.of("billing")));

        assertThat(describe(event)).isEqualTo("offered c1 from +4420******18 to billing");
    }

    @Test
    void a_pbx_event_names_its_pbx() {
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.PbxConnected(null, NINE, "Asterisk 20.5.0"))
                .withMessage("pbx must not be null");
    }

    @ParameterizedTest(name = "digit ''{0}'' is rejected")
    @ValueSource(chars = {'x', 'E', ' ', 'a'})
    void dtmf_digits_are_limited_to_the_sixteen_keys(char digit) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PbxEvent.DtmfReceived(PBX, NINE, CallId.of("c1"), LegId.of("l1"), digit))
                .withMessageStartingWith("digit must be one of");
    }

    @Test
    void routing_events_dispatch_with_instanceof_patterns() {
        RoutingEvent event = new RoutingEvent.TaskCanceled(NINE, TaskId.of("t1"), CancelReason.CALLER_ABANDONED);

        String description = event instanceof RoutingEvent.TaskCanceled canceled
                ? canceled.task() + " canceled: " + canceled.reason()
                : "other";

        assertThat(description).isEqualTo("t1 canceled: CALLER_ABANDONED");
    }

    @Test
    void both_event_families_are_sealed() {
        assertThat(PbxEvent.class.isSealed()).isTrue();
        assertThat(PbxEvent.class.getPermittedSubclasses()).hasSize(10);
        assertThat(RoutingEvent.class.isSealed()).isTrue();
        assertThat(RoutingEvent.class.getPermittedSubclasses()).hasSize(10);
    }

    private static String describe(PbxEvent event) {
        if (event instanceof PbxEvent.CallOffered offered) {
            return "offered " + offered.call() + " from " + offered.caller().map(PhoneNumber::toString).orElse("withheld")
                    + " to " + offered.queueHint().map(QueueId::value).orElse("default");
        }
        return event.getClass().getSimpleName();
    }
}
