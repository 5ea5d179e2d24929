package io.switchboard.sim.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.sim.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    @Test
    void an_ami_transcript_splits_into_ordered_blocks_on_crlf_marker_lines() {
        Transcript login = Transcript.read(Fixtures.asterisk("01-login-success.ami.txt"));

        assertThat(login.blocks()).extracting(TranscriptBlock::direction).containsExactly(
                Direction.RECEIVED, Direction.SENT, Direction.RECEIVED, Direction.SENT, Direction.RECEIVED);
        assertThat(login.blocks().get(0).text()).isEqualTo("Asterisk Call Manager/9.0.0\r\n");
        assertThat(login.blocks().get(3).text()).isEqualTo("Action: Logoff\r\nActionID: logoff-1\r\n\r\n");
        assertThat(login.blocks().get(4).text()).endsWith("Message: Thanks for all the fish.\r\n\r\n");
    }

    @Test
    void an_esl_transcript_splits_into_ordered_blocks_on_lf_marker_lines() {
        Transcript auth = Transcript.read(Fixtures.freeswitch("01-connect-auth-ok.esl.txt"));

        assertThat(auth.blocks()).hasSize(5);
        assertThat(auth.blocks().get(0).text()).isEqualTo("Content-Type: auth/request\n\n");
        assertThat(auth.blocks().get(1).text()).isEqualTo("auth ClueCon\n\n");
        assertThat(auth.blocks().get(4).text()).endsWith("http://www.cluecon.com/\n");
    }

    @Test
    void every_fixture_is_exactly_its_markers_plus_its_blocks() throws Exception {
        for (Path file : allFixtures()) {
            byte[] original = Files.readAllBytes(file);
            Transcript transcript = Transcript.read(file);
            String lineEnd = file.toString().endsWith(".ami.txt") ? "\r\n" : "\n";
            ByteArrayOutputStream rebuilt = new ByteArrayOutputStream();
            for (TranscriptBlock block : transcript.blocks()) {
                rebuilt.writeBytes(("### " + block.direction() + lineEnd).getBytes(StandardCharsets.US_ASCII));
                rebuilt.writeBytes(block.bytes());
            }
            assertThat(rebuilt.toByteArray()).as(file.getFileName().toString()).isEqualTo(original);
        }
    }

    @Test
    void a_marker_inside_a_line_is_content_not_a_marker() {
        byte[] file = "### SENT\nsay ### RECEIVED\n\n### RECEIVED\nok\n".getBytes(StandardCharsets.US_ASCII);

        Transcript transcript = Transcript.parse("inline", file);

        assertThat(transcript.blocks()).hasSize(2);
        assertThat(transcript.blocks().get(0).text()).isEqualTo("say ### RECEIVED\n\n");
    }

    @Test
    void bytes_before_the_first_marker_are_rejected_with_the_file_name() {
        byte[] file = "junk\n### SENT\n".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> Transcript.parse("broken.txt", file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.txt");
    }

    @Test
    void concatenated_received_blocks_give_the_servers_byte_stream() {
        Transcript login = Transcript.read(Fixtures.asterisk("01-login-success.ami.txt"));

        String stream = new String(login.concatenated(Direction.RECEIVED), StandardCharsets.UTF_8);

        assertThat(stream).startsWith("Asterisk Call Manager/9.0.0\r\nResponse: Success\r\n")
                .endsWith("Response: Goodbye\r\nActionID: logoff-1\r\nMessage: Thanks for all the fish.\r\n\r\n");
    }

    private static List<Path> allFixtures() {
        List<Path> all = new ArrayList<>(Fixtures.allAsterisk());
        all.addAll(Fixtures.allFreeswitch());
        return all;
    }
}
