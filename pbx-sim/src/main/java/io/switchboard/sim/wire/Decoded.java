package io.switchboard.sim.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * One unit a streaming decoder produced: either a well-formed value or a report that some bytes
 * could not be understood. A broken peer never throws into the caller's read loop; it shows up
 * here as {@link Malformed} and the decoder carries on after the bad unit.
 *
 * @param <T> what a well-formed unit decodes into
 */
public sealed interface Decoded<T> permits Decoded.Ok, Decoded.Malformed {

    /**
     * A unit that decoded cleanly.
     *
     * @param value the decoded value
     * @param <T> the value type
     */
    record Ok<T>(T value) implements Decoded<T> {
        /** Rejects a null value. */
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Bytes that were skipped because they do not form a valid unit.
     *
     * @param reason what was wrong, for logs and test failures
     * @param raw the skipped bytes, exactly as received
     * @param <T> the value type the decoder would have produced
     */
    record Malformed<T>(String reason, byte[] raw) implements Decoded<T> {
        /** Copies the bytes so the report cannot change later. */
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            raw = raw.clone();
        }

        @Override
        public byte[] raw() {
            return raw.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Malformed<?> that
                    && reason.equals(that.reason) && Arrays.equals(raw, that.raw);
        }

        @Override
        public int hashCode() {
            return 31 * reason.hashCode() + Arrays.hashCode(raw);
        }

        @Override
        public String toString() {
            return "Malformed[" + reason + ", " + raw.length + " bytes]";
        }
    }

    /** Wraps a well-formed value. */
    static <T> Decoded<T> ok(T value) {
        return new Ok<>(value);
    }

    /** Reports bytes that could not be decoded. */
    static <T> Decoded<T> malformed(String reason, byte[] raw) {
        return new Malformed<>(reason, raw);
    }
}
