package io.switchboard.sim.esl;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.wire.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EslCommandDecoderTest {

    @Test
    void bgapi_keeps_the_client_chosen_job_uuid() {
        EslCommand command = only("bgapi originate error/user_busy &park\nJob-UUID: 20720b59\n\n");

        assertThat(command).isEqualTo(new EslCommand.BgApi("originate error/user_busy &park", Optional.of("20720b59")));
    }

    @Test
    void event_json_keeps_custom_subclasses_as_names() {
        EslCommand command = only("event json CHANNEL_CREATE BACKGROUND_JOB CUSTOM callcenter::info\n\n");

        assertThat(command).isEqualTo(new EslCommand.Event(EventFormat.JSON,
                List.of("CHANNEL_CREATE", "BACKGROUND_JOB", "CUSTOM", "callcenter::info")));
    }

    @Test
    void filter_and_filter_delete_are_told_apart() {
        assertThat(only("filter Unique-ID c5d3\n\n")).isEqualTo(new EslCommand.Filter("Unique-ID", "c5d3"));
        assertThat(only("filter delete Unique-ID c5d3\n\n")).isEqualTo(new EslCommand.FilterDelete("Unique-ID", "c5d3"));
    }

    @Test
    void sendmsg_reads_exactly_content_length_body_bytes_after_its_headers() {
        List<Decoded<EslCommand>> units = new EslCommandDecoder().feed(ascii(
                "sendmsg abc\ncall-command: execute\nexecute-app-name: speak\ncontent-length: 5\n\nhelloexit\n\n"));

        assertThat(units).hasSize(2);
        EslCommand.SendMsg sendmsg = (EslCommand.SendMsg) ((Decoded.Ok<EslCommand>) units.get(0)).value();
        assertThat(sendmsg.uuid()).contains("abc");
        assertThat(sendmsg.header("execute-app-name")).contains("speak");
        assertThat(sendmsg.body()).isEqualTo("hello");
        assertThat(((Decoded.Ok<EslCommand>) units.get(1)).value()).isEqualTo(new EslCommand.Exit());
    }

    @Test
    void a_command_split_at_every_byte_decodes_as_in_one_read() {
        byte[] bytes = ascii("auth ClueCon\n\nbgapi status\nJob-UUID: j1\n\napi uuid_exists x\n\n");
        List<Decoded<EslCommand>> whole = new EslCommandDecoder().feed(bytes);
        assertThat(whole).hasSize(3);

        for (int split = 0; split <= bytes.length; split++) {
            EslCommandDecoder decoder = new EslCommandDecoder();
            List<Decoded<EslCommand>> parts = new ArrayList<>(decoder.feed(Arrays.copyOfRange(bytes, 0, split)));
            parts.addAll(decoder.feed(Arrays.copyOfRange(bytes, split, bytes.length)));

            assertThat(parts).as("split at %d", split).isEqualTo(whole);
        }
    }

    @Test
    void crlf_line_ends_are_accepted() {
        assertThat(only("api status\r\n\r\n")).isEqualTo(new EslCommand.Api("status"));
    }

    @Test
    void an_unknown_command_is_kept_for_the_server_to_refuse() {
        assertThat(only("no_such_esl_command\n\n")).isEqualTo(new EslCommand.Other("no_such_esl_command", List.of()));
    }

    @Test
    void auth_without_a_password_is_reported_and_the_next_command_still_decodes() {
        List<Decoded<EslCommand>> units = new EslCommandDecoder().feed(ascii("auth\n\nexit\n\n"));

        assertThat(units.get(0)).isInstanceOfSatisfying(Decoded.Malformed.class,
                bad -> assertThat(bad.reason()).contains("password"));
        assertThat(units.get(1)).isEqualTo(Decoded.ok(new EslCommand.Exit()));
    }

    private static EslCommand only(String wire) {
        List<Decoded<EslCommand>> units = new EslCommandDecoder().feed(ascii(wire));
        assertThat(units).singleElement().isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<EslCommand>) units.get(0)).value();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
