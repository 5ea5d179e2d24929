package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outbound.amd-false-positive-percent}: the compliance gate's estimate of people AMD took for machines. */
class AmdFalsePositiveConfigTest {

  @TempDir Path dir;

  private SwitchboardConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("config.yaml"), yaml), env).config();
  }

  @Test
  void it_is_five_percent_unless_set() throws IOException {
    assertThat(load("", Map.of()).outbound().amdFalsePositivePercent()).isEqualTo(5);
    assertThat(load("outbound: {wrap-up-seconds: 5}\n", Map.of()).outbound().amdFalsePositivePercent()).isEqualTo(5);
  }

  @Test
  void it_binds_from_the_file_and_the_environment() throws IOException {
    assertThat(load("outbound: {amd-false-positive-percent: 12}\n", Map.of()).outbound().amdFalsePositivePercent())
        .isEqualTo(12);
    assertThat(load("", Map.of("SWITCHBOARD_OUTBOUND_AMD_FALSE_POSITIVE_PERCENT", "0")).outbound()
        .amdFalsePositivePercent()).isZero();
  }

  @Test
  void a_share_outside_0_to_100_is_refused_naming_the_key() {
    assertThatThrownBy(() -> load("outbound: {amd-false-positive-percent: 101}\n", Map.of()))
        .hasMessageContaining("key 'outbound.amd-false-positive-percent' must be between 0 and 100");
  }
}
