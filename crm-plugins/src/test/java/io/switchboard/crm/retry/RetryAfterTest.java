package io.switchboard.crm.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T01:56:07Z"), ZoneOffset.UTC);

    @Test
    void delta_seconds_are_a_wait_in_seconds() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
    }

    @Test
    void an_imf_fixdate_is_a_wait_until_that_moment() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 01:58:07 GMT", clock)).contains(Duration.ofMinutes(2));
    }

    @Test
    void a_date_in_the_past_means_retry_now() {
        assertThat(RetryAfter.parse("Sun, 06 Nov 1994 08:49:37 GMT", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 01:56:06 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void negative_and_fractional_numbers_are_ignored() {
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse("1.5", clock)).isEmpty();
        assertThat(RetryAfter.parse("+5", clock)).isEmpty();
    }

    @Test
    void a_number_too_large_to_mean_anything_is_ignored() {
        assertThat(RetryAfter.parse("99999999999999999999999", clock)).isEmpty();
    }

    @Test
    void garbage_and_missing_values_are_ignored() {
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("", clock)).isEmpty();
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("2026-11-24T01:58:07Z", clock)).isEmpty();
    }

    @Test
    void a_date_that_is_not_imf_fixdate_is_ignored() {
        assertThat(RetryAfter.parse("Tue, 24 Nov 2026 01:58:07 +0000", clock)).isEmpty();
        assertThat(RetryAfter.parse("Wed, 24 Nov 2026 01:58:07 GMT", clock)).as("wrong weekday").isEmpty();
        assertThat(RetryAfter.parse("Tue, 31 Nov 2026 01:58:07 GMT", clock)).as("no such day").isEmpty();
    }
}
