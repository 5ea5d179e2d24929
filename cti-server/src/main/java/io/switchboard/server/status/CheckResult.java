package io.switchboard.server.status;

import java.util.Map;

/**
 * The outcome of one check.
 *
 * @param detail one human sentence, never a secret or a full phone number
 * @param facts extra machine-readable values (member count, latency), shown as they are
 */
public record CheckResult(DependencyState state, String detail, Map<String, Object> facts) {

  public CheckResult {
    facts = Map.copyOf(facts);
  }

  public static CheckResult of(DependencyState state, String detail) {
    return new CheckResult(state, detail, Map.of());
  }

  public static CheckResult up(String detail, Map<String, Object> facts) {
    return new CheckResult(DependencyState.UP, detail, facts);
  }

  public static CheckResult down(String detail) {
    return of(DependencyState.DOWN, detail);
  }
}
