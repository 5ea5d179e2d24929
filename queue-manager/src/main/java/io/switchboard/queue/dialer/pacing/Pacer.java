package io.switchboard.queue.dialer.pacing;

/**
 * Decides how many new calls a campaign places now. The dialer asks at least once a second and whenever an
 * agent becomes free; the answer is never negative. A pacer that keeps figures learns them from the
 * {@link DialOutcomes} it was built with.
 */
public interface Pacer {

    /** How many calls to place now, 0 or more. */
    int callsToPlace(PacingInput input);
}
