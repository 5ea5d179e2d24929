package io.switchboard.sim.freeswitch;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.esl.EslFrame;
import io.switchboard.sim.esl.EslFrameDecoder;
import io.switchboard.sim.esl.EslHeader;
import io.switchboard.sim.fixtures.Fixtures;
import io.switchboard.sim.transcript.Direction;
import io.switchboard.sim.transcript.Transcript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator's JSON events are byte for byte what FreeSWITCH writes for the same headers (Quirk 5). */
class FsEventJsonTest {

    @Test
    void every_json_event_of_fixture_04_encodes_back_to_the_captured_bytes() {
        Transcript transcript = Transcript.read(Fixtures.freeswitch("04-event-json-filter.esl.txt"));
        List<EslFrame> frames = FreeswitchConformanceTest.decode(new EslFrameDecoder(),
                transcript.concatenated(Direction.RECEIVED)).stream()
                .filter(f -> f.contentType().orElse("").equals("text/event-json")).toList();

        assertThat(frames).hasSizeGreaterThan(10);
        for (EslFrame captured : frames) {
            EventView view = EventView.of(captured).orElseThrow();
            List<EslHeader> headers = view.headers().stream()
                    .filter(h -> !h.name().equals("Content-Length") && !h.name().equals("_body")).toList();

            assertThat(new FsEvent(headers, view.body()).json().encode()).as(captured.bodyText())
                    .isEqualTo(captured.encode());
        }
    }
}
