package io.switchboard.esl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.HangupCause;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.esl.transcript.EslTranscript;
import io.switchboard.esl.translate.EslChannels;
import io.switchboard.esl.translate.LiveChannel;
import io.switchboard.esl.wire.EslFrame;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reconciling the tracked channels with {@code show channels as json} as FreeSWITCH 1.10 sends it (fixture 10). */
class ResyncTest {

    private static final String PARKED = "d474d77c-2a88-421f-a594-39eddc48397e";
    private static final String CUSTOMER = "30e23379-d9df-4651-a5ca-0bde20f3aa95";
    private static final String AGENT = "595c6169-0947-493f-a06c-079af8589e54";
    private static final String GONE = "0c0c0c0c-0000-4000-8000-000000000001";

    private final EslChannels channels = new EslChannels(ConnectionFixture.PBX);

    @Test
    void the_recorded_channel_list_reads_as_three_answered_outbound_channels() {
        assertThat(ChannelList.parse(recordedChannelList())).containsExactly(
                new LiveChannel(PARKED, Optional.of(PARKED), true, true, Optional.of("parked1"), Optional.of("parked1")),
                new LiveChannel(CUSTOMER, Optional.of(CUSTOMER), true, true, Optional.of("customer3"),
                        Optional.of("customer3")),
                new LiveChannel(AGENT, Optional.of(CUSTOMER), true, true, Optional.of("agent3"), Optional.of("agent3")));
        assertThat(ChannelList.parse("{\"row_count\":0}")).isEmpty();
    }

    @Test
    void a_leg_gone_meanwhile_hangs_up_once_one_answered_meanwhile_answers_once_and_nothing_repeats() {
        channels.appeared(GONE, Optional.empty(), true);
        channels.appeared(CUSTOMER, Optional.empty(), true);
        List<LiveChannel> live = ChannelList.parse(recordedChannelList());

        List<PbxEvent> first = channels.reconcile(live, Instant.EPOCH);
        List<PbxEvent> second = channels.reconcile(live, Instant.EPOCH);

        assertThat(first).containsExactlyInAnyOrder(
                new PbxEvent.LegHungUp(ConnectionFixture.PBX, Instant.EPOCH, channels.callOf(GONE), channels.legOf(GONE),
                        HangupCause.OTHER),
                new PbxEvent.LegAnswered(ConnectionFixture.PBX, Instant.EPOCH, channels.callOf(CUSTOMER),
                        channels.legOf(CUSTOMER)));
        assertThat(second).isEmpty();
        assertThat(channels.find(AGENT)).hasValueSatisfying(agent -> {
            assertThat(agent.call()).as("joins the tracked call its call_uuid names").isEqualTo(channels.callOf(CUSTOMER));
            assertThat(agent.answered()).isTrue();
        });
        assertThat(channels.appeared(GONE, Optional.empty(), true)).as("an ended leg never comes back").isEmpty();
    }

    private static String recordedChannelList() {
        List<EslFrame> frames = EslTranscript.read("10-api-misc-sendmsg-log-shutdown.esl.txt").receivedFrames();
        return frames.stream().filter(f -> f.contentType().equals(EslFrame.API_RESPONSE))
                .map(EslFrame::body).filter(b -> b.startsWith("{\"row_count\":3")).findFirst().orElseThrow();
    }
}
