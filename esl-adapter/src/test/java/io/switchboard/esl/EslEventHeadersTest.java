package io.switchboard.esl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EslEventHeadersTest {

    private static final String ALL_EVENTS = "03-event-plain-all.esl.txt";

    @Test
    void a_recorded_channel_create_gives_the_caller_number_and_the_channel() {
        EslEventHeaders create = EslEventHeaders.parse(PlainEventFixtures.first(ALL_EVENTS, "CHANNEL_CREATE"));

        assertThat(create.eventName()).contains("CHANNEL_CREATE");
        assertThat(create.first("Caller-Caller-ID-Number")).contains("5550100");
        assertThat(create.first("Unique-ID")).contains("4d5ed8e0-d062-4051-8fa4-74c1deb4f649");
        assertThat(create.first("Channel-Name")).contains("null/agent1");
    }

    @Test
    void header_values_are_url_decoded_and_keep_literal_commas() {
        EslEventHeaders create = EslEventHeaders.parse(PlainEventFixtures.first(ALL_EVENTS, "CHANNEL_CREATE"));

        assertThat(create.first("FreeSWITCH-IPv6")).contains("fd00::2");
        assertThat(create.first("Event-Date-GMT")).contains("Tue, 24 Nov 2026 01:54:16 GMT");
    }

    @Test
    void channel_variables_are_reachable_by_bare_name_with_decoded_values() {
        EslEventHeaders hangup = EslEventHeaders.parse(PlainEventFixtures.first(ALL_EVENTS, "CHANNEL_HANGUP_COMPLETE"));

        assertThat(hangup.variable("caller_id")).contains("\"Outbound Call\" <agent1>");
        assertThat(hangup.variables()).containsEntry("start_stamp", "2026-11-24 01:54:16")
                .containsEntry("hangup_cause", "NORMAL_CLEARING");
        assertThat(hangup.variables()).doesNotContainKey("Event-Name");
        assertThat(hangup.eventHeaders()).extracting(EslEventHeaders.Header::name)
                .contains("Event-Name", "Hangup-Cause").noneMatch(n -> n.startsWith("variable_"));
    }

    @Test
    void a_repeated_header_keeps_both_values_in_order() {
        EslEventHeaders hangup = EslEventHeaders.parse(PlainEventFixtures.first(ALL_EVENTS, "CHANNEL_HANGUP_COMPLETE"));

        assertThat(hangup.all("Hangup-Cause")).containsExactly("NORMAL_CLEARING", "NORMAL_CLEARING");
    }

    @Test
    void a_background_job_keeps_its_result_as_the_body_not_as_a_header() {
        EslEventHeaders job = EslEventHeaders.parse(PlainEventFixtures.first(ALL_EVENTS, "BACKGROUND_JOB"));

        assertThat(job.first("Job-UUID")).contains("824d960c-8d0b-485e-a69f-9cbeaebedc39");
        assertThat(job.first("Job-Command")).contains("originate");
        assertThat(job.first("Job-Command-Arg")).hasValueSatisfying(arg -> assertThat(arg)
                .startsWith("{origination_uuid=4d5ed8e0").endsWith("}null/agent1 &park"));
        assertThat(job.body()).isEqualTo("+OK 4d5ed8e0-d062-4051-8fa4-74c1deb4f649\n");
        assertThat(job.first("Content-Length")).isEmpty();
    }

    @Test
    void every_recorded_plain_event_has_an_event_name() {
        List<String> bodies = PlainEventFixtures.bodies(ALL_EVENTS);

        assertThat(bodies).hasSizeGreaterThan(20)
                .allSatisfy(body -> assertThat(EslEventHeaders.parse(body).eventName()).isPresent());
    }

    @Test
    void a_literal_plus_is_not_a_space_and_a_broken_escape_is_kept() {
        EslEventHeaders event = EslEventHeaders.parse("Event-Name: CUSTOM\nvariable_note: 1+1%2B1 is 100%\n\n");

        assertThat(event.variable("note")).contains("1+1+1 is 100%");
    }

    @Test
    void lines_from_a_client_library_parse_the_same_as_the_body() {
        EslEventHeaders fromLines = EslEventHeaders.fromLines(List.of("Event-Name: HEARTBEAT", "Up-Time: 0%20years"), "");

        assertThat(fromLines.first("Up-Time")).contains("0 years");
    }

    @Test
    void odd_lines_are_skipped_and_the_rest_read_as_sent() {
        EslEventHeaders event = EslEventHeaders.parse("Event-Name: CUSTOM\nno colon here\n: no name\n\n"
                + "Ignored-Too: no\n");

        assertThat(event.headers()).containsExactly(new EslEventHeaders.Header("Event-Name", "CUSTOM"));
        assertThat(event.body()).isEqualTo("Ignored-Too: no\n");
    }

    @Test
    void a_value_keeps_all_but_the_one_space_after_the_colon_and_may_be_empty_or_hold_colons() {
        EslEventHeaders event = EslEventHeaders.parse("A:  two spaces\nB:\nC: sip:1000@pbx:5060\ncontent-length: 12\nD:x");

        assertThat(event.headers()).containsExactly(new EslEventHeaders.Header("A", " two spaces"),
                new EslEventHeaders.Header("B", ""), new EslEventHeaders.Header("C", "sip:1000@pbx:5060"),
                new EslEventHeaders.Header("D", "x"));
        assertThat(event.body()).isEmpty();
    }

    @Test
    void escapes_decode_to_utf8_in_ascii_and_in_non_ascii_values_alike() {
        EslEventHeaders event = EslEventHeaders.parse("A: J%C3%BCrgen%20M\nB: Jürgen%20M\nC: 100%25\n");

        assertThat(event.first("A")).contains("Jürgen M");
        assertThat(event.first("B")).contains("Jürgen M");
        assertThat(event.first("C")).contains("100%");
    }
}
