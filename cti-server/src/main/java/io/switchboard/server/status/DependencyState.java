package io.switchboard.server.status;

import java.util.Locale;

/** What a status check found out about one dependency. Serialised in lower case in {@code /status}. */
public enum DependencyState {
  /** Working: the check exercised it and it answered (database ping, Hazelcast member running). */
  UP,
  /** Not working: the check failed or did not answer in time; {@code detail} says why. */
  DOWN,
  /** The PBX port accepts TCP connections, but no protocol session is open yet (no adapter attached). */
  REACHABLE,
  /** The PBX port refused the connection or did not answer in time. */
  UNREACHABLE,
  /** Enabled and configured, but not exercised yet (CRM connectors before their first call). */
  CONFIGURED,
  /** Switched off in the configuration; not a problem. */
  DISABLED;

  /** True for the states an operator should look at. */
  public boolean isProblem() {
    return this == DOWN || this == UNREACHABLE;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
