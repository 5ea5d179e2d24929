package io.switchboard.server.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.routing.RoutingStrategy;
import org.junit.jupiter.api.Test;

class JooqTaskQueuesTest {

  @Test
  void a_queue_rows_strategy_is_read_whether_written_with_underscores_dashes_or_capitals() {
    assertThat(JooqTaskQueues.strategyOf("round_robin_memory")).isEqualTo(RoutingStrategy.ROUND_ROBIN_MEMORY);
    assertThat(JooqTaskQueues.strategyOf("fewest-calls")).isEqualTo(RoutingStrategy.FEWEST_CALLS);
    assertThat(JooqTaskQueues.strategyOf("RING_ALL")).isEqualTo(RoutingStrategy.RING_ALL);
  }

  @Test
  void an_unknown_strategy_falls_back_to_longest_idle_rather_than_failing_the_call() {
    assertThat(JooqTaskQueues.strategyOf("leastrecent-ish")).isEqualTo(RoutingStrategy.LONGEST_IDLE);
  }
}
