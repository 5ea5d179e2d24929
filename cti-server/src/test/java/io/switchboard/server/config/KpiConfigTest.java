package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kpi.*}: the KPI engine's judgement and day, from the file or the environment, checked by key. */
class KpiConfigTest {

  @TempDir Path dir;

  private SwitchboardConfig load(String yaml, Map<String, String> env) throws IOException {
    return ConfigLoader.load(Files.writeString(dir.resolve("config.yaml"), yaml), env).config();
  }

  @Test
  void without_a_kpi_section_the_engine_keeps_its_defaults() throws IOException {
    assertThat(load("", Map.of()).kpi()).isEqualTo(new KpiConfig(20, 5, 24, "UTC"));
  }

  @Test
  void a_key_given_in_the_file_or_the_environment_replaces_only_its_default() throws IOException {
    KpiConfig kpi = load("kpi: {zone: Europe/Berlin, short-abandon-seconds: 10}\n",
        Map.of("SWITCHBOARD_KPI_REPEAT_CALLER_HOURS", "48")).kpi();

    assertThat(kpi).isEqualTo(new KpiConfig(20, 10, 48, "Europe/Berlin"));
  }

  @Test
  void values_out_of_range_name_their_key() {
    assertThatThrownBy(() -> load("kpi: {zone: Mars/Olympus}\n", Map.of()))
        .hasMessageContaining("key 'kpi.zone' must be a time zone");
    assertThatThrownBy(() -> load("kpi: {short-abandon-seconds: -1}\n", Map.of()))
        .hasMessageContaining("key 'kpi.short-abandon-seconds' must be between 0 (none) and 600");
    assertThatThrownBy(() -> load("kpi: {repeat-caller-hours: 0}\n", Map.of()))
        .hasMessageContaining("key 'kpi.repeat-caller-hours' must be between 1 and 168");
    assertThatThrownBy(() -> load("kpi: {service-level-seconds: 0}\n", Map.of()))
        .hasMessageContaining("key 'kpi.service-level-seconds' must be between 1 and 3600");
  }
}
