package io.switchboard.ami.bench;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.translate.AmiEventTranslator;
import io.switchboard.ami.translate.AmiTranscripts;
import io.switchboard.core.id.PbxId;
import org.asteriskjava.manager.event.ManagerEvent;
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

/**
 * AMI events per second through translation on one thread: every event of every recorded Asterisk 20
 * session, pre-built by Asterisk-Java, replayed through a fresh translator per session. Run with
 * {@code bench/ami-translation.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class TranslationBenchmark {

    /** Events in one replay of all fixtures; JMH divides by it so the score is events per second. */
    public static final int EVENTS = 2023;

    private List<List<ManagerEvent>> sessions;

    @Setup
    public void load() {
        sessions = AmiTranscripts.all().stream().map(AmiTranscripts::events).toList();
        int total = sessions.stream().mapToInt(List::size).sum();
        if (total != EVENTS) {
            throw new IllegalStateException("fixtures hold " + total + " events; set EVENTS to that");
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void translateAllFixtures(Blackhole sink) {
        for (List<ManagerEvent> session : sessions) {
            AmiEventTranslator translator = new AmiEventTranslator(
                    new ChannelRegistry(PbxId.of("bench"), Clock.systemUTC()), Clock.systemUTC(), "DE");
            for (ManagerEvent event : session) {
                sink.consume(translator.translate(event));
            }
        }
    }
}
