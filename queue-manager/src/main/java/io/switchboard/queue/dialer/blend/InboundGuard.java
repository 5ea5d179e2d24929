package io.switchboard.queue.dialer.blend;

import io.switchboard.queue.staffing.ErlangC;

import java.util.Collection;

/**
 * How many blended agents the inbound queues need kept now, from their live load. Per queue, the most of:
 * <ul>
 *   <li>the Erlang C staff for the queue's target plus {@link #MARGIN} at its recent arrival rate and handle
 *       time, less its inbound-only agents: the forecast, so agents stay before callers wait;</li>
 *   <li>one agent per caller waiting now, less the inbound-only agents free for them (an inbound-only agent on a
 *       call takes nobody now);</li>
 *   <li>every blended agent when the longest waiting caller has used half the service-level threshold, or when
 *       the live service level has fallen under the target: the queue is at risk, nobody is lent.</li>
 * </ul>
 * The queues' needs are added up (an agent in several queues is counted once per queue: blending errs on the
 * side of inbound). Pure: a function of the loads.
 */
public final class InboundGuard {

    /** Staff for the target plus this share, so a forecast that is a little low does not cost the target. */
    public static final double MARGIN = 0.05;

    private InboundGuard() {
    }

    /**
     * @param loads   the inbound queues the blended agents belong to
     * @param blended the blended agents logged in now
     * @return how many of them must stay on inbound, 0 to {@code blended}
     */
    public static int agentsToKeep(Collection<InboundLoad> loads, int blended) {
        int keep = 0;
        for (InboundLoad load : loads) {
            keep += need(load, blended);
            if (keep >= blended) {
                return blended;
            }
        }
        return keep;
    }

    /** What one queue needs of the blended agents. */
    static int need(InboundLoad load, int blended) {
        if (atRisk(load)) {
            return blended;
        }
        int forecast = Math.max(0, staffFor(load) - load.inboundOnly());
        int waitingNow = Math.max(0, load.waiting() - load.inboundOnlyFree());
        return Math.min(blended, Math.max(forecast, waitingNow));
    }

    static boolean atRisk(InboundLoad load) {
        boolean longWait = load.waiting() > 0
                && load.longestWait().multipliedBy(2).compareTo(load.threshold()) >= 0;
        boolean belowTarget = load.serviceLevel().isPresent() && load.serviceLevel().getAsDouble() < load.target();
        return longWait || belowTarget;
    }

    /** The fewest agents whose Erlang C service level reaches the target plus the margin; 0 with no traffic. */
    static int staffFor(InboundLoad load) {
        double aht = load.handleTime().toMillis() / 1000.0;
        double erlangs = load.callsPerHour() * aht / 3600.0;
        if (erlangs <= 0) {
            return 0;
        }
        double goal = Math.min(0.999, load.target() + MARGIN);
        double threshold = load.threshold().toMillis() / 1000.0;
        double erlangB = 1.0;
        for (int agents = 1; ; agents++) {
            erlangB = erlangs * erlangB / (agents + erlangs * erlangB);
            if (agents > erlangs
                    && ErlangC.metrics(agents, erlangs, erlangB, aht, threshold).serviceLevel() >= goal) {
                return agents;
            }
        }
    }
}
