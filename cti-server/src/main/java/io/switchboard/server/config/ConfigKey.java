package io.switchboard.server.config;

import java.util.Locale;

/**
 * One leaf key of the configuration schema, e.g. {@code database.pool-size} or {@code pbx[].host}.
 *
 * @param path dotted key path; list elements are written {@code []}
 * @param type the Java type the value binds to
 * @param listOfScalars true for {@code hazelcast.join.members}: a YAML list, or comma-separated in the environment
 */
public record ConfigKey(String path, Class<?> type, boolean listOfScalars) {

  /** The prefix of every environment override. */
  public static final String ENV_PREFIX = "SWITCHBOARD_";

  /** {@code database.pool-size} becomes {@code SWITCHBOARD_DATABASE_POOL_SIZE}; {@code pbx[].host} becomes {@code SWITCHBOARD_PBX_<n>_HOST}. */
  public String envVar() {
    return ENV_PREFIX
        + path.replace("[]", ".<n>").replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT)
            .replace("<N>", "<n>");
  }

  /** A short human name of the expected type, used in error messages and the docs. */
  public String typeName() {
    return ConfigSchema.typeName(type, listOfScalars);
  }
}
