package io.switchboard.server.status;

import java.util.Locale;

/** What a status check found out about one dependency. Serialised in lower case in {@code /status}. */
public enum DependencyState {
  /** Working: the check exercised it and it answered (database ping, Hazelcast member running). */
  UP,
  /** Not working: the check failed or did not answer in time; {@code detail} says why. */
  DOWN,
  /** Enabled and configured, but not exercised yet (CRM connectors before their first call). */
  CONFIGURED,
  /** Switched off in the configuration; not a problem. */
  DISABLED;

  /** True for the states an operator should look at. */
  public boolean isProblem() {
    return this == DOWN;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
