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
     * {@code keys} are the keys the person presses, one per prompt that reads a key (Asterisk
     * {@code Read}, FreeSWITCH {@code play_and_get_digits}), a second into it; empty: none, the prompt
     * times out.
     */
    record Answers(Duration ringFor, Duration talkFor, AmdOutcome amd, String keys) implements Phone {
        /** Rejects a null ring time, AMD outcome or keys. */
        public Answers {
            Objects.requireNonNull(ringFor, "ringFor");
            Objects.requireNonNull(amd, "amd");
            Objects.requireNonNull(keys, "keys");
        }

        /** Answers and presses no key. */
        public Answers(Duration ringFor, Duration talkFor, AmdOutcome amd) {
            this(ringFor, talkFor, amd, "");
        }

        /** The same phone, whose person presses {@code keys} at the prompts that read one. */
        public Answers pressing(String keys) {
            return new Answers(ringFor, talkFor, amd, keys);
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
