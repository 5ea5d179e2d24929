package io.switchboard.ami.channel;

import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ring leg ({@code ringAgentLeg}): an Originate'd channel whose Linkedid is its own (it was not dialled from
 * the customer) still belongs to the customer's call, under the leg id call control gave it.
 */
class RingLegRegistryTest {

    private static final String CUSTOMER_1 = "Local/s@hold-00000000;1";
    private static final String CUSTOMER_2 = "Local/s@hold-00000000;2";
    private static final LegId RING_LEG = LegId.of("pbx1/100.1-agent-1");

    private final ChannelRegistry registry = new ChannelRegistry(PbxId.of("pbx1"),
            Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void an_originated_ring_leg_belongs_to_the_customers_call_under_the_leg_id_given_and_names_its_customer() {
        CallId call = customerOnHold();
        registry.expectRingLeg(call, RING_LEG, "100.1-agent-1");

        ChannelSnapshot agent = registry.opened(ChannelSnapshot.of("SIP/1001-00000002", "100.1-agent-1",
                "100.1-agent-1", "default", "s", "Down"));

        assertThat(agent.callId()).hasValue(call);
        assertThat(registry.legOf("100.1-agent-1")).hasValue(RING_LEG);
        assertThat(registry.channelOf(call, RING_LEG)).hasValue("SIP/1001-00000002");
        assertThat(registry.ringCustomerOf("100.1-agent-1")).as("the channel call control bridges").hasValue("100.1");
        assertThat(registry.channelOf(call)).as("the call's own channel is still the customer's").hasValue(CUSTOMER_2);
    }

    @Test
    void a_channel_that_is_no_ring_leg_is_a_call_of_its_own_with_no_customer() {
        customerOnHold();

        ChannelSnapshot other = registry.opened(ChannelSnapshot.of("SIP/1002-00000003", "200.0", "200.0", "default",
                "s", "Down"));

        assertThat(other.callId()).hasValue(CallId.of("pbx1/200.0"));
        assertThat(registry.ringCustomerOf("200.0")).isEmpty();
    }

    private CallId customerOnHold() {
        registry.opened(ChannelSnapshot.of(CUSTOMER_1, "100.0", "100.0", "caller", "s", "Up"));
        registry.opened(ChannelSnapshot.of(CUSTOMER_2, "100.1", "100.0", "hold", "s", "Up"));
        return registry.announce("100.1").orElseThrow();
    }
}
