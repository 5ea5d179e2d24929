package io.switchboard.ami.connection;

import io.switchboard.ami.translate.AmiTranscripts;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lines off a real socket, however the bytes are cut into TCP reads. */
class LineSocketTest {

    @Test
    void every_recorded_session_reads_as_the_lines_between_its_crlfs_whatever_the_chunks() throws Exception {
        Random random = new Random(5);
        for (Path file : AmiTranscripts.all()) {
            byte[] received = Transcript.read(file).concatenated(Direction.RECEIVED);
            List<String> expected = new ArrayList<>(Arrays.asList(
                    new String(received, StandardCharsets.UTF_8).split("\r\n", -1)));
            expected.remove(expected.size() - 1); // what follows the last CRLF is not a line yet

            assertThat(linesOf(received, 1 + random.nextInt(700))).as(file.getFileName().toString())
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void a_crlf_or_a_character_cut_between_two_reads_and_a_line_longer_than_the_buffer_read_whole() throws Exception {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        String accented = "CallerIDName: Zoë Müller";
        String longLine = "Output: " + "x".repeat(200_000);
        for (String line : List.of("Response: Follows", "one\ntwo\n--END COMMAND--", accented, longLine, "")) {
            wire.writeBytes((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(linesOf(wire.toByteArray(), 1)).containsExactly("Response: Follows", "one\ntwo\n--END COMMAND--",
                accented, longLine, "");
        assertThat(linesOf(wire.toByteArray(), 3)).containsExactly("Response: Follows", "one\ntwo\n--END COMMAND--",
                accented, longLine, "");
    }

    @Test
    void the_end_of_the_stream_is_an_io_exception_as_with_the_library() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    s.getOutputStream().write("Asterisk Call Manager/9.0.0\r\nhalf a li".getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            LineSocket socket = LineSocket.open("127.0.0.1", server.getLocalPort(), false, 2_000, 0, StandardCharsets.UTF_8);
            assertThat(socket.readLine()).isEqualTo("Asterisk Call Manager/9.0.0");
            assertThatThrownBy(socket::readLine).isInstanceOf(IOException.class);
            socket.close();
            peer.join();
        }
    }

    /** What a LineSocket reads from a peer that writes {@code bytes} in chunks of {@code chunk}, then closes. */
    private static List<String> linesOf(byte[] bytes, int chunk) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            CompletableFuture<Void> peer = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    s.setTcpNoDelay(true);
                    OutputStream out = s.getOutputStream();
                    for (int i = 0; i < bytes.length; i += chunk) {
                        out.write(bytes, i, Math.min(chunk, bytes.length - i));
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> lines = new ArrayList<>();
            LineSocket socket = LineSocket.open("127.0.0.1", server.getLocalPort(), false, 2_000, 10_000,
                    StandardCharsets.UTF_8);
            try {
                while (true) {
                    lines.add(socket.readLine());
                }
            } catch (IOException endOfStream) {
                socket.close();
            }
            peer.join();
            return lines;
        }
    }
}
