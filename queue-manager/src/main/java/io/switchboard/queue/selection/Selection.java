package io.switchboard.queue.selection;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What selection decided: offer a task to agents, or wait. */
public sealed interface Selection {

    /**
     * Offer {@code task} to {@code agents}: the first one at once and each next one {@code stagger} later,
     * while the earlier ones keep ringing. A zero stagger rings them all at once ({@code RING_ALL}); most
     * strategies name a single agent.
     *
     * @param task    the task to offer
     * @param queue   the queue whose step made the offer (the one whose round-robin memory moved)
     * @param agents  the agents to offer to, in order; never empty
     * @param stagger the delay between one agent and the next
     * @param memory  the round-robin memory to keep from now on
     */
    record Offer(TaskId task, QueueId queue, List<AgentId> agents, Duration stagger, RoundRobinMemory memory)
            implements Selection {

        public Offer {
            Require.nonNull(task, "task");
            Require.nonNull(queue, "queue");
            agents = List.copyOf(Require.nonNull(agents, "agents"));
            if (agents.isEmpty()) {
                throw new IllegalArgumentException("agents must not be empty");
            }
            Require.nonNegative(stagger, "stagger");
            Require.nonNull(memory, "memory");
        }
    }

    /**
     * Offer nothing now.
     *
     * @param reason    why
     * @param recheckAt when the answer may change with no agent changing: the next workflow step or the end
     *                  of a preference; empty when only an agent or task change can change it
     */
    record Wait(WaitReason reason, Optional<Instant> recheckAt) implements Selection {

        public Wait {
            Require.nonNull(reason, "reason");
            Require.nonNull(recheckAt, "recheckAt");
        }
    }
}
