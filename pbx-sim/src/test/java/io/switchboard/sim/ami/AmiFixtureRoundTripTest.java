package io.switchboard.sim.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.fixtures.Fixtures;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import io.switchboard.sim.transcript.TranscriptBlock;
import io.switchboard.sim.wire.Decoded;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AmiFixtureRoundTripTest {

    static Stream<Path> transcripts() {
        return Fixtures.allAsterisk().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void every_received_block_decodes_into_frames_that_encode_back_to_the_same_bytes(Path file) {
        Transcript transcript = Transcript.read(file);
        AmiDecoder decoder = AmiDecoder.clientSide();

        for (TranscriptBlock block : transcript.blocks(Direction.RECEIVED)) {
            List<Decoded<AmiFrame>> units = decoder.feed(block.bytes());

            assertThat(units).as("%s %s", file.getFileName(), block).isNotEmpty().allSatisfy(unit ->
                    assertThat(unit).isInstanceOf(Decoded.Ok.class));
            assertThat(decoder.hasPartialInput()).as("%s ends at a message boundary", block).isFalse();
            byte[] encoded = encodeAll(units.stream().map(u -> ((Decoded.Ok<AmiFrame>) u).value()).toList());
            assertThat(encoded).as("%s %s", file.getFileName(), block).isEqualTo(block.bytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transcripts")
    void every_sent_block_parses_as_actions_that_encode_back_to_the_same_bytes(Path file) {
        Transcript transcript = Transcript.read(file);

        for (TranscriptBlock block : transcript.blocks(Direction.SENT)) {
            List<Decoded<AmiAction>> actions = new AmiActionReader().feed(block.bytes());

            assertThat(actions).as("%s %s", file.getFileName(), block).isNotEmpty()
                    .allSatisfy(a -> assertThat(a).isInstanceOf(Decoded.Ok.class));
            byte[] encoded = encodeAll(actions.stream()
                    .map(a -> (AmiFrame) ((Decoded.Ok<AmiAction>) a).value().message()).toList());
            assertThat(encoded).as("%s %s", file.getFileName(), block).isEqualTo(block.bytes());
        }
    }

    private static byte[] encodeAll(List<AmiFrame> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(f.encode()));
        return out.toByteArray();
    }
}
