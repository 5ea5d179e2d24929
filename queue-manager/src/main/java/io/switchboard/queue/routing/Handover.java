package io.switchboard.queue.routing;

import io.switchboard.core.id.LegId;

import java.util.Collection;
import java.util.Set;

/**
 * What becomes of a call another node left in flight, once its PBX's resync listed the legs still up: a pure
 * decision, from what the old owner kept ({@link HeldCall}) and the live legs ({@code PbxEvent.PbxResynced}).
 */
final class Handover {

    /** The fate of one call taken over. */
    enum Fate {
        /** The caller still waits on hold: the call keeps its place and entered time and is decided again. */
        WAITS,
        /** An agent leg the old owner rang is still up: the reservation stands, the ring goes on. */
        RINGS,
        /**
         * The caller is still there but none of the rung agent legs is: the ring was lost with the old owner (or
         * the new owner's adapter cannot name the leg it rang), so the agents are freed without a miss and the
         * caller is decided again. Redirecting the caller to the next agent ends any ring the PBX still had.
         */
        RING_LOST,
        /** Caller and agent talk: the call goes on and ends on the caller's hang-up as any other. */
        TALKS,
        /**
         * The caller talks (the PBX lists their leg in a conversation) though the old owner never recorded an answer:
         * the agent it rang answered while nobody owned the PBX, or as its owner died. Recorded connected now, once,
         * and goes on as {@link #TALKS}.
         */
        ANSWERED,
        /** The caller hung up before an agent answered, while nobody owned the PBX: recorded abandoned, once. */
        ABANDONED,
        /** The call had connected and ended while nobody owned the PBX: recorded completed, once; wrap-up. */
        COMPLETED
    }

    private Handover() {
    }

    /**
     * The fate of a call whose caller is on {@code callerLeg}, with {@code rung} the agent legs the old owner
     * rang (or the one talking), {@code connected} whether it recorded an agent's answer, {@code live} the PBX's
     * legs and {@code talking} those of them the PBX lists in a conversation.
     */
    static Fate fate(LegId callerLeg, Collection<LegId> rung, boolean connected, Set<LegId> live,
            Set<LegId> talking) {
        if (!live.contains(callerLeg)) {
            return connected ? Fate.COMPLETED : Fate.ABANDONED;
        }
        if (connected) {
            return Fate.TALKS;
        }
        if (rung.isEmpty()) {
            return Fate.WAITS;
        }
        if (talking.contains(callerLeg)) {
            return Fate.ANSWERED;
        }
        return rung.stream().anyMatch(live::contains) ? Fate.RINGS : Fate.RING_LOST;
    }
}
