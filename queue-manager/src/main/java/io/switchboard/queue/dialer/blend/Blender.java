package io.switchboard.queue.dialer.blend;

import io.switchboard.core.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Decides, each time it is asked, how many blended agents campaigns may use, with hysteresis: the number kept on
 * inbound rises at once when inbound needs more ({@link InboundGuard}), and falls only after inbound has needed
 * fewer for the calm period ({@link #CALM} unless configured, {@code outbound.blend-calm-seconds}) without a
 * break, so agents are not tossed between inbound and a campaign on every caller. One instance per group of blended agents; not thread-safe (the routing context asks).
 */
public final class Blender {

    /** How long inbound must need fewer agents before agents are lent back to campaigns, unless configured. */
    public static final Duration CALM = Duration.ofSeconds(30);

    private final Duration calm;
    private int kept;
    private Instant lowerSince;

    /** With the default calm period, {@link #CALM}. */
    public Blender() {
        this(CALM);
    }

    /** @param calm how long inbound must need fewer agents before they are lent back; more than zero */
    public Blender(Duration calm) {
        this.calm = Require.positive(calm, "calm");
    }

    /**
     * @param loads   the inbound queues' load now
     * @param blended the blended agents logged in now
     * @return how many blended agents campaigns may use now, 0 to {@code blended}
     */
    public int lendable(Collection<InboundLoad> loads, int blended, Instant now) {
        int needed = InboundGuard.agentsToKeep(loads, blended);
        if (needed >= kept) {
            kept = needed;
            lowerSince = null;
        } else if (lowerSince == null) {
            lowerSince = now;
        } else if (!now.isBefore(lowerSince.plus(calm))) {
            kept = needed;
            lowerSince = null;
        }
        kept = Math.min(kept, blended);
        return blended - kept;
    }
}
