package io.switchboard.sim.asterisk;

import java.time.Duration;
import java.util.Objects;

/**
 * How a simulated phone behind a non-Local dial string (an agent's device, a customer's number)
 * reacts when it is dialled.
 */
public sealed interface Phone {

    /**
     * Rings, then answers after {@code ringFor}; hangs up after {@code talkFor} unless that is null.
     * {@code amd} is what AMD() would decide about the audio it sends (a person or a machine).
     */
    record Answers(Duration ringFor, Duration talkFor, AmdOutcome amd) implements Phone {
        /** Rejects a null ring time or AMD outcome. */
        public Answers {
            Objects.requireNonNull(ringFor, "ringFor");
            Objects.requireNonNull(amd, "amd");
        }

        /** A person answers (AMD: HUMAN). */
        public Answers(Duration ringFor, Duration talkFor) {
            this(ringFor, talkFor, AmdOutcome.HUMAN);
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
