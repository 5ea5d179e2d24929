package io.switchboard.ami.connection;

import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check follows the reader's framing: the real Asterisk 20 streams hold no malformed message, only a few
 * events Asterisk-Java 3.42 drops for want of a class.
 */
class InputCheckTest {

    @Test
    void the_recorded_asterisk_20_streams_are_well_formed_and_only_three_of_their_events_are_unknown() throws IOException {
        MalformedInput input = new MalformedInput(PbxId.of("pbx1"));
        KnownEvents known = KnownEvents.create();
        SwitchboardUserEvent.CLASSES.forEach(known::register);
        int messages = 0;
        for (Path file : transcripts()) {
            InputCheck check = new InputCheck(() -> input, known);
            String received = new String(Transcript.read(file).concatenated(Direction.RECEIVED), StandardCharsets.UTF_8);
            for (String line : received.split("\r\n", -1)) {
                check.line(line);
                messages += line.isEmpty() ? 1 : 0;
            }
        }

        assertThat(messages).isGreaterThan(1_000);
        // BridgeList's items have no class in Asterisk-Java 3.42; CtiHeartbeat (sent via AMI in 14) is no glue
        // UserEvent, so no class is registered for it. All three never reach the translator.
        assertThat(input.byKind()).containsOnlyKeys("unknown-event:BridgeListItem", "unknown-event:BridgeListComplete",
                "unknown-event:UserEvent/CtiHeartbeat");
    }

    @Test
    void every_userevent_the_shipped_glue_sends_about_outbound_calls_is_known() {
        MalformedInput input = new MalformedInput(PbxId.of("pbx1"));
        KnownEvents known = KnownEvents.create();
        SwitchboardUserEvent.CLASSES.forEach(known::register);
        InputCheck check = new InputCheck(() -> input, known);

        List.of("Event: UserEvent", "UserEvent: SafeHarbour", "Agent: a1", "Reason: AGENTABSENT", "",
                "Event: UserEvent", "UserEvent: AMDMessageLeft", "",
                "Event: UserEvent", "UserEvent: AMD", "Status: MACHINE", "Cause: INITIALSILENCE-2520-2500", "")
                .forEach(check::line);

        assertThat(input.byKind()).isEmpty();
    }

    @Test
    void a_known_event_with_a_bad_line_and_an_unknown_one_are_told_apart() {
        MalformedInput input = new MalformedInput(PbxId.of("pbx1"));
        InputCheck check = new InputCheck(() -> input, KnownEvents.create());

        List.of("Asterisk Call Manager/9.0.0", "Event: Hangup", "no colon here", "Value: ", "AccountCode:", "",
                "Event: OriginateResponse", "Response: Failure", "ActionID: 42", "",
                "Event: NoSuchThing", "", "").forEach(check::line);

        assertThat(input.byKind()).containsOnlyKeys("line-without-colon", "unknown-event:NoSuchThing");
    }

    private static List<Path> transcripts() throws IOException {
        String override = System.getProperty("sb.fixtures");
        Path root = override != null ? Paths.get(override)
                : Paths.get(System.getProperty("user.dir")).resolve("../../shared/fixtures").normalize();
        try (Stream<Path> files = Files.list(root.resolve("asterisk-20"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ami.txt")).sorted().toList();
        }
    }
}
