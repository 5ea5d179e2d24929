package io.switchboard.sim.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.ami.AmiHeader;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.Dialplan;
import io.switchboard.sim.asterisk.GlueContexts;
import io.switchboard.sim.asterisk.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TrafficModelTest {

    private static final TrafficProfile PROFILE = TrafficProfile.inbound(Map.of("4930100", 6.0, "4930200", 3.0))
            .withPatience(Duration.ofSeconds(30));

    /** One line per event: virtual milliseconds since the run started, event name, header names. */
    private static List<String> trace(long seed, TrafficBound bound) throws Exception {
        SimulatorConfig config = new SimulatorConfig(Map.of("cti", "s"), Dialplan.switchboard(GlueContexts.shipped()),
                Map.of(), 0.0005, Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));
        List<String> trace = new ArrayList<>();
        try (AsteriskSimulator sim = new AsteriskSimulator(config).start(0)) {
            CompletableFuture<TrafficReport> finished = new CompletableFuture<>();
            sim.drive(world -> {
                Duration start = world.now();
                world.listen(event -> trace.add(world.now().minus(start).toMillis() + " " + signature(event)));
                new TrafficModel(PROFILE, seed).start(world, bound).thenAccept(finished::complete);
            });
            TrafficReport report = finished.get(10, TimeUnit.SECONDS);
            sim.drive(world -> { });   // the engine finishes the task that ended the run (its last events)
            trace.add("report " + report.arrivals() + " arrived, " + report.abandoned() + " abandoned");
        }
        return trace;
    }

    private static String signature(AmiMessage event) {
        return event.event().orElse("?") + " " + event.headers().stream().map(AmiHeader::name).toList();
    }

    @Test
    void the_same_seed_replays_the_same_events_at_the_same_virtual_times() throws Exception {
        List<String> first = trace(42, TrafficBound.calls(12));
        List<String> second = trace(42, TrafficBound.calls(12));

        assertThat(first).isEqualTo(second);
        assertThat(first).filteredOn(line -> line.contains("UserEvent [")).hasSizeGreaterThanOrEqualTo(24);
        assertThat(first.get(first.size() - 1)).isEqualTo("report 12 arrived, 12 abandoned");
    }

    @Test
    void another_seed_gives_another_run() throws Exception {
        assertThat(trace(42, TrafficBound.calls(12))).isNotEqualTo(trace(43, TrafficBound.calls(12)));
    }

    @Test
    void a_duration_bound_stops_arrivals_and_the_run_ends_by_itself() throws Exception {
        List<String> trace = trace(7, TrafficBound.duration(Duration.ofMinutes(2)));
        assertThat(trace.get(trace.size() - 1)).startsWith("report ");
        assertThat(trace).filteredOn(line -> line.contains(" Newchannel ")).allSatisfy(line ->
                assertThat(Long.parseLong(line.substring(0, line.indexOf(' ')))).isLessThanOrEqualTo(120_000));
    }
}
