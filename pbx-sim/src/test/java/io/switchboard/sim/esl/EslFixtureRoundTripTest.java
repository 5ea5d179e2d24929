package io.switchboard.sim.esl;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.fixtures.Fixtures;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import io.switchboard.sim.transcript.TranscriptBlock;
import io.switchboard.sim.wire.Decoded;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EslFixtureRoundTripTest {

    static Stream<Path> transcripts() {
        return Fixtures.allFreeswitch().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void every_received_block_decodes_into_frames_that_encode_back_to_the_wire_bytes(Path file) {
        Transcript transcript = Transcript.read(file);
        TranscriptBlock lastBlock = transcript.blocks().get(transcript.blocks().size() - 1);

        for (TranscriptBlock block : transcript.blocks(Direction.RECEIVED)) {
            EslFrameDecoder decoder = new EslFrameDecoder();
            List<EslFrame> frames = frames(decoder.feed(block.bytes()), block);

            assertThat(decoder.hasPartialInput()).as("%s holds whole frames", block).isFalse();
            byte[] encoded = encodeAll(frames);
            byte[] lastBody = frames.get(frames.size() - 1).body();
            boolean markerLfInserted = !block.equals(lastBlock) && lastBody.length > 0 && lastBody[lastBody.length - 1] != '\n';
            byte[] wire = markerLfInserted ? Arrays.copyOf(block.bytes(), block.bytes().length - 1) : block.bytes();
            assertThat(encoded).as("%s %s", file.getFileName(), block).isEqualTo(wire);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void every_plain_event_body_parses_and_url_encodes_back_to_the_same_bytes(Path file) {
        Transcript transcript = Transcript.read(file);

        for (TranscriptBlock block : transcript.blocks(Direction.RECEIVED)) {
            for (EslFrame frame : frames(new EslFrameDecoder().feed(block.bytes()), block)) {
                if (frame.contentType().orElse("").equals("text/event-plain")) {
                    Decoded<PlainEventBody> event = PlainEventBody.parse(frame.body());

                    assertThat(event).as("%s %s", file.getFileName(), frame.bodyText()).isInstanceOf(Decoded.Ok.class);
                    PlainEventBody parsed = ((Decoded.Ok<PlainEventBody>) event).value();
                    assertThat(EslFrames.eventPlain(parsed).encode()).as(frame.bodyText()).isEqualTo(frame.encode());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void every_sent_block_parses_as_commands_that_encode_back_to_the_same_bytes(Path file) {
        Transcript transcript = Transcript.read(file);

        for (TranscriptBlock block : transcript.blocks(Direction.SENT)) {
            List<Decoded<EslCommand>> commands = new EslCommandDecoder().feed(block.bytes());

            assertThat(commands).as("%s %s", file.getFileName(), block.text()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c).isInstanceOf(Decoded.Ok.class));
            ByteArrayOutputStream encoded = new ByteArrayOutputStream();
            commands.forEach(c -> encoded.writeBytes(((Decoded.Ok<EslCommand>) c).value().encode()));
            assertThat(encoded.toByteArray()).as("%s %s", file.getFileName(), block.text()).isEqualTo(block.bytes());
        }
    }

    private static List<EslFrame> frames(List<Decoded<EslFrame>> units, TranscriptBlock block) {
        assertThat(units).as("%s", block).isNotEmpty().allSatisfy(u -> assertThat(u).isInstanceOf(Decoded.Ok.class));
        return units.stream().map(u -> ((Decoded.Ok<EslFrame>) u).value()).toList();
    }

    private static byte[] encodeAll(List<EslFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(f.encode()));
        return out.toByteArray();
    }
}
