package io.switchboard.esl.bench;

import io.switchboard.core.id.PbxId;
import io.switchboard.esl.transcript.EslTranscript;
import io.switchboard.esl.translate.EslChannels;
import io.switchboard.esl.translate.EslEventTranslator;
import io.switchboard.esl.wire.EslEventDecoder;
import io.switchboard.esl.wire.EslFrame;
import io.switchboard.esl.wire.EslFrameDecoder;
import io.switchboard.esl.wire.MalformedEventException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * ESL events per second through framing, decoding and translation on one thread: the bytes FreeSWITCH
 * 1.10 sent in every recorded session (plain and JSON), cut by {@link EslFrameDecoder}, read by
 * {@link EslEventDecoder} and translated by a fresh {@link EslEventTranslator} per session. Every event
 * must reach the translator (zero loss: a count mismatch or any malformed input fails the run). Socket
 * reads are not included. Run with {@code bench/esl-translation.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class EslTranslationBenchmark {

    /** Events in one replay of all fixtures; JMH divides by it so the score is events per second. */
    public static final int EVENTS = 235;

    private List<byte[]> sessions;

    @Setup
    public void load() {
        sessions = EslTranscript.ALL.stream().map(f -> EslTranscript.read(f).receivedBytes()).toList();
        int total = replay(translated -> { });
        if (total != EVENTS) {
            throw new IllegalStateException("fixtures hold " + total + " events; set EVENTS to that");
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void decodeAndTranslateAllFixtures(Blackhole sink) {
        int translated = replay(sink::consume);
        if (translated != EVENTS) {
            throw new IllegalStateException("lost events: " + translated + " of " + EVENTS);
        }
    }

    private int replay(Consumer<Object> sink) {
        int[] count = {0};
        for (byte[] session : sessions) {
            EslEventTranslator translator = EslEventTranslator.of(new EslChannels(PbxId.of("bench")), Clock.systemUTC());
            EslFrameDecoder decoder = new EslFrameDecoder(new EslFrameDecoder.Sink() {
                @Override
                public void frame(EslFrame frame) {
                    if (!frame.isEvent()) {
                        return;
                    }
                    try {
                        sink.accept(translator.translate(EslEventDecoder.decode(frame)));
                        count[0]++;
                    } catch (MalformedEventException e) {
                        throw new IllegalStateException("malformed event in a fixture: " + e.kind());
                    }
                }

                @Override
                public void malformed(String kind, String sample) {
                    throw new IllegalStateException("malformed input in a fixture: " + kind);
                }
            });
            decoder.feed(session);
        }
        return count[0];
    }
}
