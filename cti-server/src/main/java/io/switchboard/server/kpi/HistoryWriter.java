package io.switchboard.server.kpi;

import com.hazelcast.core.HazelcastInstance;
import io.switchboard.queue.kpi.IntervalRow;
import io.switchboard.server.cluster.HazelcastSetup;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Which node writes the KPI history, and which of its rows. Every node counts the whole cluster's calls, so every
 * node holds the same interval rows; one writing them is enough, and more would only race. The writer is the
 * cluster's <b>oldest member</b> while it hears from a quorum: Hazelcast's member list is the same on every node,
 * so exactly one node (on the majority side of a partition) thinks it is the oldest, and the oldest has counted
 * the longest, so its rows are the most complete. The write itself stays an upsert keyed by queue and interval, so
 * a second writer in a handover moment overwrites a row with the same figures rather than adding to it.
 *
 * <p>A node writes only the intervals it counted whole: from the interval it started in when it was the oldest
 * member at its start (nobody else was counting), otherwise from the next interval, so a node that joined late and
 * became the writer when the older ones left does not overwrite a full row with the part it saw.
 *
 * @param writes     whether this node writes now
 * @param wholeFrom  the start of the first interval this node counted whole
 */
public record HistoryWriter(BooleanSupplier writes, Instant wholeFrom) {

  /** Every row, for a node alone (and tests): it counted everything since it started. */
  static HistoryWriter alone(Instant start) {
    return new HistoryWriter(() -> true, IntervalRow.startOf(start));
  }

  /** The writer on {@code hazelcast}'s cluster, for a node that started counting at {@code start}. */
  public static HistoryWriter oldestMemberOf(HazelcastInstance hazelcast, Instant start) {
    return new HistoryWriter(() -> oldestWithQuorum(hazelcast), wholeFrom(oldest(hazelcast), start));
  }

  /** The first interval a node counted whole, when it started at {@code start}, then the oldest member or not. */
  static Instant wholeFrom(boolean oldestAtStart, Instant start) {
    Instant interval = IntervalRow.startOf(start);
    return oldestAtStart ? interval : interval.plus(IntervalRow.LENGTH);
  }

  /** Of {@code rows}, those this node writes now. */
  List<IntervalRow> toWrite(List<IntervalRow> rows) {
    if (!writes.getAsBoolean()) {
      return List.of();
    }
    return rows.stream().filter(row -> !row.start().isBefore(wholeFrom)).toList();
  }

  private static boolean oldestWithQuorum(HazelcastInstance hazelcast) {
    return oldest(hazelcast) && hazelcast.getSplitBrainProtectionService()
        .getSplitBrainProtection(HazelcastSetup.QUORUM).hasMinimumSize();
  }

  private static boolean oldest(HazelcastInstance hazelcast) {
    return hazelcast.getCluster().getMembers().iterator().next().localMember();
  }
}
