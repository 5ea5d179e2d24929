package io.switchboard.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md is the one reference: every key and its variable must be in it. */
class ConfigurationDocTest {

  @Test
  void every_key_and_environment_variable_is_documented() throws IOException {
    Path doc = Path.of("..", "docs", "configuration.md");
    String text = Files.readString(doc);

    for (ConfigKey key : ConfigSchema.keys()) {
      assertThat(text).as("docs/configuration.md documents %s", key.path()).contains("`" + key.path() + "`");
      assertThat(text).as("docs/configuration.md names %s", key.envVar()).contains("`" + key.envVar() + "`");
    }
  }
}
