package io.switchboard.server.queuelog;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One Asterisk {@code queue_log} row: {@code time|callid|queuename|agent|event|data1|...|data5}. Fields hold no
 * {@code |} and no line break (they would split the row); {@link #of} replaces them with {@code _}.
 *
 * @param time  when it happened; the file keeps whole seconds since the epoch, as Asterisk does
 * @param callId the call's id, or {@code NONE} for a member row (app_queue writes the same)
 * @param queue the queue's id, or {@code NONE} for {@code PAUSEALL}/{@code UNPAUSEALL}
 * @param agent the agent's id, or {@code NONE} for a caller's row without an agent (app_queue's value)
 * @param event the event name, e.g. {@code CONNECT}
 * @param data  data1 to at most data5, as app_queue gives them
 */
public record QueueLogRow(Instant time, String callId, String queue, String agent, String event,
                          List<String> data) {

  /** The callid and queue app_queue writes for a row about no call or no single queue. */
  public static final String NONE = "NONE";

  public QueueLogRow {
    if (data.size() > 5) {
      throw new IllegalArgumentException("a queue_log row has at most five data fields: " + data);
    }
    data = List.copyOf(data);
  }

  /** A row with its fields made safe for the pipe-separated layout. */
  public static QueueLogRow of(Instant time, String callId, String queue, String agent, String event,
      String... data) {
    return new QueueLogRow(time, clean(callId), clean(queue), clean(agent), event,
        Arrays.stream(data).map(QueueLogRow::clean).toList());
  }

  /** The data fields joined with {@code |}, as Asterisk's {@code data} column and file hold them. */
  public String joinedData() {
    return String.join("|", data);
  }

  /** data{@code n} (1 to 5), empty when the event has fewer fields. */
  public String data(int n) {
    return n <= data.size() ? data.get(n - 1) : "";
  }

  /**
   * The row as a line of Asterisk's {@code queue_log} file, without the line break: logger.c writes
   * {@code "%ld|%s|%s|%s|%s|%s"} with the data as the event formatted it, so no trailing empty fields.
   */
  public String line() {
    String head = time.getEpochSecond() + "|" + callId + "|" + queue + "|" + agent + "|" + event;
    return data.isEmpty() ? head + "|" : head + "|" + joinedData();
  }

  private static String clean(String field) {
    return field.replace('|', '_').replace('\n', '_').replace('\r', '_');
  }
}
