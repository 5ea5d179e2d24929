package io.switchboard.sim.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.sim.PbxFlavor;
import io.switchboard.sim.SimulatedPbx;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The traffic model drives either PBX with the same seed: switching {@link PbxFlavor} is the only change. */
class EitherPbxTrafficTest {

    private static final TrafficProfile PROFILE = TrafficProfile.inbound(Map.of("4930100", 6.0, "4930200", 3.0))
            .withPatience(Duration.ofSeconds(30));

    @Test
    void the_same_seed_gives_the_same_run_on_asterisk_and_on_freeswitch() throws Exception {
        Map<PbxFlavor, TrafficReport> reports = new EnumMap<>(PbxFlavor.class);
        for (PbxFlavor flavor : PbxFlavor.values()) {
            try (SimulatedPbx pbx = flavor.start(0, "cti", "secret", 0.0005)) {
                reports.put(flavor, new TrafficModel(PROFILE, 42).run(pbx, TrafficBound.calls(8))
                        .toCompletableFuture().get(10, TimeUnit.SECONDS));
            }
        }

        TrafficReport asterisk = reports.get(PbxFlavor.ASTERISK);
        TrafficReport freeswitch = reports.get(PbxFlavor.FREESWITCH);
        assertThat(asterisk.arrivals()).isEqualTo(8);
        assertThat(freeswitch).isEqualTo(asterisk);
    }
}
