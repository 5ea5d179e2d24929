package io.switchboard.queue.dialer.blend;

import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundGuardTest {

    @Test
    void aQuietQueueKeepsNobody() {
        assertThat(InboundGuard.agentsToKeep(List.of(load(0, 0, 0, 0)), 8)).isZero();
    }

    @Test
    void theForecastKeepsTheErlangStaffForTheTargetAndMarginLessTheInboundOnlyAgents() {
        // 120 calls/h, AHT 300 s, 80 % in 20 s: 14 agents give 86.66 %, above 80 % + 5 points
        assertThat(InboundGuard.staffFor(load(120, 0, 0, 0))).isEqualTo(14);
        assertThat(InboundGuard.agentsToKeep(List.of(load(120, 0, 0, 10)), 8)).isEqualTo(4);
        assertThat(InboundGuard.agentsToKeep(List.of(load(120, 0, 0, 20)), 8)).isZero();
    }

    @Test
    void everyCallerWaitingNowNeedsAnAgentEvenWhenTheForecastSaysQuiet() {
        assertThat(InboundGuard.agentsToKeep(List.of(load(0, 3, 2, 1)), 8)).isEqualTo(2);
    }

    @Test
    void aCallerWaitingWhileTheInboundOnlyAgentIsOnACallKeepsABlendedAgent() {
        InboundLoad busy = new InboundLoad(QueueId.of("support"), 1, Duration.ofSeconds(2), 0,
                Duration.ofSeconds(300), 0.8, Duration.ofSeconds(20), 1, OptionalDouble.empty(), 0);

        assertThat(InboundGuard.agentsToKeep(List.of(busy), 8)).isEqualTo(1);
    }

    @Test
    void moreFreeInboundOnlyAgentsThanWorkingOnesIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new InboundLoad(QueueId.of("support"), 0,
                Duration.ZERO, 0, Duration.ofSeconds(300), 0.8, Duration.ofSeconds(20), 1, OptionalDouble.empty(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inboundOnlyFree");
    }

    @Test
    void aCallerWhoHasWaitedHalfTheThresholdPutsTheQueueAtRiskAndKeepsEveryBlendedAgent() {
        assertThat(InboundGuard.agentsToKeep(List.of(load(0, 1, 10, 5)), 8)).isEqualTo(8);
        assertThat(InboundGuard.agentsToKeep(List.of(load(0, 1, 9, 5)), 8)).isZero();
    }

    @Test
    void aLiveServiceLevelUnderTheTargetKeepsEveryBlendedAgent() {
        InboundLoad below = new InboundLoad(QueueId.of("support"), 0, Duration.ZERO, 0, Duration.ofSeconds(300),
                0.8, Duration.ofSeconds(20), 5, OptionalDouble.of(0.72));
        assertThat(InboundGuard.agentsToKeep(List.of(below), 6)).isEqualTo(6);
    }

    @Test
    void theQueuesNeedsAddUpAndNeverExceedTheBlendedAgents() {
        assertThat(InboundGuard.agentsToKeep(List.of(load(0, 2, 1, 0), load(0, 3, 1, 0)), 10)).isEqualTo(5);
        assertThat(InboundGuard.agentsToKeep(List.of(load(0, 4, 1, 0), load(0, 3, 1, 0)), 6)).isEqualTo(6);
    }

    private static InboundLoad load(double callsPerHour, int waiting, int longestWaitSeconds, int inboundOnly) {
        return new InboundLoad(QueueId.of("support"), waiting, Duration.ofSeconds(longestWaitSeconds), callsPerHour,
                Duration.ofSeconds(300), 0.8, Duration.ofSeconds(20), inboundOnly, OptionalDouble.empty());
    }
}
