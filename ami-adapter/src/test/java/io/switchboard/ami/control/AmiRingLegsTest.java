package io.switchboard.ami.control;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.port.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static io.switchboard.ami.control.Wire.fields;
import static io.switchboard.ami.control.Wire.result;
import static org.assertj.core.api.Assertions.assertThat;

/** Several agent legs for one caller over AMI: each originated into Wait, the first to answer bridged. */
class AmiRingLegsTest {

    private static final PbxId PBX = PbxId.of("pbx1");
    private static final String CUSTOMER = "Local/s@hold-00000000;2";
    private static final String CALL = "pbx1/1700000000.0";
    private static final LegId FIRST = LegId.of(CALL + "-agent-1");
    private static final LegId SECOND = LegId.of(CALL + "-agent-2");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final RecordingSender sender = new RecordingSender();
    private final RecordingRingChannels channels = new RecordingRingChannels();
    private final AmiCallControl control = new AmiCallControl(PBX, sender, channels, "PJSIP/{number}@trunk",
            "from-switchboard-transfer", timer, Runnable::run, Duration.ofSeconds(2));

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void each_agent_is_originated_into_wait_with_the_leg_as_channel_id_announced_to_the_channels_first()
            throws Exception {
        assertThat(control.ringsSeveralLegs()).isTrue();

        assertThat(result(control.ringAgentLeg(CallId.of(CALL), FIRST, "PJSIP/1001", Duration.ofSeconds(15))))
                .isEqualTo(CommandResult.ACCEPTED);

        assertThat(sender.names()).containsExactly("Originate");
        assertThat(fields(sender.sent().get(0))).contains("channel: PJSIP/1001", "application: Wait", "data: 60",
                "timeout: 15000", "channelid: 1700000000.0-agent-1");
        assertThat(channels.ringLegs).containsExactly("1700000000.0-agent-1=" + FIRST.value());
    }

    @Test
    void the_agents_phone_shows_the_callers_number_as_app_queues_member_channel_does_and_none_when_withheld()
            throws Exception {
        result(control.ringAgentLeg(CallId.of(CALL), FIRST, "PJSIP/1001", Duration.ofSeconds(15),
                java.util.Optional.of(io.switchboard.core.call.PhoneNumber.parse("+4930555123", "caller"))));
        result(control.ringAgentLeg(CallId.of(CALL), SECOND, "PJSIP/1002", Duration.ofSeconds(15),
                java.util.Optional.empty()));

        assertThat(fields(sender.sent().get(0))).contains("callerid: +4930555123", "channel: PJSIP/1001");
        assertThat(fields(sender.sent().get(1))).noneMatch(field -> field.startsWith("callerid"));
    }

    @Test
    void the_first_leg_to_answer_is_bridged_to_the_caller_and_a_later_one_is_hung_up_as_answered_elsewhere()
            throws Exception {
        result(control.ringAgentLeg(CallId.of(CALL), FIRST, "PJSIP/1001", Duration.ofSeconds(15)));
        result(control.ringAgentLeg(CallId.of(CALL), SECOND, "PJSIP/1002", Duration.ofSeconds(15)));

        control.ringLegs().onEvent(new PbxEvent.LegAnswered(PBX, Instant.now(), CallId.of(CALL), SECOND));
        control.ringLegs().onEvent(new PbxEvent.LegAnswered(PBX, Instant.now(), CallId.of(CALL), FIRST));

        assertThat(sender.names()).containsExactly("Originate", "Originate", "Bridge", "Hangup");
        assertThat(fields(sender.sent().get(2))).contains("channel1: " + CUSTOMER, "channel2: PJSIP/1002-00000002");
        assertThat(fields(sender.sent().get(3))).contains("channel: PJSIP/1001-00000001", "cause: 26");
    }

    @Test
    void a_cancelled_leg_is_hung_up_and_a_ring_for_a_call_without_a_channel_is_refused() throws Exception {
        result(control.ringAgentLeg(CallId.of(CALL), FIRST, "PJSIP/1001", Duration.ofSeconds(15)));

        assertThat(result(control.cancelAgentLeg(CallId.of(CALL), FIRST))).isEqualTo(CommandResult.ACCEPTED);
        assertThat(fields(sender.sent().get(1))).contains("channel: PJSIP/1001-00000001", "cause: 26");
        assertThat(result(control.ringAgentLeg(CallId.of("pbx1/gone"), SECOND, "PJSIP/1002", Duration.ofSeconds(15))))
                .isInstanceOf(CommandResult.Failed.class);
        assertThat(sender.names()).containsExactly("Originate", "Hangup");
    }

    @Test
    void once_the_caller_is_gone_an_answering_leg_is_left_alone() throws Exception {
        result(control.ringAgentLeg(CallId.of(CALL), FIRST, "PJSIP/1001", Duration.ofSeconds(15)));
        control.ringLegs().onEvent(new PbxEvent.LegHungUp(PBX, Instant.now(), CallId.of(CALL), FIRST,
                HangupCause.ORIGINATOR_CANCEL));

        control.ringLegs().onEvent(new PbxEvent.LegAnswered(PBX, Instant.now(), CallId.of(CALL), FIRST));

        assertThat(sender.names()).containsExactly("Originate");
    }

    /** The customer's channel, and a channel per ring leg once it is announced, as the registry would name them. */
    private static final class RecordingRingChannels implements CallChannels {

        final java.util.List<String> ringLegs = new java.util.ArrayList<>();
        private final java.util.Map<LegId, String> legChannels = new java.util.HashMap<>();

        @Override
        public java.util.Optional<String> channelOf(CallId call) {
            return call.value().equals(CALL) ? java.util.Optional.of(CUSTOMER) : java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> channelOf(CallId call, LegId leg) {
            return java.util.Optional.ofNullable(legChannels.get(leg));
        }

        @Override
        public java.util.Optional<String> agentChannelOf(CallId call) {
            return java.util.Optional.empty();
        }

        @Override
        public void expectRingLeg(CallId call, LegId agentLeg, String uniqueid) {
            ringLegs.add(uniqueid + "=" + agentLeg.value());
            legChannels.put(agentLeg, "PJSIP/100" + ringLegs.size() + "-0000000" + ringLegs.size());
        }
    }
}
