package io.switchboard.core.event;

import io.switchboard.core.call.Did;
import io.switchboard.core.call.HoldReason;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsTest {

    private static final PbxId PBX = PbxId.of("asterisk-1");
    private static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    @Test
    void a_call_offered_event_carries_the_caller_the_did_and_the_queue_hint() {
        PbxEvent event = new PbxEvent.CallOffered(PBX, NINE, CallId.of("c1"), LegId.of("l1"),
                Optional.of(new PhoneNumber("+442079460018")), Did.of("+442079460999"),
                Optional.of(new PhoneNumber("+442079460999")), Optional.of(QueueId.of("billing")));

        assertThat(describe(event)).isEqualTo("offered c1 from +4420******18 to billing");
    }

    @Test
    void a_call_to_an_internal_extension_is_offered_with_its_did_and_no_public_number() {
        PbxEvent.CallOffered offered = new PbxEvent.CallOffered(PBX, NINE, CallId.of("c1"), LegId.of("l1"),
                Optional.empty(), Did.of("100"), Optional.empty(), Optional.empty());

        assertThat(offered.dialled().value()).isEqualTo("100");
        assertThat(offered.dialledNumber()).isEmpty();
    }

    @Test
    void a_call_offered_event_needs_a_did_and_says_whether_it_is_a_public_number() {
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.CallOffered(PBX, NINE, CallId.of("c1"), LegId.of("l1"),
                        Optional.empty(), null, Optional.empty(), Optional.empty()))
                .withMessage("dialled must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.CallOffered(PBX, NINE, CallId.of("c1"), LegId.of("l1"),
                        Optional.empty(), Did.of("100"), null, Optional.empty()))
                .withMessage("dialledNumber must not be null");
    }

    @Test
    void a_caller_back_on_hold_says_why_and_may_name_the_failed_agent_leg() {
        PbxEvent.CallReturnedToHold back = new PbxEvent.CallReturnedToHold(PBX, NINE, CallId.of("c1"),
                Optional.of(LegId.of("agent-leg")), HoldReason.NO_ANSWER);

        assertThat(back.leg()).contains(LegId.of("agent-leg"));
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.CallReturnedToHold(PBX, NINE, CallId.of("c1"), Optional.empty(), null))
                .withMessage("reason must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.CallReturnedToHold(PBX, NINE, CallId.of("c1"), null, HoldReason.BUSY))
                .withMessage("leg must not be null");
    }

    @Test
    void a_connected_call_names_the_customer_leg_and_the_agent_leg() {
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.CallConnected(PBX, NINE, CallId.of("c1"), LegId.of("l1"), null))
                .withMessage("agentLeg must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.CallConnected(PBX, NINE, CallId.of("c1"), null, LegId.of("a1")))
                .withMessage("leg must not be null");
    }

    @Test
    void agent_logins_and_sessions_name_the_agent_and_the_device_or_leg() {
        assertThat(new PbxEvent.AgentLoggedIn(PBX, NINE, AgentId.of("a1"), "PJSIP/1001", true).nailed()).isTrue();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PbxEvent.AgentLoggedIn(PBX, NINE, AgentId.of("a1"), " ", false))
                .withMessage("device must not be blank");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PbxEvent.AgentLoggedOut(PBX, NINE, AgentId.of("a1"), ""))
                .withMessage("device must not be blank");
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.AgentSessionOpened(PBX, NINE, null, LegId.of("l1")))
                .withMessage("agent must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new PbxEvent.AgentSessionClosed(PBX, NINE, AgentId.of("a1"), null))
                .withMessage("leg must not be null");
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
    void a_callback_request_takes_a_key_a_caller_can_press_and_no_letter_key() {
        PbxEvent.CallbackRequested star = new PbxEvent.CallbackRequested(PBX, NINE, CallId.of("c1"), LegId.of("l1"),
                '*', Optional.empty());
        assertThat(star.digit()).isEqualTo('*');
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PbxEvent.CallbackRequested(PBX, NINE, CallId.of("c1"), LegId.of("l1"), 'A',
                        Optional.empty()))
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
    void a_resync_keeps_its_own_copy_of_the_live_legs() {
        java.util.Set<LegId> listed = new java.util.HashSet<>(java.util.Set.of(LegId.of("asterisk-1/1.1")));

        PbxEvent.PbxResynced resynced = new PbxEvent.PbxResynced(PBX, NINE, listed);
        listed.add(LegId.of("asterisk-1/1.2"));

        assertThat(resynced.liveLegs()).containsExactly(LegId.of("asterisk-1/1.1"));
        assertThatThrownBy(() -> new PbxEvent.PbxResynced(PBX, NINE, null)).hasMessageContaining("liveLegs");
    }

    @Test
    void a_resync_names_talking_legs_among_the_live_ones_only() {
        LegId caller = LegId.of("asterisk-1/1.1");
        LegId agent = LegId.of("asterisk-1/1.2");

        PbxEvent.PbxResynced resynced = new PbxEvent.PbxResynced(PBX, NINE, java.util.Set.of(caller, agent),
                java.util.Set.of(agent));

        assertThat(resynced.talkingLegs()).containsExactly(agent);
        assertThat(new PbxEvent.PbxResynced(PBX, NINE, java.util.Set.of(caller)).talkingLegs()).isEmpty();
        assertThatThrownBy(() -> new PbxEvent.PbxResynced(PBX, NINE, java.util.Set.of(caller), java.util.Set.of(agent)))
                .hasMessageContaining("talkingLegs");
    }

    @Test
    void both_event_families_are_sealed() {
        assertThat(PbxEvent.class.isSealed()).isTrue();
        assertThat(PbxEvent.class.getPermittedSubclasses()).hasSize(22);
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
