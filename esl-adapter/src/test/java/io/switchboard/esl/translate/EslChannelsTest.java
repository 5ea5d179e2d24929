package io.switchboard.esl.translate;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The count of live channels per call behind {@link EslChannels#expectAgentLeg}. */
class EslChannelsTest {

    private static final String CALLER = "8c8b7a2e-0000-4000-8000-000000000001";
    private static final String PHONE = "8c8b7a2e-0000-4000-8000-000000000002";
    private static final LegId CHOSEN = LegId.of("fs1/agent-leg-7");
    private final EslChannels channels = new EslChannels(PbxId.of("fs1"));
    private final CallId call = channels.callOf(CALLER);

    @Test
    void an_expectation_is_kept_while_a_channel_of_the_call_is_live() {
        channels.appeared(CALLER, Optional.empty(), false);
        channels.markRinging(CALLER);
        channels.markAnswered(CALLER);

        channels.expectAgentLeg(call, CHOSEN);

        assertThat(channels.agentLegs().expects(call)).isTrue();
    }

    @Test
    void a_call_whose_channels_all_ended_keeps_no_expectation() {
        channels.appeared(CALLER, Optional.empty(), false);
        channels.appeared(PHONE, Optional.of(CALLER), true);
        channels.end(CALLER);
        channels.expectAgentLeg(call, CHOSEN);
        assertThat(channels.agentLegs().expects(call)).as("the agent's phone is still up").isTrue();

        channels.end(PHONE);
        channels.end(PHONE);
        channels.expectAgentLeg(call, CHOSEN);

        assertThat(channels.agentLegs().expects(call)).isFalse();
    }

    @Test
    void a_channel_that_joins_another_call_counts_under_that_call_only() {
        String other = "8c8b7a2e-0000-4000-8000-000000000003";
        channels.appeared(other, Optional.empty(), false);
        channels.appeared(CALLER, Optional.empty(), false);
        channels.appearedForCall(PHONE, other, CHOSEN, true);
        channels.end(other);

        channels.expectAgentLeg(channels.callOf(other), CHOSEN);

        assertThat(channels.agentLegs().expects(channels.callOf(other))).as("the ring leg is still up").isTrue();
        channels.end(PHONE);
        channels.expectAgentLeg(channels.callOf(other), CHOSEN);
        assertThat(channels.agentLegs().expects(channels.callOf(other))).isFalse();
        channels.expectAgentLeg(call, CHOSEN);
        assertThat(channels.agentLegs().expects(call)).isTrue();
    }
}
