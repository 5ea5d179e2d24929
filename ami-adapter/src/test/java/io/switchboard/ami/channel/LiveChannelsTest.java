package io.switchboard.ami.channel;

import io.switchboard.core.id.CallId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveChannelsTest {

    private static final CallId CALL = CallId.of("pbx1/1700000000.1");
    private final LiveChannels live = new LiveChannels();

    @Test
    void a_call_and_a_leg_are_live_while_one_of_their_channels_is() {
        live.put(tracked("Local/s@glue-00000001;1", "1.2", "1.2", CALL));
        live.put(tracked("Local/s@glue-00000001;2", "1.3", "1.2", CALL));

        live.remove("1.2");
        assertThat(live.hasLeg("1.2")).as("the ;2 half is still up").isTrue();
        assertThat(live.hasCall(CALL)).isTrue();

        live.remove("1.3");
        assertThat(live.hasLeg("1.2")).isFalse();
        assertThat(live.hasCall(CALL)).isFalse();
    }

    @Test
    void replacing_a_channel_counts_it_once_under_its_new_call() {
        CallId other = CallId.of("pbx1/1700000000.9");
        TrackedChannel unknown = new TrackedChannel(ChannelSnapshot.of("PJSIP/trunk-00000002", "2.1", "2.1", "", "",
                "Ring"), "2.1");
        live.put(unknown);
        assertThat(live.hasCall(CALL)).isFalse();

        live.put(new TrackedChannel(unknown.snapshot().withCall(CALL), "2.1"));
        live.put(new TrackedChannel(unknown.snapshot().withCall(CALL).withState("Up"), "2.1"));
        assertThat(live.hasCall(CALL)).isTrue();
        live.put(new TrackedChannel(unknown.snapshot().withCall(other), "2.1"));
        assertThat(live.hasCall(CALL)).as("the channel moved to another call").isFalse();
        assertThat(live.hasCall(other)).isTrue();

        live.remove("2.1");
        assertThat(live.hasCall(other)).isFalse();
        assertThat(live.hasLeg("2.1")).isFalse();
        assertThat(live.all()).isEmpty();
    }

    @Test
    void removing_an_unknown_channel_twice_or_clearing_leaves_nothing_counted() {
        live.put(tracked("PJSIP/trunk-00000003", "3.1", "3.1", CALL));
        live.remove("3.1");
        live.remove("3.1");
        live.remove("nobody");
        assertThat(live.hasCall(CALL)).isFalse();

        live.put(tracked("PJSIP/trunk-00000004", "4.1", "4.1", CALL));
        live.clear();
        assertThat(live.hasCall(CALL)).isFalse();
        assertThat(live.hasLeg("4.1")).isFalse();
    }

    private static TrackedChannel tracked(String name, String uniqueid, String leg, CallId call) {
        return new TrackedChannel(ChannelSnapshot.of(name, uniqueid, uniqueid, "", "", "Up").withCall(call), leg);
    }
}
