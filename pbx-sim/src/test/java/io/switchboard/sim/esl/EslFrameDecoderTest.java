package io.switchboard.sim.esl;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.fixtures.Fixtures;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import io.switchboard.sim.wire.Decoded;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EslFrameDecoderTest {

    private final Transcript auth = Transcript.read(Fixtures.freeswitch("01-connect-auth-ok.esl.txt"));
    private final Transcript failures = Transcript.read(Fixtures.freeswitch("06-agent-busy-noanswer-failures.esl.txt"));

    @Test
    void a_bgapi_reply_and_its_background_job_event_split_at_every_byte_decode_as_in_one_read() {
        byte[] block = failures.blocks(Direction.RECEIVED).get(3).bytes();
        List<Decoded<EslFrame>> whole = new EslFrameDecoder().feed(block);
        assertThat(whole).hasSize(2);

        for (int split = 0; split <= block.length; split++) {
            EslFrameDecoder decoder = new EslFrameDecoder();
            List<Decoded<EslFrame>> parts = new ArrayList<>(decoder.feed(Arrays.copyOfRange(block, 0, split)));
            parts.addAll(decoder.feed(Arrays.copyOfRange(block, split, block.length)));

            assertThat(parts).as("split at %d", split).isEqualTo(whole);
        }
    }

    @Test
    void the_background_job_result_is_the_inner_body_of_the_plain_event() {
        byte[] block = failures.blocks(Direction.RECEIVED).get(3).bytes();
        EslFrame event = frames(new EslFrameDecoder().feed(block)).get(1);

        PlainEventBody job = ((Decoded.Ok<PlainEventBody>) PlainEventBody.parse(event.body())).value();

        assertThat(job.header("Event-Name")).contains("BACKGROUND_JOB");
        assertThat(job.header("Job-Command-Arg")).contains("error/user_busy &park");
        assertThat(job.body()).isEqualTo("-ERR USER_BUSY\n");
    }

    @Test
    void a_body_without_a_trailing_newline_is_followed_directly_by_the_next_frame() {
        byte[] stream = concat(EslFrames.apiResponse("true").encode(), EslFrames.disconnectNotice(EslFrames.GOODBYE).encode());

        List<EslFrame> frames = frames(new EslFrameDecoder().feed(stream));

        assertThat(frames).extracting(EslFrame::bodyText).containsExactly("true", EslFrames.GOODBYE);
    }

    @Test
    void the_builders_write_what_freeswitch_wrote() {
        List<byte[]> received = auth.blocks(Direction.RECEIVED).stream().map(b -> b.bytes()).toList();

        assertThat(EslFrames.authRequest().encode()).isEqualTo(received.get(0));
        assertThat(EslFrames.commandReply("+OK accepted").encode()).isEqualTo(received.get(1));
        assertThat(concat(EslFrames.commandReply("+OK bye").encode(), EslFrames.disconnectNotice(EslFrames.GOODBYE).encode()))
                .isEqualTo(received.get(2));
        assertThat(EslFrames.bgapiAccepted("20720b59-3ea2-4536-ab0d-3361b5d7a269").encode())
                .isEqualTo(frames(new EslFrameDecoder().feed(failures.blocks(Direction.RECEIVED).get(3).bytes())).get(0).encode());
    }

    @Test
    void a_header_line_without_a_colon_is_reported_and_the_next_frame_still_decodes() {
        byte[] stream = concat(ascii("Content-Type: command/reply\nnonsense\n\n"), EslFrames.commandReply("+OK").encode());

        List<Decoded<EslFrame>> units = new EslFrameDecoder().feed(stream);

        assertThat(units).hasSize(2);
        assertThat(units.get(0)).isInstanceOfSatisfying(Decoded.Malformed.class,
                bad -> assertThat(bad.reason()).contains("nonsense"));
        assertThat(frames(units.subList(1, 2)).get(0).header("Reply-Text")).contains("+OK");
    }

    @Test
    void an_unusable_content_length_is_reported_instead_of_waiting_forever() {
        List<Decoded<EslFrame>> units = new EslFrameDecoder().feed(ascii("Content-Type: api/response\nContent-Length: -4\n\n"));

        assertThat(units).singleElement().isInstanceOfSatisfying(Decoded.Malformed.class,
                bad -> assertThat(bad.reason()).contains("Content-Length"));
    }

    @Test
    void a_plain_event_value_is_url_decoded_but_a_plus_stays_a_plus() {
        byte[] body = ascii("Event-Name: CUSTOM\nCC-Agent: agent1001%40default\nNote: 1+1%2B1\n\n");

        PlainEventBody event = ((Decoded.Ok<PlainEventBody>) PlainEventBody.parse(body)).value();

        assertThat(event.header("CC-Agent")).contains("agent1001@default");
        assertThat(event.header("Note")).contains("1+1+1");
        assertThat(event.encode()).isEqualTo(ascii("Event-Name: CUSTOM\nCC-Agent: agent1001%40default\nNote: 1%2B1%2B1\n\n"));
    }

    private static List<EslFrame> frames(List<Decoded<EslFrame>> units) {
        return units.stream().map(u -> ((Decoded.Ok<EslFrame>) u).value()).toList();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
