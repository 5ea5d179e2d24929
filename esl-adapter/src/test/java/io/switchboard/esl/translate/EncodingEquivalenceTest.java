package io.switchboard.esl.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.esl.EslEventHeaders;
import io.switchboard.esl.transcript.EslTranscript;
import io.switchboard.esl.wire.EslEventDecoder;
import io.switchboard.esl.wire.EslFrame;
import io.switchboard.esl.wire.MalformedEventException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plain sessions re-encoded the way FreeSWITCH writes {@code text/event-json} (all values strings, not
 * URL-encoded, the body under {@code _body}, repeated names as duplicate keys) translate exactly as the
 * plain originals: the encoding never changes what core hears.
 */
class EncodingEquivalenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"05-inbound-sip-park-bridge.esl.txt", "06-agent-busy-noanswer-failures.esl.txt",
            "07-outbound-dialer-nailed-agent.esl.txt", "08-transfer-kill-record-eavesdrop.esl.txt",
            "10-api-misc-sendmsg-log-shutdown.esl.txt"})
    void a_plain_session_as_json_gives_the_same_core_events(String fixture) throws MalformedEventException {
        List<EslEventHeaders> plain = FixtureReplay.events(fixture);
        List<EslEventHeaders> json = new ArrayList<>();
        for (EslEventHeaders event : plain) {
            json.add(EslEventDecoder.decode(new EslFrame(Map.of("Content-Type", EslFrame.EVENT_JSON), asJson(event))));
        }

        assertThat(json).isEqualTo(plain);
        assertThat(translate(json)).isEqualTo(translate(plain)).isNotEmpty();
    }

    private static List<PbxEvent> translate(List<EslEventHeaders> events) {
        EslEventTranslator translator = FixtureReplay.freshTranslator();
        List<PbxEvent> out = new ArrayList<>();
        events.forEach(e -> out.addAll(translator.translate(e)));
        return out;
    }

    private static String asJson(EslEventHeaders event) {
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(json)) {
            generator.writeStartObject();
            for (EslEventHeaders.Header header : event.headers()) {
                generator.writeStringField(header.name(), header.value());
            }
            if (!event.body().isEmpty()) {
                generator.writeStringField("Content-Length", String.valueOf(event.body().length()));
                generator.writeStringField("_body", event.body());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return json.toString();
    }
}
