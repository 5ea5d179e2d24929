package io.switchboard.core.call;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.lifecycle.Transition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CallTest {

    private static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");
    private static final PbxId PBX = PbxId.of("asterisk-1");
    private static final PhoneNumber CALLER = new PhoneNumber("+442079460018");
    private static final PhoneNumber DID = new PhoneNumber("+442079460999");

    @Test
    void an_inbound_call_starts_with_the_customer_leg_answered_and_on_hold() {
        Call call = Call.inbound(CallId.of("c1"), PBX, Optional.of(CALLER), DID, LegId.of("l1"), NINE);

        assertThat(call.direction()).isEqualTo(CallDirection.INBOUND);
        assertThat(call.customerLeg()).get()
                .satisfies(leg -> assertThat(leg.state()).isEqualTo(LegState.ANSWERED))
                .satisfies(leg -> assertThat(leg.answered()).contains(NINE));
        assertThat(call.isEnded()).isFalse();
    }

    @Test
    void an_agent_leg_rings_is_answered_and_hangs_up() {
        CallLeg dialing = CallLeg.dialing(LegId.of("l2"), LegRole.AGENT, Optional.of(AgentId.of("a1")), NINE);

        CallLeg ended = dialing.ringing()
                .map(leg -> leg.answered(NINE.plusSeconds(5)).orElseThrow())
                .map(leg -> leg.ended(HangupCause.NORMAL_CLEARING, NINE.plusSeconds(65)).orElseThrow())
                .orElseThrow();

        assertThat(ended.state()).isEqualTo(LegState.ENDED);
        assertThat(ended.answered()).contains(NINE.plusSeconds(5));
        assertThat(ended.ended()).contains(NINE.plusSeconds(65));
        assertThat(ended.cause()).contains(HangupCause.NORMAL_CLEARING);
        assertThat(ended.isActive()).isFalse();
    }

    @Test
    void an_ended_leg_cannot_be_answered_again() {
        CallLeg ended = CallLeg.answeredCustomer(LegId.of("l1"), NINE)
                .ended(HangupCause.NORMAL_CLEARING, NINE.plusSeconds(1)).orElseThrow();

        assertThat(ended.answered(NINE.plusSeconds(2)))
                .isEqualTo(new Transition.Illegal<CallLeg>("LegState", LegState.ENDED, LegState.ANSWERED));
    }

    @Test
    void an_agent_leg_must_name_its_agent() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CallLeg.dialing(LegId.of("l2"), LegRole.AGENT, Optional.empty(), NINE))
                .withMessageContaining("agent");
    }

    @Test
    void adding_a_leg_with_a_known_id_replaces_it() {
        Call call = Call.inbound(CallId.of("c1"), PBX, Optional.empty(), DID, LegId.of("l1"), NINE);
        CallLeg agentLeg = CallLeg.dialing(LegId.of("l2"), LegRole.AGENT, Optional.of(AgentId.of("a1")), NINE);

        Call ringing = call.withLeg(agentLeg).withLeg(agentLeg.ringing().orElseThrow());

        assertThat(ringing.legs()).hasSize(2);
        assertThat(ringing.leg(LegId.of("l2"))).map(CallLeg::state).contains(LegState.RINGING);
        assertThat(ringing.activeLegs(LegRole.AGENT)).hasSize(1);
    }

    @Test
    void a_call_rejects_two_legs_with_one_id_and_an_end_before_its_start() {
        CallLeg leg = CallLeg.answeredCustomer(LegId.of("l1"), NINE);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Call(CallId.of("c1"), PBX, CallDirection.INBOUND, Optional.empty(),
                        Optional.empty(), List.of(leg, leg), NINE, Optional.empty()))
                .withMessageContaining("legs");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Call(CallId.of("c1"), PBX, CallDirection.INBOUND, Optional.empty(),
                        Optional.empty(), List.of(leg), NINE, Optional.of(NINE.minusSeconds(1))))
                .withMessageContaining("ended");
    }

    @Test
    void hangup_causes_map_from_q850_codes() {
        assertThat(HangupCause.fromQ850(16)).isEqualTo(HangupCause.NORMAL_CLEARING);
        assertThat(HangupCause.fromQ850(19)).isEqualTo(HangupCause.NO_ANSWER);
        assertThat(HangupCause.fromQ850(999)).isEqualTo(HangupCause.OTHER);
    }
}
