package io.switchboard.queue.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.call.PhoneNumber;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatCallersTest {

    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final PhoneNumber CALLER = PhoneNumber.parse("+4930555123", "caller");

    private final RepeatCallers repeats = new RepeatCallers(Duration.ofHours(24),
            "salt".getBytes(StandardCharsets.US_ASCII));

    @Test
    void a_number_heard_for_the_first_time_is_not_a_repeat_and_the_second_time_is() {
        assertThat(repeats.callFrom(CALLER, T0)).isFalse();
        assertThat(repeats.callFrom(CALLER, T0.plus(Duration.ofHours(24)))).isTrue();
    }

    @Test
    void numbers_older_than_the_window_are_forgotten_so_memory_follows_the_last_day_of_calls() {
        repeats.callFrom(CALLER, T0);
        repeats.callFrom(PhoneNumber.parse("+4930555999", "caller"), T0.plusSeconds(60));
        assertThat(repeats.remembered()).isEqualTo(2);

        repeats.callFrom(PhoneNumber.parse("+4930555777", "caller"), T0.plus(Duration.ofHours(24)).plusSeconds(30));

        assertThat(repeats.remembered()).isEqualTo(2);
    }
}
