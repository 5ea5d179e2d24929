package io.switchboard.ami.translate;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import org.asteriskjava.manager.event.ManagerEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** One fixture session run through a fresh translator. */
record Replay(ChannelRegistry registry, AmiEventTranslator translator, List<PbxEvent> events) {

    static final PbxId PBX = PbxId.of("pbx1");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T02:00:00Z"), ZoneOffset.UTC);

    /** Replays a whole fixture with numbers read as German (the region in which {@code 100} is a possible number). */
    static Replay of(String fileName) {
        return of(fileName, "DE");
    }

    static Replay of(String fileName, String region) {
        return of(AmiTranscripts.events(AmiTranscripts.named(fileName)), region);
    }

    /** Replays events written by hand in wire form ({@link AmiTranscripts#fromWire}). */
    static Replay ofWire(String... messages) {
        return of(AmiTranscripts.fromWire(messages), "DE");
    }

    /**
     * Replays a whole fixture as if call control, once the call was offered (before the recorded Redirect),
     * had asked for {@code agentLeg} with {@code connectToAgent}.
     */
    static Replay expectingAgentLeg(String fileName, LegId agentLeg) {
        return of(AmiTranscripts.events(AmiTranscripts.named(fileName)), "DE", (registry, event) -> {
            if (event instanceof PbxEvent.CallOffered offered) {
                registry.expectAgentLeg(offered.call(), agentLeg);
            }
        });
    }

    private static Replay of(List<ManagerEvent> managerEvents, String region) {
        return of(managerEvents, region, (registry, event) -> { });
    }

    private static Replay of(List<ManagerEvent> managerEvents, String region,
            BiConsumer<ChannelRegistry, PbxEvent> callControl) {
        ChannelRegistry registry = new ChannelRegistry(PBX, CLOCK);
        AmiEventTranslator translator = new AmiEventTranslator(registry, CLOCK, region);
        List<PbxEvent> events = new ArrayList<>();
        for (ManagerEvent event : managerEvents) {
            for (PbxEvent translated : translator.translate(event)) {
                events.add(translated);
                callControl.accept(registry, translated);
            }
        }
        return new Replay(registry, translator, events);
    }

    <T extends PbxEvent> List<T> only(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
