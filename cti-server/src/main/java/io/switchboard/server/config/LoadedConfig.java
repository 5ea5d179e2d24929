package io.switchboard.server.config;

import java.util.List;

/**
 * A validated configuration and where it came from.
 *
 * @param source the file name, or {@code defaults}
 * @param warnings things worth logging that did not stop loading (e.g. an unknown SWITCHBOARD_* variable)
 */
public record LoadedConfig(SwitchboardConfig config, String source, List<String> warnings) {

  public LoadedConfig {
    warnings = List.copyOf(warnings);
  }
}
