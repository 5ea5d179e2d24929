package io.switchboard.server.routing;

import io.switchboard.queue.selection.ExitReason;

/** How the call record names a queue rule's exit. */
final class QueueExits {

  private QueueExits() {}

  /**
   * The call's {@code end_reason} when a rule sent the caller out of Switchboard: {@code timed_out}, {@code full},
   * {@code join_empty} or {@code leave_empty}.
   */
  static String endReason(ExitReason reason) {
    return switch (reason) {
      case TIMEOUT -> "timed_out";
      case FULL -> "full";
      case JOINEMPTY -> "join_empty";
      case LEAVEEMPTY -> "leave_empty";
    };
  }
}
