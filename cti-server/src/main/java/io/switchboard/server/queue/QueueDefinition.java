package io.switchboard.server.queue;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.selection.QueueSetup;
import java.util.List;

/**
 * A queue as an admin configures it: what the router needs ({@link QueueSetup}: strategy, skills, timers,
 * workflow, member order, ring interval), the service level the KPIs judge it by (threshold and target share),
 * and the members.
 *
 * @param setup               the routing rules
 * @param serviceLevelSeconds a call answered within this many seconds counts towards the service level
 * @param members             the agents serving the queue, penalty 0
 * @param references          every skill and agent the request named, with the JSON path that named it,
 *                            so a store can say which field points at something unknown
 * @param serviceLevelTargetPercent the share of calls (1 to 100 %) the queue wants answered within
 *                            {@code serviceLevelSeconds}; blending keeps agents on inbound to hold it
 */
public record QueueDefinition(QueueSetup setup, int serviceLevelSeconds, List<AgentId> members,
                              List<Reference> references, int serviceLevelTargetPercent) {

  /** The target of a queue that does not set one: 80 %, the industry's usual 80/20. */
  public static final int DEFAULT_TARGET_PERCENT = 80;

  /** With the {@link #DEFAULT_TARGET_PERCENT}. */
  public QueueDefinition(QueueSetup setup, int serviceLevelSeconds, List<AgentId> members,
      List<Reference> references) {
    this(setup, serviceLevelSeconds, members, references, DEFAULT_TARGET_PERCENT);
  }

  /** A skill, an agent or a queue a field names, checked against the catalogue when the queue is stored. */
  public record Reference(Kind kind, String field, String value) {}

  /** What a {@link Reference} points at. */
  public enum Kind {
    /** A skill of the skills catalogue (filled by creating agents). */
    SKILL,
    /** An agent of the agent directory. */
    AGENT,
    /** Another queue, which an exit overflows to. */
    QUEUE
  }

  public QueueDefinition {
    Require.nonNull(setup, "setup");
    Require.atLeast(serviceLevelSeconds, 1, "serviceLevelSeconds");
    members = List.copyOf(Require.nonNull(members, "members"));
    references = List.copyOf(Require.nonNull(references, "references"));
    Require.atLeast(serviceLevelTargetPercent, 1, "serviceLevelTargetPercent");
    if (serviceLevelTargetPercent > 100) {
      throw new IllegalArgumentException("serviceLevelTargetPercent must be at most 100, was "
          + serviceLevelTargetPercent);
    }
  }

  public QueueId id() {
    return setup.queue().id();
  }
}
