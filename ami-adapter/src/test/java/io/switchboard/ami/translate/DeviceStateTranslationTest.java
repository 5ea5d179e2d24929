package io.switchboard.ami.translate;

import io.switchboard.core.agent.DeviceState;
import io.switchboard.core.event.PbxEvent.AgentDeviceStateChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@code DeviceStateChange}: phones' states reach the router, other devices (Local, Queue, ConfBridge) do not. */
class DeviceStateTranslationTest {

    @Test
    void a_chan_sip_peer_dialled_by_address_is_invalid_which_is_unknown_not_unavailable() {
        // Fixture 10: the customer's chan_sip peer publishes INVALID on every Newstate and Hangup (no callcounter).
        Replay replay = Replay.of("10-outbound-sip-amd-to-agent.ami.txt");

        assertThat(replay.only(AgentDeviceStateChanged.class)).isNotEmpty().allSatisfy(change -> {
            assertThat(change.device()).isEqualTo("SIP/127.0.0.1:5062");
            assertThat(change.state()).isEqualTo(DeviceState.UNKNOWN);
            assertThat(change.pbx()).isEqualTo(Replay.PBX);
        });
        assertThat(replay.translator().skipped()).containsKey("DeviceStateChange(not a phone)");
    }

    @Test
    void local_queue_and_conference_devices_of_the_recordings_yield_nothing() {
        for (String fixture : new String[] {"03-queue-call-answered.ami.txt", "06-hold-redirect-agent-noanswer.ami.txt",
                "07-hold-redirect-agent-busy.ami.txt", "08-nailed-agent-confbridge.ami.txt"}) {
            Replay replay = Replay.of(fixture);
            assertThat(replay.only(AgentDeviceStateChanged.class)).as(fixture).isEmpty();
            assertThat(replay.translator().skipped().get("DeviceStateChange(not a phone)")).as(fixture).isPositive();
        }
    }

    @Test
    void a_pjsip_phone_ringing_then_in_use_then_free_is_reported_with_its_device_as_agents_configure_it() {
        Replay replay = Replay.ofWire(change("PJSIP/1001", "RINGING", "1800000001.250000"),
                change("PJSIP/1001", "INUSE", "1800000002.000000"), change("PJSIP/1001", "ONHOLD", "1800000003.0"),
                change("PJSIP/1001", "RINGINUSE", "1800000004.0"), change("PJSIP/1001", "NOT_INUSE", "1800000005.0"),
                change("SIP/2002", "BUSY", "1800000006.0"), change("SIP/2002", "UNAVAILABLE", "1800000007.0"),
                change("SIP/2002", "UNKNOWN", "1800000008.0"), change("SIP/2002", "INVALID", "1800000009.0"));

        assertThat(replay.only(AgentDeviceStateChanged.class))
                .extracting(AgentDeviceStateChanged::device, AgentDeviceStateChanged::state)
                .containsExactly(tuple("PJSIP/1001", DeviceState.RINGING), tuple("PJSIP/1001", DeviceState.IN_USE),
                        tuple("PJSIP/1001", DeviceState.ON_HOLD), tuple("PJSIP/1001", DeviceState.IN_USE),
                        tuple("PJSIP/1001", DeviceState.IDLE), tuple("SIP/2002", DeviceState.BUSY),
                        tuple("SIP/2002", DeviceState.UNAVAILABLE), tuple("SIP/2002", DeviceState.UNKNOWN),
                        tuple("SIP/2002", DeviceState.UNKNOWN));
        assertThat(replay.events().get(0).at()).isEqualTo(Instant.ofEpochSecond(1_800_000_001L, 250_000_000L));
    }

    @Test
    void only_tech_slash_name_devices_are_phones() {
        assertThat(DeviceStates.isPhone("PJSIP/1001")).isTrue();
        assertThat(DeviceStates.isPhone("SIP/127.0.0.1:5062")).isTrue();
        assertThat(DeviceStates.isPhone("Local/agent1@agents")).isFalse();
        assertThat(DeviceStates.isPhone("CBAnn/agent-1")).isFalse();
        assertThat(DeviceStates.isPhone("Queue:support_pause_Local/agent1@agents")).isFalse();
        assertThat(DeviceStates.isPhone("confbridge:agent-1")).isFalse();
        assertThat(DeviceStates.isPhone("PJSIP/")).isFalse();
    }

    private static String change(String device, String state, String timestamp) {
        return "Event: DeviceStateChange\nPrivilege: call,all\nTimestamp: " + timestamp + "\nDevice: " + device
                + "\nState: " + state;
    }
}
