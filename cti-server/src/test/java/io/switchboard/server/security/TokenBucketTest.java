package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private final RateLimit threePerSecondBurstFive = new RateLimit(5, 3.0);

  @Test
  void a_new_caller_may_spend_the_whole_burst_at_once() {
    TokenBucket bucket = TokenBucket.full(threePerSecondBurstFive, T0);
    for (int i = 0; i < 5; i++) {
      TokenBucket.Decision d = bucket.take(threePerSecondBurstFive, T0);
      assertThat(d.allowed()).as("request %d", i + 1).isTrue();
      bucket = d.next();
    }
    assertThat(bucket.take(threePerSecondBurstFive, T0).allowed()).isFalse();
  }

  @Test
  void a_refusal_says_how_long_until_the_next_token() {
    TokenBucket empty = new TokenBucket(0.0, T0);

    TokenBucket.Decision d = empty.take(threePerSecondBurstFive, T0);

    assertThat(d.allowed()).isFalse();
    assertThat(d.retryAfter()).isEqualTo(Duration.ofMillis(334));
    assertThat(d.next()).as("a refusal costs nothing").isEqualTo(empty);
  }

  @Test
  void tokens_come_back_at_the_rate_and_never_above_the_burst() {
    TokenBucket empty = new TokenBucket(0.0, T0);

    assertThat(empty.take(threePerSecondBurstFive, T0.plusMillis(300)).allowed()).isFalse();
    assertThat(empty.take(threePerSecondBurstFive, T0.plusMillis(334)).allowed()).isTrue();
    TokenBucket later = empty.take(threePerSecondBurstFive, T0.plus(Duration.ofHours(1))).next();
    assertThat(later.tokens()).isEqualTo(4.0);
  }

  @Test
  void a_clock_that_steps_back_gives_no_tokens_and_takes_none() {
    TokenBucket bucket = new TokenBucket(1.0, T0);

    TokenBucket.Decision d = bucket.take(threePerSecondBurstFive, T0.minusSeconds(30));

    assertThat(d.allowed()).isTrue();
    assertThat(d.next()).isEqualTo(new TokenBucket(0.0, T0));
  }

  @Test
  void peeking_spends_nothing() {
    TokenBucket one = new TokenBucket(1.0, T0);

    assertThat(one.retryAfter(threePerSecondBurstFive, T0)).isEmpty();
    assertThat(new TokenBucket(0.5, T0).retryAfter(threePerSecondBurstFive, T0)).contains(Duration.ofMillis(167));
  }

  @Test
  void a_bucket_is_idle_once_it_has_refilled() {
    TokenBucket spent = new TokenBucket(2.0, T0);

    assertThat(spent.idle(threePerSecondBurstFive, T0.plusMillis(999))).isFalse();
    assertThat(spent.idle(threePerSecondBurstFive, T0.plusSeconds(1))).isTrue();
  }

  @Test
  void a_limit_needs_a_burst_of_one_and_a_positive_rate() {
    assertThatThrownBy(() -> new RateLimit(0, 1.0)).hasMessageContaining("burst");
    assertThatThrownBy(() -> new RateLimit(1, 0.0)).hasMessageContaining("perSecond");
  }
}
