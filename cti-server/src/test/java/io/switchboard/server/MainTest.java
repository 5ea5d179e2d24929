package io.switchboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void on_one_or_two_processors_the_common_pool_gets_two_threads_so_async_steps_do_not_start_a_thread_each() {
    assertThat(Main.commonPoolParallelism(1, Optional.empty())).contains("2");
    assertThat(Main.commonPoolParallelism(2, Optional.empty())).contains("2");
  }

  @Test
  void on_more_processors_or_with_a_size_on_the_command_line_the_jdk_default_stays() {
    assertThat(Main.commonPoolParallelism(3, Optional.empty())).isEmpty();
    assertThat(Main.commonPoolParallelism(2, Optional.of("1"))).isEmpty();
  }
}
