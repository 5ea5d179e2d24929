package io.switchboard.esl.translate;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring leg ({@code ringAgentLeg}): a channel Switchboard originated on its own, tied to the customer's call by
 * {@code switchboard_ring_call} and named by {@code switchboard_ring_leg}.
 */
class RingLegChannelsTest {

    private static final String CUSTOMER = "7ed41449-9950-42b2-9f65-d23a4a4fca7f";
    private static final String AGENT = "0b7c1f7e-5a7e-4e57-9b0e-2c1d6c1b9a01";
    private static final LegId RING_LEG = LegId.of("fs1/" + CUSTOMER + "-agent-1");

    private final EslChannels channels = new EslChannels(PbxId.of("fs1"));

    @Test
    void a_ring_leg_belongs_to_its_customers_call_under_the_leg_id_given() {
        channels.appeared(CUSTOMER, Optional.empty(), false);

        TrackedLeg leg = channels.appearedForCall(AGENT, CUSTOMER, RING_LEG, true).orElseThrow();

        assertThat(leg.call()).isEqualTo(CallId.of("fs1/" + CUSTOMER));
        assertThat(leg.leg()).isEqualTo(RING_LEG);
        assertThat(channels.uuidOf(RING_LEG)).hasValue(AGENT);
        assertThat(channels.appearedForCall(AGENT, CUSTOMER, RING_LEG, true)).as("tracked once").hasValue(leg);
    }

    @Test
    void a_ring_leg_whose_customer_is_gone_is_a_call_of_its_own() {
        TrackedLeg leg = channels.appearedForCall(AGENT, CUSTOMER, RING_LEG, true).orElseThrow();

        assertThat(leg.call()).isEqualTo(CallId.of("fs1/" + AGENT));
        assertThat(leg.leg()).isEqualTo(LegId.of("fs1/" + AGENT));
    }
}
