package io.switchboard.esl.connection;

import io.switchboard.core.event.PbxEvent;
import io.switchboard.esl.EslEventHeaders;
import io.switchboard.esl.translate.EslEventTranslator;
import io.switchboard.esl.wire.EslEventDecoder;
import io.switchboard.esl.wire.EslFrame;
import io.switchboard.esl.wire.MalformedEventException;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** What happens to one event frame off the socket: decode, translate, publish, end its job; never throws. */
final class EventHandling {

    private EventHandling() {
    }

    static void handle(EslFrame frame, EslEventTranslator translator, MalformedFrames malformed,
            Consumer<PbxEvent> publish, BiConsumer<String, JobOutcome> jobDone) {
        EslEventHeaders event;
        try {
            event = EslEventDecoder.decode(frame);
        } catch (MalformedEventException e) {
            malformed.skipped(e.kind(), e.sample());
            return;
        }
        List<PbxEvent> translated;
        try {
            translated = translator.translate(event);
        } catch (RuntimeException e) {
            malformed.skipped(MalformedFrames.UNTRANSLATABLE_EVENT, e + " in " + frame.body());
            translated = List.of();
        }
        translated.forEach(publish);
        if (event.eventName().filter("BACKGROUND_JOB"::equals).isPresent()) {
            event.first("Job-UUID").ifPresent(job -> jobDone.accept(job, JobOutcome.ofResult(event.body())));
        }
    }
}
