package io.switchboard.queue.dialer.blend;

import io.switchboard.core.id.QueueId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlenderTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final Blender blender = new Blender();

    @Test
    void agentsArePulledToInboundAtOnceWhenCallersStartWaiting() {
        assertThat(blender.lendable(List.of(waiting(0)), 6, T0)).isEqualTo(6);

        assertThat(blender.lendable(List.of(waiting(4)), 6, T0.plusSeconds(1))).isEqualTo(2);
    }

    @Test
    void agentsAreLentBackOnlyAfterInboundHasBeenCalmForTheWholeCalmPeriod() {
        blender.lendable(List.of(waiting(4)), 6, T0);

        assertThat(blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(1))).isEqualTo(2);
        assertThat(blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(30))).isEqualTo(2);
        assertThat(blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(31))).isEqualTo(6);
    }

    @Test
    void aNewSurgeDuringTheCalmStartsItAgain() {
        blender.lendable(List.of(waiting(4)), 6, T0);
        blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(1));
        blender.lendable(List.of(waiting(4)), 6, T0.plusSeconds(20));
        blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(21));

        assertThat(blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(40))).isEqualTo(2);
        assertThat(blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(51))).isEqualTo(6);
    }

    @Test
    void aSurgeThatTailsOffKeepsEachAgentUntilTheCalmHasPassedSinceTheLastCallerWhoNeededThem() {
        blender.lendable(List.of(waiting(4)), 6, T0);
        blender.lendable(List.of(waiting(2)), 6, T0.plusSeconds(1));
        blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(5));

        assertThat(blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(31))).as("two were needed until T0+5")
                .isEqualTo(4);
        assertThat(blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(34))).isEqualTo(4);
        assertThat(blender.lendable(List.of(waiting(0)), 6, T0.plusSeconds(35))).isEqualTo(6);
    }

    @Test
    void aShorterCalmPeriodLendsAgentsBackSooner() {
        Blender quick = new Blender(Duration.ofSeconds(5));
        quick.lendable(List.of(waiting(4)), 6, T0);

        assertThat(quick.lendable(List.of(waiting(0)), 6, T0.plusSeconds(1))).isEqualTo(2);
        assertThat(quick.lendable(List.of(waiting(0)), 6, T0.plusSeconds(5))).isEqualTo(2);
        assertThat(quick.lendable(List.of(waiting(0)), 6, T0.plusSeconds(6))).isEqualTo(6);
    }

    @Test
    void aCalmPeriodThatIsNotPositiveIsRefusedNamingIt() {
        assertThatThrownBy(() -> new Blender(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calm");
    }

    @Test
    void fewerBlendedAgentsLoggedInNeverLeaveANegativeNumberToLend() {
        blender.lendable(List.of(waiting(5)), 6, T0);

        assertThat(blender.lendable(List.of(waiting(5)), 3, T0.plusSeconds(1))).isZero();
    }

    private static InboundLoad waiting(int callers) {
        return new InboundLoad(QueueId.of("support"), callers, Duration.ofSeconds(callers == 0 ? 0 : 1), 0,
                Duration.ofSeconds(180), 0.8, Duration.ofSeconds(20), 0, OptionalDouble.empty());
    }
}
