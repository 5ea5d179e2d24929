package io.switchboard.core.routing;

import io.switchboard.core.fixtures.FakeClock;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.ReservationId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.lifecycle.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReservationTest {

    private static final Instant NINE = Instant.parse("2025-03-03T09:00:00Z");

    private final Reservation offer = Reservation.offer(
            ReservationId.of("r1"), TaskId.of("t1"), AgentId.of("a1"), NINE, Duration.ofSeconds(15));

    @Test
    void a_pending_offer_expires_when_its_timeout_has_passed() {
        FakeClock clock = new FakeClock(NINE);

        assertThat(offer.expiresAt()).isEqualTo(NINE.plusSeconds(15));
        assertThat(offer.isExpiredAt(clock.advance(Duration.ofSeconds(14)))).isFalse();
        assertThat(offer.isExpiredAt(clock.advance(Duration.ofSeconds(1)))).isTrue();
    }

    @ParameterizedTest(name = "a pending offer can become {0}, and then never change again")
    @EnumSource(names = {"ACCEPTED", "REJECTED", "TIMED_OUT", "CANCELED"})
    void a_pending_offer_ends_once(ReservationStatus outcome) {
        Reservation ended = offer.moveTo(outcome).orElseThrow();

        assertThat(ended.status()).isEqualTo(outcome);
        assertThat(ended.isExpiredAt(NINE.plusSeconds(60))).isFalse();
        assertThat(ended.moveTo(ReservationStatus.ACCEPTED))
                .isEqualTo(new Transition.Illegal<Reservation>("ReservationStatus", outcome, ReservationStatus.ACCEPTED));
    }

    @Test
    void a_reservation_needs_a_positive_timeout() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Reservation.offer(ReservationId.of("r1"), TaskId.of("t1"), AgentId.of("a1"),
                        NINE, Duration.ZERO))
                .withMessageContaining("timeout");
    }
}
