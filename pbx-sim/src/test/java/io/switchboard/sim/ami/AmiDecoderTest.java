package io.switchboard.sim.ami;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.fixtures.Fixtures;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import io.switchboard.sim.wire.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmiDecoderTest {

    private final Transcript login = Transcript.read(Fixtures.asterisk("01-login-success.ami.txt"));
    private final Transcript misc = Transcript.read(Fixtures.asterisk("14-misc-actions-and-shutdown.ami.txt"));

    @Test
    void the_banner_is_one_line_and_encodes_like_asterisk_20() {
        List<Decoded<AmiFrame>> units = AmiDecoder.clientSide().feed(login.blocks().get(0).bytes());

        assertThat(units).containsExactly(Decoded.ok(new AmiBanner("Asterisk Call Manager", "9.0.0")));
        assertThat(AmiBanner.asterisk20().encode()).isEqualTo(login.blocks().get(0).bytes());
    }

    @Test
    void a_read_holding_several_messages_yields_each_of_them_in_order() {
        AmiDecoder decoder = AmiDecoder.clientSide();
        decoder.feed(login.blocks().get(0).bytes());

        List<AmiMessage> messages = messages(decoder.feed(login.blocks().get(2).bytes()));

        assertThat(messages).extracting(m -> m.response().orElse(m.event().orElse("?")))
                .containsExactly("Success", "FullyBooted", "SuccessfulAuth");
        assertThat(messages.get(0).actionId()).contains("login-1");
    }

    @Test
    void a_real_block_split_at_every_byte_boundary_decodes_the_same_as_in_one_read() {
        byte[] block = misc.blocks(Direction.RECEIVED).get(5).bytes();
        List<Decoded<AmiFrame>> whole = AmiDecoder.serverSide().feed(block);
        assertThat(whole).hasSizeGreaterThan(1);

        for (int split = 0; split <= block.length; split++) {
            AmiDecoder decoder = AmiDecoder.serverSide();
            List<Decoded<AmiFrame>> parts = new ArrayList<>(decoder.feed(Arrays.copyOfRange(block, 0, split)));
            parts.addAll(decoder.feed(Arrays.copyOfRange(block, split, block.length)));

            assertThat(parts).as("split at %d", split).isEqualTo(whole);
        }
    }

    @Test
    void a_block_fed_one_byte_at_a_time_decodes_the_same_as_in_one_read() {
        byte[] block = login.blocks().get(2).bytes();
        AmiDecoder decoder = AmiDecoder.serverSide();
        List<Decoded<AmiFrame>> units = new ArrayList<>();

        for (byte b : block) {
            units.addAll(decoder.feed(new byte[] {b}));
        }

        assertThat(units).isEqualTo(AmiDecoder.serverSide().feed(block));
    }

    @Test
    void an_empty_value_keeps_its_space_and_leading_blanks_are_part_of_the_value() {
        List<AmiMessage> messages = messages(AmiDecoder.serverSide()
                .feed(ascii("Response: Success\r\nValue: \r\nOther:   three blanks\r\n\r\n")));

        assertThat(messages.get(0).first("Value")).contains("");
        assertThat(messages.get(0).first("Other")).contains("  three blanks");
        assertThat(messages.get(0).encode()).isEqualTo(ascii("Response: Success\r\nValue: \r\nOther:   three blanks\r\n\r\n"));
    }

    @Test
    void repeated_headers_survive_in_order() {
        String event = "Event: UserEvent\r\nCallerIDNum: sipp\r\nUniqueid: 1.0\r\nCallerIDNum: 100\r\n\r\n";

        AmiMessage message = messages(AmiDecoder.serverSide().feed(ascii(event))).get(0);

        assertThat(message.all("callerIDnum")).containsExactly("sipp", "100");
    }

    @Test
    void an_originate_response_event_is_an_event_not_a_response() {
        AmiMessage event = AmiMessage.of("Event", "OriginateResponse", "ActionID", "orig-1", "Response", "Failure");

        assertThat(event.event()).contains("OriginateResponse");
        assertThat(event.response()).isEmpty();
    }

    @Test
    void a_line_without_a_colon_is_reported_and_the_next_message_still_decodes() {
        List<Decoded<AmiFrame>> units = AmiDecoder.serverSide()
                .feed(ascii("Action: Ping\r\nthis is not a header\r\n\r\nAction: Ping\r\nActionID: p2\r\n\r\n"));

        assertThat(units).hasSize(2);
        assertThat(units.get(0)).isInstanceOfSatisfying(Decoded.Malformed.class, bad -> {
            assertThat(bad.reason()).contains("this is not a header");
            assertThat(bad.raw()).isEqualTo(ascii("Action: Ping\r\nthis is not a header\r\n\r\n"));
        });
        assertThat(messages(units.subList(1, 2)).get(0).actionId()).contains("p2");
    }

    @Test
    void an_endless_line_is_reported_once_it_ends_instead_of_growing_the_buffer_forever() {
        AmiDecoder decoder = AmiDecoder.serverSide();
        List<Decoded<AmiFrame>> units = new ArrayList<>(decoder.feed(ascii("Action: Ping\r\nJunk: ")));
        units.addAll(decoder.feed(new byte[AmiDecoder.MAX_LINE_BYTES + 1]));
        units.addAll(decoder.feed(ascii("\r\n\r\nAction: Ping\r\n\r\n")));

        assertThat(units).hasSize(2);
        assertThat(units.get(0)).isInstanceOfSatisfying(Decoded.Malformed.class,
                bad -> assertThat(bad.reason()).contains("longer than"));
        assertThat(units.get(1)).isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void a_greeting_that_is_not_a_banner_is_reported_as_malformed() {
        List<Decoded<AmiFrame>> units = AmiDecoder.clientSide().feed(ascii("no slash here\r\n"));

        assertThat(units).singleElement().isInstanceOfSatisfying(Decoded.Malformed.class,
                bad -> assertThat(bad.reason()).contains("banner"));
    }

    @Test
    void an_action_keeps_repeated_variables_in_order_and_its_action_id() {
        byte[] originate = ascii("Action: Originate\r\nActionID: o-7\r\nChannel: Local/s@hold\r\n"
                + "Variable: CTI_TASK=t1\r\nVariable: CTI_QUEUE=support\r\n\r\n");

        List<Decoded<AmiAction>> actions = new AmiActionReader().feed(originate);

        assertThat(actions).singleElement().isInstanceOfSatisfying(Decoded.Ok.class, ok -> {
            AmiAction action = (AmiAction) ok.value();
            assertThat(action.is("originate")).isTrue();
            assertThat(action.actionId()).contains("o-7");
            assertThat(action.variables()).containsExactly("CTI_TASK=t1", "CTI_QUEUE=support");
        });
    }

    @Test
    void a_message_without_an_action_header_is_not_an_action() {
        List<Decoded<AmiAction>> actions = new AmiActionReader().feed(ascii("ActionID: x\r\n\r\n"));

        assertThat(actions).singleElement().isInstanceOfSatisfying(Decoded.Malformed.class,
                bad -> assertThat(bad.reason()).contains("Action"));
    }

    private static List<AmiMessage> messages(List<Decoded<AmiFrame>> units) {
        return units.stream().map(u -> (AmiMessage) ((Decoded.Ok<AmiFrame>) u).value()).toList();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
