package io.switchboard.esl.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.esl.transcript.EslTranscript;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

class EslFrameDecoderTest {

    private final List<EslFrame> frames = new ArrayList<>();
    private final List<String> malformed = new ArrayList<>();
    private final EslFrameDecoder decoder = new EslFrameDecoder(new EslFrameDecoder.Sink() {
        @Override
        public void frame(EslFrame frame) {
            frames.add(frame);
        }

        @Override
        public void malformed(String kind, String sample) {
            malformed.add(kind + ": " + sample);
        }
    });

    @Test
    void a_fixture_fed_one_byte_at_a_time_gives_the_same_messages_as_fed_whole() {
        EslTranscript transcript = EslTranscript.read("10-api-misc-sendmsg-log-shutdown.esl.txt");
        byte[] wire = transcript.receivedBytes();

        for (byte b : wire) {
            decoder.feed(new byte[] {b});
        }

        assertThat(frames).isEqualTo(transcript.receivedFrames());
        assertThat(malformed).isEmpty();
        assertThat(decoder.midFrame()).isFalse();
    }

    @Test
    void a_body_without_trailing_lf_is_followed_directly_by_the_next_message() {
        feed("Content-Type: api/response\nContent-Length: 4\n\ntrueContent-Type: api/response\nContent-Length: 5\n\nfalse");

        assertThat(frames).extracting(EslFrame::body).containsExactly("true", "false");
    }

    @Test
    void an_event_with_its_own_body_is_cut_by_the_outer_length_not_at_its_inner_blank_line() {
        String inner = "Event-Name: BACKGROUND_JOB\nJob-UUID: j1\nContent-Length: 15\n\n-ERR USER_BUSY\n";
        feed("Content-Length: " + inner.length() + "\nContent-Type: text/event-plain\n\n" + inner);

        assertThat(frames).singleElement().satisfies(f -> {
            assertThat(f.isEvent()).isTrue();
            assertThat(f.body()).isEqualTo(inner);
        });
    }

    @Test
    void odd_lines_and_bad_lengths_are_reported_and_decoding_goes_on() {
        feed("Content-Type: command/reply\nthis line has no colon\nReply-Text: +OK\n\n"
                + "Content-Type: api/response\nContent-Length: lots\n\n"
                + "Content-Type: command/reply\nReply-Text: +OK accepted\n\n");

        assertThat(frames).extracting(EslFrame::contentType)
                .containsExactly("command/reply", "api/response", "command/reply");
        assertThat(frames.get(0).header("Reply-Text")).contains("+OK");
        assertThat(malformed).containsExactly("line-without-colon: this line has no colon",
                "bad-content-length: Content-Length: lots");
    }

    @Test
    void utf8_bodies_are_counted_in_bytes() {
        byte[] body = "Ünïcode".getBytes(StandardCharsets.UTF_8);
        feed("Content-Type: api/response\nContent-Length: " + body.length + "\n\nÜnïcode");

        assertThat(frames).singleElement().extracting(EslFrame::body).isEqualTo("Ünïcode");
    }

    private void feed(String text) {
        decoder.feed(text.getBytes(StandardCharsets.UTF_8));
    }
}
