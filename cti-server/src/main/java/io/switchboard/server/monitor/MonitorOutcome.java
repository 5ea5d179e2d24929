package io.switchboard.server.monitor;

/** What a monitor request did, for the API to answer. */
public sealed interface MonitorOutcome permits MonitorOutcome.Started, MonitorOutcome.Ended, MonitorOutcome.Refused {

  /** The PBX is ringing the supervisor's phone. */
  record Started(Monitor monitor) implements MonitorOutcome {
  }

  /** The supervisor's leg was hung up (or the PBX no longer had it): the monitor is over. */
  record Ended(Monitor monitor) implements MonitorOutcome {
  }

  /**
   * Nothing was done.
   *
   * @param status  404 unknown agent or monitor, 409 the agent is not on a call, 502 the PBX refused
   * @param errorId a stable slug
   */
  record Refused(int status, String errorId, String message) implements MonitorOutcome {
  }
}
