package io.switchboard.server.security;

import io.switchboard.server.crm.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final RateLimiter limiter = new RateLimiter(new RateLimit(2, 1.0), clock, 3);

  @Test
  void each_key_has_its_own_bucket() {
    assertThat(limiter.take("token:ana")).isEmpty();
    assertThat(limiter.take("token:ana")).isEmpty();
    assertThat(limiter.take("token:ana")).contains(Duration.ofSeconds(1));
    assertThat(limiter.take("token:bob")).as("bob is not ana").isEmpty();
  }

  @Test
  void a_refused_caller_is_let_in_again_once_a_token_has_come_back() {
    limiter.take("ip:10.0.0.1");
    limiter.take("ip:10.0.0.1");
    assertThat(limiter.take("ip:10.0.0.1")).isPresent();

    clock.advance(Duration.ofSeconds(1));

    assertThat(limiter.take("ip:10.0.0.1")).isEmpty();
  }

  @Test
  void checking_without_charging_spends_nothing() {
    assertThat(limiter.blocked("sign-in:ana@10.0.0.1")).isEmpty();
    limiter.charge("sign-in:ana@10.0.0.1");
    limiter.charge("sign-in:ana@10.0.0.1");

    assertThat(limiter.blocked("sign-in:ana@10.0.0.1")).contains(Duration.ofSeconds(1));
    assertThat(limiter.blocked("sign-in:ana@10.0.0.1")).as("still one second: peeking is free")
        .contains(Duration.ofSeconds(1));
  }

  @Test
  void idle_buckets_are_forgotten_when_the_table_is_full_so_memory_stays_bounded() {
    limiter.take("a");
    limiter.take("b");
    limiter.take("c");
    clock.advance(Duration.ofSeconds(5));

    limiter.take("d");

    assertThat(limiter.size()).isEqualTo(1);
  }

  @Test
  void a_full_table_of_busy_callers_still_answers_a_new_one_without_growing_past_the_bound() {
    for (int i = 0; i < 10; i++) {
      limiter.take("caller-" + i);
    }

    assertThat(limiter.size()).isLessThanOrEqualTo(3);
    assertThat(limiter.take("newcomer")).isEmpty();
  }
}
