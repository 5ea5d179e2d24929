package io.switchboard.sim.asterisk;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated phone behind a non-Local dial string (an agent's device, a customer's number)
 * reacts when it is dialled.
 */
public sealed interface Phone {

    /** Rings, then answers after {@code ringFor}; hangs up after {@code talkFor} unless that is null. */
    record Answers(Duration ringFor, Duration talkFor) implements Phone {
        /** Rejects a null ring time. */
        public Answers {
            Objects.requireNonNull(ringFor, "ringFor");
        }
    }

    /** Rings until the dialler gives up: DialEnd NOANSWER. */
    record NeverAnswers() implements Phone {
    }

    /** Answers the INVITE with busy: DialEnd BUSY. */
    record Busy() implements Phone {
    }

    /** Nothing listens: DialBegin, no DialEnd, Hangup cause 19 at the timeout (Quirk 18). */
    record Unreachable() implements Phone {
    }
}
