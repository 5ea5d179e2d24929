package io.switchboard.server.crm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxSettingsTest {

  private static final Duration S = Duration.ofSeconds(1);

  @Test
  void a_lease_no_longer_than_the_call_timeout_is_refused_naming_the_key() {
    assertThatThrownBy(() -> new OutboxSettings(S, S, S, 1, 1, Duration.ofSeconds(30), Duration.ofSeconds(30)))
        .hasMessageStartingWith("crm.outbox.lease");
  }

  @Test
  void a_max_delay_below_the_base_delay_is_refused_naming_the_key() {
    assertThatThrownBy(() -> new OutboxSettings(S, Duration.ofSeconds(10), S, 1, 1, S, Duration.ofSeconds(2)))
        .hasMessageStartingWith("crm.outbox.max-delay");
  }

  @Test
  void a_zero_batch_is_refused_naming_the_key() {
    assertThatThrownBy(() -> new OutboxSettings(S, S, S, 1, 0, S, Duration.ofSeconds(2)))
        .hasMessageStartingWith("crm.outbox.batch");
  }
}
