package io.switchboard.esl.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class CustomEventTranslatorTest {

    @Test
    void a_translator_registered_for_a_subclass_gets_its_events_decoded_with_the_channels_at_hand() {
        List<String> seen = new ArrayList<>();
        CustomEventTranslator callcenter = (event, at, channels) -> {
            seen.add(event.first("CC-Action").orElseThrow());
            return List.of();
        };
        EslEventTranslator translator = new EslEventTranslator(new EslChannels(FixtureReplay.PBX),
                Map.of("callcenter::info", callcenter), job -> Optional.empty(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

        FixtureReplay.events("09-callcenter-queue-member-agent.esl.txt").forEach(translator::translate);

        assertThat(translator.customSubclasses()).containsExactly("callcenter::info");
        assertThat(seen).hasSize(14).contains("agent-offering", "bridge-agent-start", "member-queue-end");
        assertThat(translator.skipped()).doesNotContainKey("CUSTOM/callcenter::info");
    }

    @Test
    void a_job_switchboard_sent_fails_for_the_call_it_was_sent_for_even_without_origination_uuid() {
        CallId asked = CallId.of("fs1/task-42");
        EslEventTranslator translator = new EslEventTranslator(new EslChannels(FixtureReplay.PBX), Map.of(),
                job -> Optional.of(asked), Clock.systemUTC());

        List<PbxEvent> out = new ArrayList<>();
        FixtureReplay.events("06-agent-busy-noanswer-failures.esl.txt").forEach(e -> out.addAll(translator.translate(e)));

        assertThat(out).filteredOn(PbxEvent.OriginateFailed.class::isInstance).hasSize(5)
                .allSatisfy(e -> assertThat(((PbxEvent.OriginateFailed) e).call()).isEqualTo(asked));
    }
}
