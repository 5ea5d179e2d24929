package io.switchboard.server.queuelog;

import java.util.List;

/** Where queue_log rows go besides the database, e.g. Asterisk's {@code queue_log} file. */
@FunctionalInterface
public interface QueueLogSink {

  /** Takes {@code rows} to write later, in the order given; never blocks and never throws. */
  void append(List<QueueLogRow> rows);
}
