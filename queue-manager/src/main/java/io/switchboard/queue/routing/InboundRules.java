package io.switchboard.queue.routing;

import io.switchboard.core.Require;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The server-wide rules of inbound routing that are not a queue's.
 *
 * @param pauseAfterMisses how many offers in a row an agent may miss (no answer, busy, unreachable) before
 *                         they are paused with reason {@code no-answer}; 0 turns auto-pause off
 * @param day              the zone whose midnight starts a new day for the agents' statistics of today
 *                         (calls and talk time today, last task end)
 */
public record InboundRules(int pauseAfterMisses, ZoneId day) {

    /** Auto-pause after 3 misses in a row; days start at midnight UTC. */
    public static final InboundRules DEFAULTS = new InboundRules(3, ZoneOffset.UTC);

    public InboundRules {
        Require.atLeast(pauseAfterMisses, 0, "pauseAfterMisses");
        Require.nonNull(day, "day");
    }
}
