package io.switchboard.core.call;

/**
 * Where one leg of a call is.
 *
 * <pre>
 * DIALING  -> RINGING | ANSWERED | ENDED
 * RINGING  -> ANSWERED | ENDED
 * ANSWERED -> HELD | ENDED
 * HELD     -> ANSWERED | ENDED
 * ENDED    (final)
 * </pre>
 */
public enum LegState {

    /** The PBX was asked to create the leg (originate, dial the agent) and has not reported ringing yet. */
    DIALING,

    /** The far end is ringing. */
    RINGING,

    /**
     * The far end answered and media flows. An inbound customer leg starts
     * here, because the dialplan answers before parking the caller on hold.
     */
    ANSWERED,

    /** The party was put on hold and hears music; the leg is still up. */
    HELD,

    /** The leg hung up or failed; see its hangup cause. */
    ENDED;

    /** Whether the lifecycle allows moving from this state to {@code next}. */
    public boolean canMoveTo(LegState next) {
        return switch (this) {
            case DIALING -> next == RINGING || next == ANSWERED || next == ENDED;
            case RINGING -> next == ANSWERED || next == ENDED;
            case ANSWERED -> next == HELD || next == ENDED;
            case HELD -> next == ANSWERED || next == ENDED;
            case ENDED -> false;
        };
    }
}
