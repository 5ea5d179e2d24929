package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class OutboxStepTest {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  /** Jitter that always draws the ceiling, so delays are exact. */
  private static final RandomGenerator HIGHEST = new RandomGenerator() {
    @Override
    public long nextLong() {
      throw new UnsupportedOperationException("the policy must draw within a bound");
    }

    @Override
    public long nextLong(long bound) {
      return bound - 1;
    }
  };

  private static final OutboxSettings SETTINGS = OutboxSettings.defaults();
  private static final RetryPolicy POLICY = RetryPolicy.exponential(SETTINGS.baseDelay(), SETTINGS.maxDelay(),
      SETTINGS.maxAttempts(), HIGHEST);

  private static CrmLogResult refused(boolean retryable) {
    return new CrmLogResult.NotLogged("rate-limited", "429 Too Many Requests", retryable);
  }

  @Test
  void a_logged_answer_keeps_the_record_id() {
    assertThat(OutboxStep.after(new CrmLogResult.Logged("00T5e00000ABC"), 3, POLICY, NOW))
        .isEqualTo(new OutboxStep.Logged("00T5e00000ABC"));
  }

  @Test
  void a_retryable_refusal_is_tried_again_after_a_delay_doubling_from_ten_seconds() {
    assertThat(OutboxStep.after(refused(true), 1, POLICY, NOW)).isEqualTo(new OutboxStep.Retry(
        NOW.plus(Duration.ofSeconds(10)), "rate-limited: 429 Too Many Requests"));
    assertThat(((OutboxStep.Retry) OutboxStep.after(refused(true), 3, POLICY, NOW)).at())
        .isEqualTo(NOW.plusSeconds(40));
  }

  @Test
  void the_delay_is_capped_at_two_minutes_so_a_long_outage_drains_within_minutes_of_the_crm_return() {
    for (int attempts = 5; attempts < 200; attempts++) {
      assertThat(((OutboxStep.Retry) OutboxStep.after(refused(true), attempts, POLICY, NOW)).at())
          .isBeforeOrEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }
  }

  @Test
  void a_non_retryable_refusal_fails_at_once() {
    assertThat(OutboxStep.after(refused(false), 1, POLICY, NOW))
        .isEqualTo(new OutboxStep.Failed("rate-limited: 429 Too Many Requests"));
  }

  @Test
  void a_retryable_refusal_fails_once_the_attempts_run_out() {
    assertThat(OutboxStep.after(refused(true), SETTINGS.maxAttempts(), POLICY, NOW))
        .isEqualTo(new OutboxStep.Failed("rate-limited: 429 Too Many Requests (gave up after 1000 attempts)"));
  }

  @Test
  void an_error_never_keeps_a_phone_number_in_full_and_is_cut_to_its_column() {
    String error = OutboxStep.error("contact-not-found", "no contact with phone +442079460018 or 02079460018");

    assertThat(error).doesNotContain("2079460018").contains("**********18");
    assertThat(OutboxStep.error("x", "y".repeat(2000))).hasSize(OutboxStep.MAX_ERROR);
  }
}
