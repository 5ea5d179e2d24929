package io.switchboard.queue.dialer.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * What happens to a campaign's calls and agents, told to the pacer's figures as it happens (by the dialer at
 * run time, by the simulator in simulated time). One instance per campaign; called on one thread.
 */
public interface DialOutcomes {

    /** A call was placed. */
    void dialled(Instant at);

    /** A person answered (AMD said human or not sure) after ringing for {@code ring}. */
    void answeredLive(Instant at, Duration ring);

    /** A machine answered after ringing for {@code ring}. */
    void answeredMachine(Instant at, Duration ring);

    /** Nobody answered, the line was busy, or the call failed, after {@code ring}. */
    void unanswered(Instant at, Duration ring);

    /** A live answer reached an agent after waiting {@code waited} for one. */
    void connected(Instant at, Duration waited);

    /** A live answer reached no agent (safe harbour, or the person hung up first): an abandoned call. */
    void abandoned(Instant at);

    /** An agent finished talking on a campaign call that lasted {@code talk}. */
    void talkEnded(Instant at, Duration talk);

    /** An agent finished the wrap-up after a campaign call, which lasted {@code wrap}. */
    void wrapEnded(Instant at, Duration wrap);
}
