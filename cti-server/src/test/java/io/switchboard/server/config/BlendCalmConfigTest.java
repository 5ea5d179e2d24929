package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outbound.blend-calm-seconds}: how long inbound must be calm before blended agents go back to campaigns. */
class BlendCalmConfigTest {

  @TempDir Path dir;

  private SwitchboardConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("config.yaml"), yaml), env).config();
  }

  @Test
  void it_is_thirty_seconds_unless_set() throws IOException {
    assertThat(load("", Map.of()).outbound().blendCalmSeconds()).isEqualTo(30);
    assertThat(load("outbound: {wrap-up-seconds: 5}\n", Map.of()).outbound().blendCalmSeconds()).isEqualTo(30);
  }

  @Test
  void it_binds_from_the_file_and_the_environment() throws IOException {
    assertThat(load("outbound: {blend-calm-seconds: 90}\n", Map.of()).outbound().blendCalmSeconds()).isEqualTo(90);
    assertThat(load("", Map.of("SWITCHBOARD_OUTBOUND_BLEND_CALM_SECONDS", "4")).outbound().blendCalmSeconds())
        .isEqualTo(4);
  }

  @Test
  void a_calm_outside_1_to_3600_seconds_is_refused_naming_the_key() {
    assertThatThrownBy(() -> load("outbound: {blend-calm-seconds: 0}\n", Map.of()))
        .hasMessageContaining("key 'outbound.blend-calm-seconds' must be between 1 and 3600");
    assertThatThrownBy(() -> load("outbound: {blend-calm-seconds: 3601}\n", Map.of()))
        .hasMessageContaining("key 'outbound.blend-calm-seconds' must be between 1 and 3600");
  }
}
