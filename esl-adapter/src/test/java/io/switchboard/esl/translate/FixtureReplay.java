package io.switchboard.esl.translate;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.PbxId;
import io.switchboard.esl.EslEventHeaders;
import io.switchboard.esl.transcript.EslTranscript;
import io.switchboard.esl.wire.EslEventDecoder;
import io.switchboard.esl.wire.EslFrame;
import io.switchboard.esl.wire.MalformedEventException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Replays a fixture's events through a fresh decoder and translator; fails on any event that does not decode. */
final class FixtureReplay {

    static final PbxId PBX = PbxId.of("fs1");

    private FixtureReplay() {
    }

    /** The decoded events of one fixture, in order. */
    static List<EslEventHeaders> events(String fileName) {
        List<EslEventHeaders> events = new ArrayList<>();
        for (EslFrame frame : EslTranscript.read(fileName).receivedFrames()) {
            if (frame.isEvent()) {
                try {
                    events.add(EslEventDecoder.decode(frame));
                } catch (MalformedEventException e) {
                    throw new AssertionError(fileName + ": " + e.kind() + " in " + e.sample());
                }
            }
        }
        return events;
    }

    /** The core events a fresh translator makes of the fixture. */
    static List<PbxEvent> translate(String fileName, EslEventTranslator translator) {
        List<PbxEvent> out = new ArrayList<>();
        events(fileName).forEach(e -> out.addAll(translator.translate(e)));
        return out;
    }

    static EslEventTranslator freshTranslator() {
        return EslEventTranslator.of(new EslChannels(PBX), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /** One line per core event, short ids: {@code LegHungUp fs1/4d5ed8e0 leg=4d5ed8e0 NORMAL_CLEARING}. */
    static List<String> summary(List<PbxEvent> events) {
        return events.stream().map(FixtureReplay::line).toList();
    }

    private static String line(PbxEvent event) {
        String name = event.getClass().getSimpleName();
        if (event instanceof PbxEvent.LegRinging e) {
            return name + " " + s(e.call().value()) + " leg=" + s(e.leg().value());
        } else if (event instanceof PbxEvent.LegAnswered e) {
            return name + " " + s(e.call().value()) + " leg=" + s(e.leg().value());
        } else if (event instanceof PbxEvent.LegHungUp e) {
            return name + " " + s(e.call().value()) + " leg=" + s(e.leg().value()) + " " + e.cause();
        } else if (event instanceof PbxEvent.CallConnected e) {
            return name + " " + s(e.call().value()) + " leg=" + s(e.leg().value()) + " agent=" + s(e.agentLeg().value());
        } else if (event instanceof PbxEvent.OriginateFailed e) {
            return name + " " + s(e.call().value()) + " " + e.cause();
        } else if (event instanceof PbxEvent.AgentDeviceStateChanged e) {
            return name + " " + e.device() + " " + e.state();
        } else if (event instanceof PbxEvent.PbxDisconnected e) {
            return name + " " + e.reason();
        }
        return name;
    }

    /** {@code fs1/4d5ed8e0-d062-...} becomes {@code 4d5ed8e0}. */
    private static String s(String id) {
        String bare = id.startsWith(PBX.value() + "/") ? id.substring(PBX.value().length() + 1) : id;
        return bare.length() > 8 ? bare.substring(0, 8) : bare;
    }
}
