package io.switchboard.queue.dialer.blend;

import io.switchboard.core.Require;
import io.switchboard.core.id.QueueId;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * One inbound queue's load now, as blending needs it.
 *
 * @param queue            the inbound queue
 * @param waiting          callers waiting in it now
 * @param longestWait      how long the longest of them has waited; zero when none waits
 * @param callsPerHour     the recent arrival rate (e.g. the last 15 minutes, per hour)
 * @param handleTime       the recent average handle time (talk + hold + wrap-up)
 * @param target           the service-level target, a share of calls above 0 and at most 1, e.g. 0.8
 * @param threshold        answered within this, e.g. 20 s
 * @param inboundOnly      agents logged in to the queue who take inbound calls only (not paused)
 * @param serviceLevel     the queue's live service level over its window, when it has answered calls to judge
 * @param inboundOnlyFree  of {@code inboundOnly}, those free now (available), who can take a waiting caller at
 *                         once; one on a call cannot
 */
public record InboundLoad(QueueId queue, int waiting, Duration longestWait, double callsPerHour,
                          Duration handleTime, double target, Duration threshold, int inboundOnly,
                          OptionalDouble serviceLevel, int inboundOnlyFree) {

    /** With every inbound-only agent counted as free. */
    public InboundLoad(QueueId queue, int waiting, Duration longestWait, double callsPerHour, Duration handleTime,
                       double target, Duration threshold, int inboundOnly, OptionalDouble serviceLevel) {
        this(queue, waiting, longestWait, callsPerHour, handleTime, target, threshold, inboundOnly, serviceLevel,
                inboundOnly);
    }

    public InboundLoad {
        Require.nonNull(queue, "queue");
        Require.atLeast(waiting, 0, "waiting");
        Require.nonNegative(longestWait, "longestWait");
        if (!(callsPerHour >= 0)) {
            throw new IllegalArgumentException("callsPerHour must be 0 or more, was " + callsPerHour);
        }
        Require.nonNegative(handleTime, "handleTime");
        if (!(target > 0 && target <= 1)) {
            throw new IllegalArgumentException("target must be above 0 and at most 1, was " + target);
        }
        Require.positive(threshold, "threshold");
        Require.atLeast(inboundOnly, 0, "inboundOnly");
        Require.nonNull(serviceLevel, "serviceLevel");
        Require.atLeast(inboundOnlyFree, 0, "inboundOnlyFree");
        if (inboundOnlyFree > inboundOnly) {
            throw new IllegalArgumentException("inboundOnlyFree must be at most inboundOnly (" + inboundOnly
                    + "), was " + inboundOnlyFree);
        }
    }
}
