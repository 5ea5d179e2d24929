package io.switchboard.queue.dialer.pacing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AgentlessPacerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");

    @Test
    void anIdleCampaignFillsEveryLine() {
        assertThat(new AgentlessPacer(5).callsToPlace(input(0, 0, 0))).isEqualTo(5);
    }

    @Test
    void ringingCallsAndAnswersHearingTheMessageHoldTheirLines() {
        assertThat(new AgentlessPacer(5).callsToPlace(input(0, 2, 1))).isEqualTo(2);
    }

    @Test
    void neverMoreThanItsLinesWhateverTheAgents() {
        assertThat(new AgentlessPacer(3).callsToPlace(input(40, 3, 0))).isZero();
        assertThat(new AgentlessPacer(3).callsToPlace(input(40, 0, 0))).isEqualTo(3);
    }

    @Test
    void moreCallsUpThanLinesPlacesNoneRatherThanANegativeNumber() {
        assertThat(new AgentlessPacer(2).callsToPlace(input(0, 4, 1))).isZero();
    }

    @Test
    void aCampaignNeedsALine() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AgentlessPacer(0)).withMessageContaining("lines");
    }

    private static PacingInput input(int agentsReady, int ringing, int listening) {
        return new PacingInput(NOW, agentsReady, List.of(), List.of(),
                Collections.nCopies(ringing, Duration.ofSeconds(3)), listening);
    }
}
