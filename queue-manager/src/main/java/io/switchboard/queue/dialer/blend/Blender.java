package io.switchboard.queue.dialer.blend;

import io.switchboard.core.Require;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * Decides, each time it is asked, how many blended agents campaigns may use, with hysteresis: the number kept on
 * inbound rises at once when inbound needs more ({@link InboundGuard}), and an agent is lent back only once
 * inbound has not needed them for the calm period ({@link #CALM} unless configured,
 * {@code outbound.blend-calm-seconds}): the number kept is the most inbound needed over the last calm period, so
 * agents are not tossed between inbound and a campaign on every caller, and a surge that tails off (three callers
 * waiting, then one, then none) keeps each agent until the calm has passed since the last caller who needed them.
 * A need holds from the moment it was seen until the next one was. One instance per group of blended agents; not
 * thread-safe (the routing context asks).
 */
public final class Blender {

    /** How long inbound must not need an agent before that agent is lent back to campaigns, unless configured. */
    public static final Duration CALM = Duration.ofSeconds(30);

    /** A need seen at {@code at}, holding until the next one. */
    private record Need(Instant at, int agents) {
    }

    private final Duration calm;
    private final Deque<Need> needs = new ArrayDeque<>();

    /** With the default calm period, {@link #CALM}. */
    public Blender() {
        this(CALM);
    }

    /** @param calm how long inbound must not need an agent before it is lent back; more than zero */
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
        if (needs.isEmpty() || needs.peekLast().agents() != needed) {
            needs.addLast(new Need(now, needed));
        }
        Instant calmFrom = now.minus(calm);
        while (needs.size() > 1 && !second().at().isAfter(calmFrom)) {
            needs.removeFirst();
        }
        int kept = needs.stream().mapToInt(Need::agents).max().orElse(0);
        return blended - Math.min(kept, blended);
    }

    private Need second() {
        var it = needs.iterator();
        it.next();
        return it.next();
    }
}
