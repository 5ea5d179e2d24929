package io.switchboard.queue.dialer.pacing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacersTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void progressiveDialsOneCallPerFreeAgentLessTheCallsAlreadyComing() {
        assertThat(Pacers.progressive().callsToPlace(input(3, 0, 0))).isEqualTo(3);
        assertThat(Pacers.progressive().callsToPlace(input(3, 2, 0))).isEqualTo(1);
        assertThat(Pacers.progressive().callsToPlace(input(3, 2, 1))).isZero();
    }

    @Test
    void progressiveNeverAsksForANegativeNumberOfCalls() {
        assertThat(Pacers.progressive().callsToPlace(input(1, 4, 0))).isZero();
    }

    @Test
    void powerDialsTheRatioTimesTheFreeAgentsRoundedDown() {
        assertThat(Pacers.power(2.5).callsToPlace(input(3, 0, 0))).isEqualTo(7);
        assertThat(Pacers.power(2.5).callsToPlace(input(3, 5, 1))).isEqualTo(1);
        assertThat(Pacers.power(1.0).callsToPlace(input(0, 0, 0))).isZero();
    }

    @Test
    void powerRefusesARatioOutsideOneToTen() {
        assertThatThrownBy(() -> Pacers.power(0.5)).hasMessageContaining("ratio");
        assertThatThrownBy(() -> Pacers.power(10.5)).hasMessageContaining("ratio");
    }

    private static PacingInput input(int ready, int ringing, int waiting) {
        return new PacingInput(NOW, ready, List.of(), List.of(),
                Collections.nCopies(ringing, Duration.ofSeconds(3)), waiting);
    }
}
