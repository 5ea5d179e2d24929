package io.switchboard.esl.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.esl.EslEventHeaders;
import org.junit.jupiter.api.Test;

import java.util.Map;

class EslEventDecoderTest {

    @Test
    void json_keeps_duplicate_keys_in_order_and_takes_the_body_from_underscore_body() throws Exception {
        EslEventHeaders event = EslEventDecoder.decode(json("{\"Event-Name\":\"BACKGROUND_JOB\",\"Hangup-Cause\":\"A\","
                + "\"Hangup-Cause\":\"B\",\"Job-Command-Arg\":\"{origination_uuid=x}null/a &park\","
                + "\"Content-Length\":\"15\",\"_body\":\"-ERR USER_BUSY\\n\"}"));

        assertThat(event.all("Hangup-Cause")).containsExactly("A", "B");
        assertThat(event.first("Job-Command-Arg")).contains("{origination_uuid=x}null/a &park");
        assertThat(event.body()).isEqualTo("-ERR USER_BUSY\n");
        assertThat(event.first("Content-Length")).isEmpty();
    }

    @Test
    void plain_values_are_url_decoded_but_a_literal_plus_stays() throws Exception {
        EslEventHeaders event = EslEventDecoder.decode(new EslFrame(Map.of("Content-Type", "text/event-plain"),
                "Event-Name: CHANNEL_CREATE\nChannel-Name: sofia/internal/sipp%40127.0.0.1%3A15062\n"
                        + "Caller-Caller-ID-Number: +4930%2B1\n\n"));

        assertThat(event.first("Channel-Name")).contains("sofia/internal/sipp@127.0.0.1:15062");
        assertThat(event.first("Caller-Caller-ID-Number")).contains("+4930+1");
    }

    @Test
    void broken_json_and_nameless_events_are_rejected_by_kind() {
        assertThatThrownBy(() -> EslEventDecoder.decode(json("{\"Event-Name\":\"CHANNEL_CREATE\",")))
                .isInstanceOfSatisfying(MalformedEventException.class,
                        e -> assertThat(e.kind()).isEqualTo(EslEventDecoder.BAD_JSON_EVENT));
        assertThatThrownBy(() -> EslEventDecoder.decode(json("{\"Unique-ID\":\"u\"}")))
                .isInstanceOfSatisfying(MalformedEventException.class,
                        e -> assertThat(e.kind()).isEqualTo(EslEventDecoder.EVENT_WITHOUT_NAME));
    }

    private static EslFrame json(String body) {
        return new EslFrame(Map.of("Content-Type", "text/event-json"), body);
    }
}
