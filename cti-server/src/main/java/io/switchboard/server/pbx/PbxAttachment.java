package io.switchboard.server.pbx;

import java.time.Duration;

/** One configured PBX wired to its adapter: what {@link PbxConnections} starts, stops and hands out. */
interface PbxAttachment {

  /** The PBX as the rest of the node sees it. */
  AttachedPbx attached();

  /** Starts the first connection attempt; returns at once. */
  void start();

  /** Blocking: ends the session and the adapter's threads, waiting at most {@code timeout}. Never on an event loop. */
  void stop(Duration timeout);
}
